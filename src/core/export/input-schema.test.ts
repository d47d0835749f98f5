import { describe, expect, it } from 'vitest'
import { typicalValue } from '../evaluate/explain/table-rows'
import { bundledTable } from '../train/run-history-test-run'
import { findColumn, type Table } from '../table/table'
import { inputColumnNames, inputSchemaOf, MAX_CATEGORIES } from './input-schema'

const { table, recipeFor } = bundledTable('GermanCredit.csv')
const recipe = recipeFor('Class')
const schema = inputSchemaOf(recipe, table)
const byName = (name: string) => {
  const column = schema.find((c) => c.name === name)
  if (!column) throw new Error(`no input ${name}`)
  return column
}

describe('inputSchemaOf on German credit', () => {
  it('asks for every column but the target, in upload order', () => {
    const names = table.columns.map((c) => c.name).filter((n) => n !== 'Class')
    expect(schema.map((c) => c.name)).toEqual(names)
    expect(inputColumnNames(recipe)).toEqual(names)
  })

  it('gives numeric columns the range seen and the median as the typical value', () => {
    const duration = byName('Duration')
    const values = Array.from((findColumn(table, 'Duration') as { values: Float64Array }).values)
    expect(duration.kind).toBe('numeric')
    expect(duration.min).toBe(Math.min(...values))
    expect(duration.max).toBe(Math.max(...values))
    const sorted = [...values].sort((a, b) => a - b)
    expect(duration.typical).toBe(((sorted[499] ?? NaN) + (sorted[500] ?? NaN)) / 2)
    expect(duration.categories).toEqual([])
  })

  it('lists categories most frequent first, the most frequent being the typical value', () => {
    // Predicting Age, the credit class is an input: German credit's one categorical column.
    const status = inputSchemaOf(recipeFor('Age'), table).find((c) => c.name === 'Class')
    if (!status) throw new Error('Class should be an input when Age is predicted')
    const column = findColumn(table, 'Class')
    if (column.kind !== 'categorical') throw new Error('categorical expected')
    const count = (label: string) =>
      Array.from(column.codes).filter((c) => column.categories[c] === label).length
    const counts = status.categories.map(count)
    expect([...counts].sort((a, b) => b - a)).toEqual(counts)
    expect(new Set(status.categories)).toEqual(new Set(column.categories))
    expect(status.typical).toBe(status.categories[0])
    expect(status.categories).toEqual(['Good', 'Bad'])
    expect(status.typical).toBe(typicalValue(table, 'Class'))
    expect(status.kind).toBe('categorical')
    expect(status.min).toBeNull()
  })

  it('says where the data had missing values', () => {
    expect(schema.every((c) => !c.missingSeen)).toBe(true)
    const blanked: Table = {
      ...table,
      columns: table.columns.map((c) =>
        c.name === 'Age' && c.kind === 'numeric'
          ? { ...c, values: Float64Array.from(c.values, (v, i) => (i === 3 ? NaN : v)) }
          : c,
      ),
    }
    const age = inputSchemaOf(recipe, blanked).find((c) => c.name === 'Age')
    expect(age?.missingSeen).toBe(true)
    expect(age?.min).toBe(byName('Age').min)
  })

  it(`keeps the ${MAX_CATEGORIES} most frequent of a column with many categories`, () => {
    const many = Array.from({ length: 700 }, (_, i) => `c${i}`)
    const codes = Int32Array.from({ length: table.rowCount }, (_, i) => (i < 300 ? 699 : i % 700))
    const wide: Table = {
      ...table,
      columns: table.columns.map((c) =>
        c.name === 'Class' ? { name: c.name, kind: 'categorical', categories: many, codes } : c,
      ),
    }
    const purpose = inputSchemaOf(recipeFor('Age'), wide).find((c) => c.name === 'Class')
    expect(purpose?.categories).toHaveLength(MAX_CATEGORIES)
    expect(purpose?.categories[0]).toBe('c699')
    expect(purpose?.typical).toBe('c699')
  })
})
