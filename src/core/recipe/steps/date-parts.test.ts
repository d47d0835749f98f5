import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inferTable } from '../../table/infer-types'
import { parseDelimitedText } from '../../table/parse-delimited'
import { tableFromRecords } from '../../table/records'
import { cellValue, findColumn, type NumericColumn, type Table } from '../../table/table'
import { applyRecipe } from '../pipeline/apply-recipe'
import { prepareData } from '../pipeline/prepare-data'
import type { StepContext } from '../pipeline/step-impl'
import { proposeRecipe } from '../propose'
import { sourceColumns, type Recipe } from '../recipe-schema'
import { DATE_PARTS, stepSchema, type StepOf } from '../step-schema'
import { datePartsStep } from './date-parts'

/** pandas 1.5.3's parts of fixed and seeded instants; see fixtures/make-date-parts-fixtures.py. */
const fixtures = JSON.parse(
  readFileSync(new URL('./fixtures/date-parts-fixtures.json', import.meta.url), 'utf8'),
) as { ms: number[] } & Record<(typeof DATE_PARTS)[number], number[]>

const ctx: StepContext = { target: 'y', seed: 1, mode: 'train' }

function step(overrides: Partial<StepOf<'date-parts'>> = {}): StepOf<'date-parts'> {
  return {
    id: 'd1',
    enabled: true,
    op: 'date-parts',
    column: 'when',
    parts: [...DATE_PARTS],
    cyclical: false,
    ...overrides,
  }
}

function table(dates: readonly number[]): Table {
  return {
    rowCount: dates.length,
    columns: [
      { name: 'id', kind: 'numeric', values: Float64Array.from(dates, (_, i) => i) },
      { name: 'when', kind: 'numeric', values: Float64Array.from(dates) },
      { name: 'y', kind: 'numeric', values: Float64Array.from(dates, (_, i) => i % 2) },
    ],
  }
}

function rows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i)
}

function run(s: StepOf<'date-parts'>, t: Table, mode: StepContext['mode'] = 'train') {
  const fitted = datePartsStep.fit(s, t, rows(t.rowCount), { ...ctx, mode })
  return datePartsStep.apply(fitted, t, rows(t.rowCount), { ...ctx, mode })
}

function values(t: Table, name: string): number[] {
  return Array.from((findColumn(t, name) as NumericColumn).values)
}

const utc = Date.UTC

describe('date-parts step', () => {
  it("gives pandas' .dt parts for 212 instants from 1800 to 2200 (leap days, before 1970)", () => {
    const out = run(step(), table(fixtures.ms)).table
    for (const part of DATE_PARTS) expect(values(out, `when.${part}`), part).toEqual(fixtures[part])
  })

  it('replaces the date column in place by "<column>.<part>", in the order asked', () => {
    const out = run(
      step({ parts: ['weekday', 'year', 'hour'] }),
      table([utc(2024, 2, 1, 13, 45)]),
    ).table
    expect(out.columns.map((c) => c.name)).toEqual([
      'id',
      'when.weekday',
      'when.year',
      'when.hour',
      'y',
    ])
    // 1 March 2024 was a Friday: 4 when Monday is 0.
    expect(out.columns.map((c) => cellValue(c, 0))).toEqual([0, 4, 2024, 13, 0])
  })

  it('turns month, weekday, hour and day-of-year into sine/cosine pairs when cyclical', () => {
    const dates = [utc(2023, 11, 31, 23), utc(2024, 0, 1, 0), utc(2024, 0, 31, 1)]
    const out = run(step({ cyclical: true }), table(dates)).table
    expect(out.columns.map((c) => c.name)).toEqual([
      'id',
      'when.year',
      'when.quarter',
      'when.month_sin',
      'when.month_cos',
      'when.day',
      'when.weekday_sin',
      'when.weekday_cos',
      'when.day-of-year_sin',
      'when.day-of-year_cos',
      'when.hour_sin',
      'when.hour_cos',
      'when.minute',
      'y',
    ])
    expect(values(out, 'when.year')).toEqual([2023, 2024, 2024])
    expect(values(out, 'when.day')).toEqual([31, 1, 31])
    // Month 12 of a period of 12 is a full turn: sin 0, cos 1.
    expect(values(out, 'when.month_sin')[0]).toBeCloseTo(0, 12)
    expect(values(out, 'when.month_cos')[0]).toBeCloseTo(1, 12)
    expect(values(out, 'when.hour_sin')[1]).toBeCloseTo(0, 12)
    expect(values(out, 'when.day-of-year_sin')[1]).toBeCloseTo(Math.sin((2 * Math.PI) / 365.25))
    const point = (name: string, row: number) => [
      values(out, `when.${name}_sin`)[row] as number,
      values(out, `when.${name}_cos`)[row] as number,
    ]
    const distance = (a: number[], b: number[]) =>
      Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0))
    // December sits as close to January as January to February (one month apart either way).
    const feb = run(step({ cyclical: true }), table([utc(2024, 1, 1)])).table
    const febPoint = [values(feb, 'when.month_sin')[0] ?? 0, values(feb, 'when.month_cos')[0] ?? 0]
    expect(distance(point('month', 0), point('month', 1))).toBeCloseTo(
      distance(point('month', 1), febPoint),
      12,
    )
    // 23:00 is one hour from midnight, not 23.
    expect(distance(point('hour', 0), point('hour', 1))).toBeCloseTo(2 * Math.sin(Math.PI / 24))
  })

  it('gives missing parts for a missing date, cyclical or not', () => {
    for (const cyclical of [false, true]) {
      const out = run(step({ cyclical }), table([Number.NaN, utc(2024, 2, 1)])).table
      const parts = out.columns.filter((c) => c.name.startsWith('when.'))
      expect(parts.length).toBeGreaterThan(0)
      for (const column of parts) {
        expect(cellValue(column, 0), column.name).toBeNull()
        expect(cellValue(column, 1), column.name).not.toBeNull()
      }
    }
  })

  it('refuses a text column, saying to set its type to datetime or add a cast step', () => {
    const text: Table = {
      rowCount: 1,
      columns: [{ name: 'when', kind: 'categorical', codes: Int32Array.of(0), categories: ['x'] }],
    }
    expect(() => run(step(), text)).toThrow(
      /"when" holds text, not dates.*type to datetime on the Data step.*cast step/,
    )
  })

  it('refuses to split the target', () => {
    expect(() => datePartsStep.fit(step({ column: 'y' }), table([0]), rows(1), ctx)).toThrow(
      /"y" is the target/,
    )
  })

  it('notes numbers that cannot be dates in milliseconds (years typed as 2024)', () => {
    const years = table([2019, 2020, Number.NaN])
    expect(run(step(), years).notes?.join(' ')).toMatch(/look like plain numbers.*datetime/)
    expect(run(step(), table([utc(2024, 0, 1)])).notes).toEqual([])
  })

  it('survives a JSON round trip and applies the same after it', () => {
    const s = step({ parts: ['month', 'hour'], cyclical: true, why: 'seasonality' })
    const t = table([utc(2024, 6, 4, 9), utc(1999, 11, 31, 23, 59)])
    const fitted = datePartsStep.fit(s, t, rows(2), ctx)
    const back = stepSchema.parse(JSON.parse(JSON.stringify(fitted)))
    expect(back).toEqual(fitted)
    const again = datePartsStep.apply(back as StepOf<'date-parts'>, t, rows(2), ctx)
    expect(again.table).toEqual(datePartsStep.apply(fitted, t, rows(2), ctx).table)
  })

  it('learns nothing from any row: other rows changed, the fitted step is the same', () => {
    const t = table([utc(2020, 0, 1), utc(2021, 5, 6), utc(2022, 8, 9)])
    const changed = table([utc(2020, 0, 1), utc(1950, 1, 2), Number.NaN])
    const train = Int32Array.of(0)
    expect(datePartsStep.fit(step(), changed, train, ctx)).toEqual(
      datePartsStep.fit(step(), t, train, ctx),
    )
  })

  it('describes itself and reads only its column', () => {
    expect(datePartsStep.describe(step({ parts: ['year', 'month'], cyclical: true }))).toBe(
      'Date parts of when: year, month (cyclical as sine/cosine)',
    )
    expect(datePartsStep.reads(step())).toEqual(['when'])
  })
})

describe('date-parts in the recipe, on stocks.csv', () => {
  const text = readFileSync(
    new URL('../../../../public/datasets/stocks.csv', import.meta.url),
    'utf8',
  )
  const parsed = parseDelimitedText(text)
  const { table: stocks, types } = inferTable(parsed.table)
  const recipe: Recipe = {
    ...proposeRecipe(stocks, 'stocks.csv', 'price', 42, types),
    steps: [
      { id: 'drop', enabled: true, op: 'drop-columns', columns: ['symbol'] },
      step({ id: 'parts', column: 'date', parts: ['year', 'month', 'weekday'] }),
    ],
  }

  it('reads the dates as datetime and splits them for training, fitted on the training rows', () => {
    expect(types[1]?.type).toBe('datetime')
    const prepared = prepareData(recipe, stocks)
    expect(prepared.error).toBeNull()
    expect(prepared.recipe.features?.map((f) => [f.name, f.sources])).toEqual([
      ['date.year', ['date']],
      ['date.month', ['date']],
      ['date.weekday', ['date']],
    ])
    // Row 0 is MSFT on 2000-01-01, a Saturday.
    const row0 = ['date.year', 'date.month', 'date.weekday'].map((name) =>
      cellValue(findColumn(prepared.table, name), 0),
    )
    expect(row0).toEqual([2000, 1, 5])
  })

  it('gives a date typed into the predict form the parts of the same training date', () => {
    const fitted = prepareData(recipe, stocks).recipe
    const source = sourceColumns(fitted).find((c) => c.name === 'date')
    expect(source?.type).toBe('datetime')
    const typed = tableFromRecords(
      [
        { symbol: 'MSFT', date: '2000-01-01' },
        { symbol: 'MSFT', date: '01/01/2000' },
        { symbol: 'MSFT', date: utc(2000, 0, 1) },
        { symbol: 'MSFT', date: '' },
      ],
      sourceColumns(fitted),
    )
    const applied = applyRecipe(fitted, typed)
    const parts = (row: number) =>
      ['date.year', 'date.month', 'date.weekday'].map((name) =>
        cellValue(findColumn(applied.table, name), row),
      )
    expect([0, 1, 2].map(parts)).toEqual([
      [2000, 1, 5],
      [2000, 1, 5],
      [2000, 1, 5],
    ])
    expect(parts(3)).toEqual([null, null, null])
    expect(applied.unpredictable.every((flag) => flag === 0)).toBe(true)
  })
})
