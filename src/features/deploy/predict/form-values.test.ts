import { describe, expect, it } from 'vitest'
import { inputSchemaOf } from '../../../core/export/input-schema'
import { bundledTable } from '../../../core/train/run-history-test-run'
import { formRecord, rangeWarning, typicalValues } from './form-values'

const { table, recipeFor } = bundledTable('GermanCredit.csv')
const schema = inputSchemaOf(recipeFor('Age'), table)
const input = (name: string) => {
  const found = schema.find((c) => c.name === name)
  if (!found) throw new Error(`no input ${name}`)
  return found
}

describe('the predict form values', () => {
  it('start on the typical row and read back as numbers and categories', () => {
    const values = typicalValues(schema)
    expect(values.Class).toBe('Good')
    const record = formRecord(schema, values)
    expect(record.Duration).toBe(input('Duration').typical)
    expect(record.Class).toBe('Good')
  })

  it('treat an empty field as missing and keep text that is no number for the checks', () => {
    const record = formRecord(schema, { ...typicalValues(schema), Duration: '', Amount: '12k' })
    expect(record.Duration).toBeNull()
    expect(record.Amount).toBe('12k')
  })

  it('warn about a value outside the training range only', () => {
    const duration = input('Duration')
    expect(rangeWarning(duration, String(duration.max))).toBeNull()
    expect(rangeWarning(duration, String((duration.max ?? 0) + 1))).toContain(
      'Outside the training range',
    )
    expect(rangeWarning(duration, '')).toBeNull()
  })
})
