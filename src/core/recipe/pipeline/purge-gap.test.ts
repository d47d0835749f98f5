import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../../table/parse-delimited'
import { findColumn } from '../../table/table'
import { proposeRecipe } from '../propose'
import type { Recipe } from '../recipe-schema'
import { prepareData } from './prepare-data'

// A series whose value is its month number, so a target tells which month it came from.
const lines = Array.from(
  { length: 40 },
  (_, t) => `2020-${String((t % 12) + 1).padStart(2, '0')},${t}`,
)
const { table } = parseDelimitedText(`month,value\n${lines.join('\n')}\n`)

function windowed(horizon: number): Recipe {
  return {
    ...proposeRecipe(table, 'series.csv', 'value'),
    steps: [
      { id: 'd', enabled: true, op: 'drop-columns', columns: ['month'] },
      {
        id: 'w',
        enabled: true,
        op: 'windows',
        orderBy: null,
        columns: ['value'],
        lookback: 3,
        horizon,
        stride: 1,
      },
    ],
    split: { method: 'chronological', orderBy: null, train: 0.6, validation: 0.2, test: 0.2 },
    balance: { method: 'none' },
  }
}

describe('windows with a chronological split: the purge gap', () => {
  it.each([1, 3])('no training target comes from after the training period (horizon %i)', (h) => {
    const prepared = prepareData(windowed(h), table)
    expect(prepared.error).toBeNull()
    const target = findColumn(prepared.table, 'value')
    if (target.kind !== 'numeric') throw new Error('the target should stay numeric')
    const input = findColumn(prepared.table, 'value (t)')
    if (input.kind !== 'numeric') throw new Error('the current value should be an input')
    const lastTrainTime = Math.max(...Array.from(prepared.parts.train, (r) => input.values[r] ?? 0))
    const latestTarget = Math.max(...Array.from(prepared.parts.train, (r) => target.values[r] ?? 0))
    expect(latestTarget).toBeLessThanOrEqual(lastTrainTime + h)
    // Without the gap the last training rows would learn values of the validation period.
    const firstValidationTime = Math.min(
      ...Array.from(prepared.parts.validation, (r) => input.values[r] ?? 0),
    )
    expect(latestTarget).toBeLessThan(firstValidationTime)
  })
})
