// `npx vitest bench --run src/core/table/sort-rows.bench.ts`: argsort of one 1,000,000-row column,
// as the data grid sorts it. Prints figures; never fails on time.
import { bench, describe } from 'vitest'
import { sortRows } from './sort-rows'
import type { Column } from './table'

const ROWS = 1_000_000
let seed = 1
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
  return seed / 2 ** 32
}

const amounts: Column = {
  name: 'amount',
  kind: 'numeric',
  values: Float64Array.from({ length: ROWS }, () =>
    random() < 0.02 ? Number.NaN : (random() - 0.5) * 1e6,
  ),
}
const ages: Column = {
  name: 'age',
  kind: 'numeric',
  values: Float64Array.from({ length: ROWS }, () => 18 + Math.floor(random() * 60)),
}
const purposes: Column = {
  name: 'purpose',
  kind: 'categorical',
  categories: Array.from({ length: 1000 }, (_, i) => `purpose ${i}`),
  codes: Int32Array.from({ length: ROWS }, () => Math.floor(random() * 1001) - 1),
}
const ids: Column = {
  name: 'id',
  kind: 'categorical',
  categories: Array.from({ length: ROWS }, (_, i) => `C-${((i * 7919) % ROWS).toString(36)}`),
  codes: Int32Array.from({ length: ROWS }, (_, i) => i),
}

describe('argsort of 1,000,000 rows', () => {
  bench('numeric, random doubles, 2% missing', () => void sortRows(amounts, 'ascending'))
  bench('numeric, descending', () => void sortRows(amounts, 'descending'))
  bench('integer, 60 distinct values', () => void sortRows(ages, 'ascending'))
  bench('categorical, 1,000 categories', () => void sortRows(purposes, 'ascending'))
  bench('categorical, 1,000,000 distinct identifiers', () => void sortRows(ids, 'ascending'), {
    iterations: 2,
  })
})
