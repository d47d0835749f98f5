import { describe, expect, it } from 'vitest'
import { castColumn } from './cast-column'
import type { ColumnType } from './column-type'
import { inferTable } from './infer-types'
import { parseDelimitedText } from './parse-delimited'
import { cellValue, type Column } from './table'

/** A loaded column (parsed and inferred) and its inferred type. */
function loaded(cells: readonly string[]) {
  const text = `c,filler\n${cells.map((cell, i) => `"${cell}",${i}`).join('\n')}\n`
  const { table, types } = inferTable(parseDelimitedText(text).table)
  const column = table.columns[0]
  const info = types[0]
  if (!column || !info) throw new Error('no column')
  return { column, info }
}

const cells = (column: Column) =>
  Array.from(
    { length: column.kind === 'numeric' ? column.values.length : column.codes.length },
    (_, r) => cellValue(column, r),
  )

function cast(cellTexts: readonly string[], to: ColumnType) {
  const { column, info } = loaded(cellTexts)
  return castColumn(column, info, to)
}

describe('castColumn: categories to numbers', () => {
  it('numeric: parses categories, cells that are not numbers become missing and are counted', () => {
    const { column, info } = cast(['1.5', '2', 'unknown', '00123', 'n/a'], 'numeric')
    expect(column.kind).toBe('numeric')
    expect(cells(column)).toEqual([1.5, 2, null, 123, null])
    expect(info).toEqual({
      type: 'numeric',
      reason:
        'Chosen by you: read as numbers (inferred: categorical). 1 cell(s) that are not numbers (such as "unknown") are now missing.',
      overridden: true,
    })
  })

  it('integer: keeps decimals and says so', () => {
    const { column, info } = cast(['1', '2.5', 'x'], 'integer')
    expect(cells(column)).toEqual([1, 2.5, null])
    expect(info.reason).toMatch(/Some values have decimals; they are kept as they are\./)
  })

  it('datetime: parses dates, the rest become missing', () => {
    const { column, info } = cast(['2024-01-02', 'soon', '2024-01-03', 'x'], 'datetime')
    expect(cells(column)).toEqual([Date.UTC(2024, 0, 2), null, Date.UTC(2024, 0, 3), null])
    expect(info.reason).toMatch(/2 cell\(s\) that are not dates \(such as "soon"\) are now missing/)
  })
})

describe('castColumn: numbers to categories and dates', () => {
  it('categorical and text: each distinct number becomes a category', () => {
    for (const to of ['categorical', 'text'] as const) {
      const { column, info } = cast(['3', '1', '3', ''], to)
      expect(column.kind).toBe('categorical')
      if (column.kind !== 'categorical') return
      expect(column.categories).toEqual(['3', '1'])
      expect(cells(column)).toEqual(['3', '1', '3', null])
      expect(info.type).toBe(to)
    }
  })

  it('dates as categories are written as dates, not milliseconds', () => {
    const { column } = cast(['2024-01-02', '2024-01-03'], 'categorical')
    expect(cells(column)).toEqual(['2024-01-02', '2024-01-03'])
  })

  it('datetime from numbers: YYYYMMDD, Unix seconds, milliseconds; anything else is missing', () => {
    expect(cells(cast(['20240102', '20231231'], 'datetime').column)).toEqual([
      Date.UTC(2024, 0, 2),
      Date.UTC(2023, 11, 31),
    ])
    expect(cells(cast(['1700000000', '1700086400'], 'datetime').column)).toEqual([
      1_700_000_000_000, 1_700_086_400_000,
    ])
    const odd = cast(['1.5', '2.5'], 'datetime')
    expect(cells(odd.column)).toEqual([null, null])
    expect(odd.info.reason).toMatch(/every cell is now missing/)
  })

  it('numeric from integer and dates as numbers keep the stored numbers', () => {
    expect(cells(cast(['4', '72'], 'numeric').column)).toEqual([4, 72])
    expect(cells(cast(['2024-01-02', '2024-01-03'], 'numeric').column)).toEqual([
      Date.UTC(2024, 0, 2),
      Date.UTC(2024, 0, 3),
    ])
  })
})

describe('castColumn: types that keep their storage, and undo', () => {
  it('boolean, identifier and constant keep the cells as they are', () => {
    for (const to of ['boolean', 'identifier', 'constant'] as const) {
      const { column, info } = cast(['a', 'b', 'a'], to)
      expect(cells(column)).toEqual(['a', 'b', 'a'])
      expect(info).toMatchObject({ type: to, overridden: true })
    }
  })

  it('choosing the inferred type again gives back the loaded column and the inferred reason', () => {
    const { column, info } = loaded(['1.5', 'unknown', '2'])
    const numeric = castColumn(column, info, 'numeric')
    expect(cells(numeric.column)).toEqual([1.5, null, 2])
    const back = castColumn(column, info, 'categorical')
    expect(back.column).toBe(column)
    expect(back.info).toBe(info)
    expect(cells(back.column)).toEqual(['1.5', 'unknown', '2'])
  })
})
