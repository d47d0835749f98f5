import { describe, expect, it } from 'vitest'
import type { Dataset } from './engine'
import type { TrainConfig } from './train-config'
import { validationFor } from './validation-source'

/** 50 rows whose single input is the row number, so every row can be traced. */
const rows = 50
const train: Dataset = {
  x: { values: Float32Array.from({ length: rows }, (_, i) => i), rows, width: 1 },
  y: { values: Float32Array.from({ length: rows }, (_, i) => i % 2), rows, width: 1 },
}
const split: Dataset = {
  x: { values: Float32Array.from([100, 101]), rows: 2, width: 1 },
  y: { values: Float32Array.from([0, 1]), rows: 2, width: 1 },
}
const base: TrainConfig = { optimizer: 'adam', learningRate: 0.01, batchSize: 8, epochs: 2 }
const ids = (d: Dataset | null) => Array.from(d?.x.values ?? [])

describe('validationFor', () => {
  it("'split' (and an absent setting) keeps the recipe's validation part", () => {
    expect(validationFor(train, split, base, 1)).toEqual({ train, validation: split })
    expect(validationFor(train, split, { ...base, validation: 'split' }, 1).validation).toBe(split)
  })

  it("an empty split part or 'none' means no validation", () => {
    const empty: Dataset = { x: { ...split.x, values: new Float32Array(0), rows: 0 }, y: split.y }
    expect(validationFor(train, empty, base, 1).validation).toBeNull()
    expect(validationFor(train, split, { ...base, validation: 'none' }, 1)).toEqual({
      train,
      validation: null,
    })
  })

  it("'from-training' holds out a seeded share of the training rows, apart from the rest", () => {
    const config: TrainConfig = { ...base, validation: 'from-training', validationShare: 0.2 }
    const a = validationFor(train, split, config, 7)
    // Keras: split at int(50 × 0.8) = 40, so 10 rows held out.
    expect(a.validation?.x.rows).toBe(10)
    expect(a.train.x.rows).toBe(40)
    const held = ids(a.validation)
    const kept = ids(a.train)
    expect([...held, ...kept].sort((p, q) => p - q)).toEqual(ids(train))
    // Not simply the last rows, and each row keeps its own label.
    expect(held).not.toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49])
    expect(Array.from(a.validation?.y.values ?? [])).toEqual(held.map((i) => i % 2))
    // The same seed holds out the same rows; another seed other rows.
    expect(ids(validationFor(train, split, config, 7).validation)).toEqual(held)
    expect(ids(validationFor(train, split, config, 8).validation)).not.toEqual(held)
  })

  it("'from-training' uses 20% by default and refuses a single training row with advice", () => {
    const config: TrainConfig = { ...base, validation: 'from-training' }
    expect(validationFor(train, null, config, 1).validation?.x.rows).toBe(10)
    const one: Dataset = {
      x: { values: Float32Array.from([1]), rows: 1, width: 1 },
      y: { values: Float32Array.from([0]), rows: 1, width: 1 },
    }
    expect(() => validationFor(one, null, config, 1)).toThrow(
      /needs at least 2 training rows, and there are 1: add rows, or choose "None"/,
    )
  })
})
