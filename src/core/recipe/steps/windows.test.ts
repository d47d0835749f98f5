import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inferTable } from '../../table/infer-types'
import { parseDelimitedText } from '../../table/parse-delimited'
import { tableFromRecords } from '../../table/records'
import {
  cellValue,
  findColumn,
  MISSING_CODE,
  type Column,
  type NumericColumn,
  type Table,
} from '../../table/table'
import { applyRecipe } from '../pipeline/apply-recipe'
import { prepareData } from '../pipeline/prepare-data'
import type { StepContext } from '../pipeline/step-impl'
import { proposeRecipe } from '../propose'
import { sourceColumns, type Recipe } from '../recipe-schema'
import { stepSchema, type StepOf } from '../step-schema'
import { windowsStep } from './windows'

const train: StepContext = { target: 'y', seed: 1, mode: 'train' }
const predict: StepContext = { ...train, mode: 'predict' }

function step(overrides: Partial<StepOf<'windows'>> = {}): StepOf<'windows'> {
  return {
    id: 'w1',
    enabled: true,
    op: 'windows',
    orderBy: 't',
    columns: ['x', 'y'],
    lookback: 3,
    horizon: 1,
    stride: 1,
    ...overrides,
  }
}

const num = (name: string, values: readonly number[]): NumericColumn => ({
  name,
  kind: 'numeric',
  values: Float64Array.from(values),
})

/**
 * Six days in a shuffled file order: t is the day, x = 10·day, y = 100·day, so every value says
 * which day it came from.
 */
const DAYS = [3, 1, 6, 2, 5, 4]
function series(days: readonly number[] = DAYS): Table {
  return {
    rowCount: days.length,
    columns: [
      num('t', days),
      num(
        'x',
        days.map((d) => 10 * d),
      ),
      num(
        'y',
        days.map((d) => 100 * d),
      ),
    ],
  }
}

function every(t: Table): Int32Array {
  return Int32Array.from({ length: t.rowCount }, (_, i) => i)
}

function run(s: StepOf<'windows'>, t: Table, ctx = train, live = every(t)) {
  return windowsStep.apply(windowsStep.fit(s, t, live, ctx), t, live, ctx)
}

/** A column's values by day (the "t" value of the row), missing as null. */
function byDay(t: Table, name: string): Record<string, number | string | null> {
  const day = findColumn(t, 't')
  const column = findColumn(t, name)
  const out: Record<string, number | string | null> = {}
  for (let row = 0; row < t.rowCount; row++)
    out[String(cellValue(day, row))] = cellValue(column, row)
  return out
}

function removedDays(t: Table, remove: Uint8Array | undefined): number[] {
  const day = findColumn(t, 't') as NumericColumn
  return Array.from(remove ?? [])
    .flatMap((flag, row) => (flag === 1 ? [day.values[row] as number] : []))
    .sort((a, b) => a - b)
}

describe('windows step', () => {
  it('adds lags in date order, the target now as an input and the target one row ahead', () => {
    const out = run(step(), series())
    expect(out.table.columns.map((c) => c.name)).toEqual([
      't',
      'x',
      'x (t-1)',
      'x (t-2)',
      'y',
      'y (t)',
      'y (t-1)',
      'y (t-2)',
    ])
    expect(byDay(out.table, 'x')).toEqual({ 1: 10, 2: 20, 3: 30, 4: 40, 5: 50, 6: 60 })
    expect(byDay(out.table, 'x (t-1)')).toEqual({ 1: null, 2: 10, 3: 20, 4: 30, 5: 40, 6: 50 })
    expect(byDay(out.table, 'x (t-2)')).toEqual({ 1: null, 2: null, 3: 10, 4: 20, 5: 30, 6: 40 })
    expect(byDay(out.table, 'y (t)')).toEqual({ 1: 100, 2: 200, 3: 300, 4: 400, 5: 500, 6: 600 })
    expect(byDay(out.table, 'y (t-1)')).toEqual({ 1: null, 2: 100, 3: 200, 4: 300, 5: 400, 6: 500 })
    expect(byDay(out.table, 'y')).toEqual({ 1: 200, 2: 300, 3: 400, 4: 500, 5: 600, 6: null })
    expect(out.derivedFrom?.get('x (t-2)')).toEqual(['x'])
    expect(out.derivedFrom?.get('y (t)')).toEqual(['y'])
  })

  it('removes rows without full history or a future from every part, saying why', () => {
    const out = run(step({ horizon: 2 }), series())
    expect(removedDays(out.table, out.remove)).toEqual([1, 2, 5, 6])
    expect(byDay(out.table, 'y')).toMatchObject({ 3: 500, 4: 600, 5: null, 6: null })
    expect(out.removeFrom).toBe('all')
    expect(out.unpredictable).toBe(true)
    expect(out.removeReason).toBe('needs 2 earlier rows in "t" order')
    expect(out.notes).toEqual([
      'Removed the first 2 rows (not enough history), the last 2 rows (no "y" 2 rows ahead).',
    ])
  })

  it('keeps every n-th complete window with a stride, in training only', () => {
    const days = Array.from({ length: 10 }, (_, i) => i + 1)
    const out = run(step({ stride: 3 }), series(days))
    // Complete windows with a future: days 3…9; kept 3, 6, 9.
    expect(removedDays(out.table, out.remove)).toEqual([1, 2, 4, 5, 7, 8, 10])
    expect(out.notes?.[0]).toMatch(/4 windows skipped by the stride of 3/)
    const scored = run(step({ stride: 3 }), series(days), predict)
    expect(removedDays(scored.table, scored.remove)).toEqual([1, 2])
  })

  it('uses file order when orderBy is null', () => {
    const out = run(step({ orderBy: null, lookback: 2 }), series())
    // File order is days 3, 1, 6, 2, 5, 4: each row lags the row above it.
    expect(byDay(out.table, 'x (t-1)')).toEqual({ 3: null, 1: 30, 6: 10, 2: 60, 5: 20, 4: 50 })
    expect(byDay(out.table, 'y')).toEqual({ 3: 100, 1: 600, 6: 200, 2: 500, 5: 400, 4: null })
    expect(out.removeReason).toBe('needs 1 earlier row in file order')
  })

  it('leaves rows removed by earlier steps out of the series', () => {
    // Day 3 (row 0) was removed before: day 4 follows day 2.
    const live = Int32Array.of(1, 2, 3, 4, 5)
    const out = run(step({ lookback: 2 }), series(), train, live)
    expect(byDay(out.table, 'x (t-1)')).toMatchObject({ 1: null, 2: 10, 4: 20, 5: 40, 6: 50 })
    expect(byDay(out.table, 'y')).toMatchObject({ 1: 200, 2: 400, 4: 500, 5: 600 })
  })

  it('keeps a row of the same date in file order and warns that series may be mixed', () => {
    const t = series([1, 2, 2, 3])
    const out = run(step({ lookback: 2, columns: ['x'] }), t)
    expect(Array.from((findColumn(out.table, 'x (t-1)') as NumericColumn).values)).toEqual([
      Number.NaN,
      10,
      20,
      20,
    ])
    expect(out.notes?.join(' ')).toMatch(
      /1 row has the same "t" value as the row before: several series may be mixed\. Filter the rows to one series/,
    )
  })

  it('places no row without a date in the series', () => {
    const t = series([1, Number.NaN, 2, 3])
    const out = run(step({ lookback: 2 }), t)
    expect(Array.from(out.remove ?? []).map(Boolean)).toEqual([true, true, false, true])
    expect(out.removeReason).toBe('needs 1 earlier row in "t" order and needs a "t" value')
    expect(out.notes?.join(' ')).toMatch(/1 row without a "t" value cannot be placed/)
  })

  it('with a look-back of 1 adds only the target now, and removes only rows without a future', () => {
    const out = run(step({ lookback: 1 }), series())
    expect(out.table.columns.map((c) => c.name)).toEqual(['t', 'x', 'y', 'y (t)'])
    expect(removedDays(out.table, out.remove)).toEqual([6])
    const scored = run(step({ lookback: 1 }), series(), predict)
    expect(scored.remove).toBeUndefined()
  })

  it('forecasts a class target too: its label one row ahead', () => {
    const t = series([1, 2, 3])
    const label: Column = {
      name: 'y',
      kind: 'categorical',
      codes: Int32Array.of(0, 1, MISSING_CODE),
      categories: ['up', 'down'],
    }
    const out = run(step({ lookback: 2, columns: ['x'] }), {
      ...t,
      columns: [...t.columns.slice(0, 2), label],
    })
    expect(byDay(out.table, 'y')).toEqual({ 1: 'down', 2: null, 3: null })
    expect(removedDays(out.table, out.remove)).toEqual([1, 2, 3])
  })

  it('refuses a categorical input or order column, saying what to do', () => {
    const t: Table = {
      ...series(),
      columns: [
        ...series().columns,
        { name: 'symbol', kind: 'categorical', codes: new Int32Array(6), categories: ['MSFT'] },
      ],
    }
    expect(() => run(step({ columns: ['x', 'symbol'] }), t)).toThrow(
      /"symbol" holds categories, so it cannot be given lag inputs\. Remove it from the windows step/,
    )
    expect(() => run(step({ orderBy: 'symbol' }), t)).toThrow(
      /order rows by "symbol", which holds text\. Set its type to datetime/,
    )
  })

  it('in predict mode removes nothing, flags rows without history, and needs no target', () => {
    const out = run(step(), series(), predict)
    expect(removedDays(out.table, out.remove)).toEqual([1, 2])
    expect(out.unpredictable).toBe(true)
    expect(out.notes).toEqual([])
    // A row typed in for scoring has no future value; without the target listed, none is needed.
    const noTarget: Table = { ...series(), columns: series().columns.slice(0, 2) }
    const scored = run(step({ columns: ['x'] }), noTarget, predict)
    expect(scored.table.columns.map((c) => c.name)).toEqual(['t', 'x', 'x (t-1)', 'x (t-2)'])
  })

  it('looks only back: changing later rows leaves the inputs of earlier rows the same', () => {
    const before = run(step(), series()).table
    const changed = series()
    // Day 6 (row 2) and day 5 (row 4) get other values.
    ;(findColumn(changed, 'x') as NumericColumn).values.set([-1], 2)
    ;(findColumn(changed, 'y') as NumericColumn).values.set([-2], 4)
    const after = run(step(), changed).table
    for (const name of ['x', 'x (t-1)', 'x (t-2)', 'y (t)', 'y (t-1)', 'y (t-2)']) {
      const a = byDay(after, name)
      const b = byDay(before, name)
      for (const day of [1, 2, 3, 4]) expect(a[day], `${name} on day ${day}`).toEqual(b[day])
    }
  })

  it('learns nothing: other rows changed, the fitted step is the same', () => {
    const trainRows = Int32Array.of(1, 3, 0)
    const changed = series([3, 1, 60, 2, 50, 40])
    expect(windowsStep.fit(step(), changed, trainRows, train)).toEqual(
      windowsStep.fit(step(), series(), trainRows, train),
    )
  })

  it('survives a JSON round trip and applies the same after it', () => {
    const s = step({ stride: 2, why: 'monthly prices' })
    const back = stepSchema.parse(JSON.parse(JSON.stringify(s))) as StepOf<'windows'>
    expect(back).toEqual(s)
    expect(run(back, series())).toEqual(run(s, series()))
  })

  it('describes itself and reads its columns and order column', () => {
    expect(windowsStep.describe(step({ stride: 2, lookback: 12 }))).toBe(
      'Windows of x, y by t: 12 rows in, target 1 ahead, every 2nd window',
    )
    expect(windowsStep.reads(step())).toEqual(['x', 'y', 't'])
  })
})

describe('windows on stocks.csv (MSFT), chronological split', () => {
  const parsed = parseDelimitedText(
    readFileSync(new URL('../../../../public/datasets/stocks.csv', import.meta.url), 'utf8'),
  )
  const { table: all, types } = inferTable(parsed.table)
  const symbol = findColumn(all, 'symbol')
  // One symbol's rows, newest first, so only the order by date can put them right.
  const rows = Array.from({ length: all.rowCount }, (_, r) => r)
    .filter((r) => cellValue(symbol, r) === 'MSFT')
    .reverse()
  const stocks: Table = {
    rowCount: rows.length,
    columns: all.columns.map((c): Column =>
      c.kind === 'numeric'
        ? { ...c, values: Float64Array.from(rows, (r) => c.values[r] as number) }
        : { ...c, codes: Int32Array.from(rows, (r) => c.codes[r] as number) },
    ),
  }
  const lookback = 4
  const horizon = 2
  const recipe: Recipe = {
    ...proposeRecipe(stocks, 'stocks.csv', 'price', 42, types),
    steps: [
      { id: 'drop', enabled: true, op: 'drop-columns', columns: ['symbol'] },
      step({ id: 'win', orderBy: 'date', columns: ['price'], lookback, horizon }),
      { id: 'nodate', enabled: true, op: 'drop-columns', columns: ['date'] },
    ],
    split: { method: 'chronological', orderBy: 'date', train: 0.7, validation: 0.15, test: 0.15 },
  }
  const prepared = prepareData(recipe, stocks)
  const date = findColumn(stocks, 'date') as NumericColumn
  const price = findColumn(stocks, 'price') as NumericColumn
  /** Rows of the one-symbol table by date, as the analyst sees the series. */
  const chronological = Array.from({ length: stocks.rowCount }, (_, r) => r).sort(
    (a, b) => (date.values[a] as number) - (date.values[b] as number),
  )

  it('reads 123 monthly MSFT prices with dates', () => {
    expect(stocks.rowCount).toBe(123)
    expect(types.map((t) => t.type)).toEqual(['categorical', 'datetime', 'numeric'])
    expect(prepared.error).toBeNull()
  })

  it('gives each test row the earlier months as inputs and the price two months ahead', () => {
    const { test } = prepared.parts
    expect(test.length).toBeGreaterThan(10)
    for (const row of test) {
      const at = chronological.indexOf(row)
      const value = (name: string) => cellValue(findColumn(prepared.table, name), row)
      expect(value('price (t)')).toBe(price.values[row])
      for (let k = 1; k < lookback; k++)
        expect(value(`price (t-${k})`)).toBe(price.values[chronological[at - k] as number])
      expect(value('price')).toBe(price.values[chronological[at + horizon] as number])
    }
  })

  it('removes the first lookback − 1 months and the last horizon months', () => {
    const kept = new Set([
      ...prepared.parts.train,
      ...prepared.parts.validation,
      ...prepared.parts.test,
    ])
    const gone = chronological.filter((row) => !kept.has(row))
    // Besides the ends, the purge gap: the last `horizon` training months would learn targets
    // from the validation period, so they leave training too.
    const lastTrain = Math.max(...Array.from(prepared.parts.train, (r) => chronological.indexOf(r)))
    const gap = chronological.slice(lastTrain + 1, lastTrain + 1 + horizon)
    expect(gone).toEqual([
      ...chronological.slice(0, lookback - 1),
      ...gap,
      ...chronological.slice(-horizon),
    ])
    expect(gap.every((row) => !kept.has(row))).toBe(true)
    expect(prepared.parts.train[0]).toBe(chronological[lookback - 1])
    expect(prepared.reports[1]?.removedRows).toBe(lookback - 1 + 2 * horizon)
  })

  it('traces every lag to the price column alone, oldest first as a sequence model reads them', () => {
    expect(prepared.recipe.features).toEqual([
      { name: 'price (t-3)', sources: ['price'] },
      { name: 'price (t-2)', sources: ['price'] },
      { name: 'price (t-1)', sources: ['price'] },
      { name: 'price (t)', sources: ['price'] },
    ])
  })

  it('scores typed-in months: the first three cannot be scored, the fourth can', () => {
    const months = ['2010-01-01', '2010-02-01', '2010-03-01', '2010-04-01']
    const typed = tableFromRecords(
      months.map((d, i) => ({ symbol: 'MSFT', date: d, price: 28 + i })),
      sourceColumns(prepared.recipe),
    )
    const applied = applyRecipe(prepared.recipe, typed)
    expect(Array.from(applied.unpredictable)).toEqual([1, 1, 1, 0])
    expect(applied.notes[0]).toEqual(['needs 3 earlier rows in "date" order'])
    expect(applied.notes[3]).toBeNull()
    const inputs = prepared.recipe.features?.map((f) =>
      cellValue(findColumn(applied.table, f.name), 3),
    )
    expect(inputs).toEqual([28, 29, 30, 31])
  })
})
