import type { ColumnTypeInfo } from '../../table/column-type'
import { inferColumnTypes } from '../../table/infer-types'
import { distinctCount, missingCount, type Column, type Table } from '../../table/table'
import { categoryCounts } from './categories'
import { count } from './format'

export interface LeftOutColumn {
  readonly column: string
  readonly why: string
}

/** Categories beyond this many, covering most rows, read as identifiers or free text. */
const MAX_ONE_HOT_CATEGORIES = 50
/** Values that name a part of an earlier split (train/valid/test), not a property of the row. */
const SPLIT_MARKERS = new Set(['train', 'training', 'valid', 'validation', 'val', 'dev', 'test'])

/**
 * Present values and distinct values, where they matter: a numeric column only needs to show
 * two different values (a Set of a million numbers costs seconds), a categorical one its count.
 */
function presentAndDistinct(column: Column): { present: number; distinct: number } {
  if (column.kind === 'categorical')
    return { present: column.codes.length - missingCount(column), distinct: distinctCount(column) }
  let present = 0
  let first = Number.NaN
  let distinct = 0
  for (const v of column.values) {
    if (v !== v) continue
    present++
    if (distinct === 0) {
      first = v
      distinct = 1
    } else if (distinct === 1 && v !== first) distinct = 2
  }
  return { present, distinct }
}

/** Why a column of this type stays out of the default recipe; null when the type is usable. */
function leftOutBecause(name: string, info: ColumnTypeInfo): string | null {
  switch (info.type) {
    case 'constant':
      return `"${name}" is constant, so it cannot tell rows apart. ${info.reason}`
    case 'identifier':
      return `"${name}" is an identifier: the network would memorise rows instead of learning. ${info.reason}`
    default:
      return null
  }
}

/** A column that records which part of an earlier split each row was in (train, valid, test). */
function splitMarker(column: Column): string[] | null {
  if (column.kind !== 'categorical') return null
  const used = categoryCounts(column).map((c) => c.category)
  return used.length >= 2 && used.every((c) => SPLIT_MARKERS.has(c.trim().toLowerCase()))
    ? used
    : null
}

/**
 * Columns the default recipe leaves out, each with the reason: constants carry no signal,
 * identifiers would only let the network memorise rows, and a train/valid/test marker describes
 * the file rather than the row. A categorical column with a category for most rows is left out
 * too (one-hot would give an input per row), unless the analyst chose its type. Dates and free
 * text stay: the recipe turns them into calendar parts and word ids.
 */
export function leftOutColumns(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[] = inferColumnTypes(table),
): LeftOutColumn[] {
  const out: LeftOutColumn[] = []
  table.columns.forEach((column, i) => {
    if (column.name === target) return
    const info = types[i]
    const byType = info ? leftOutBecause(column.name, info) : null
    if (byType) {
      out.push({ column: column.name, why: byType })
      return
    }
    const { present, distinct } = presentAndDistinct(column)
    const marker = info?.type === 'text' ? null : splitMarker(column)
    if (distinct <= 1) {
      out.push({
        column: column.name,
        why: `"${column.name}" has ${distinct === 0 ? 'no values' : 'a single value'}, so it cannot tell rows apart.`,
      })
    } else if (marker && !info?.overridden) {
      out.push({
        column: column.name,
        why: `"${column.name}" only says which part of an earlier split each row came from (${marker.join(', ')}): it describes the file, not the row, and the recipe makes its own split.`,
      })
    } else if (
      column.kind === 'categorical' &&
      info?.type !== 'text' &&
      !info?.overridden &&
      distinct > MAX_ONE_HOT_CATEGORIES &&
      distinct > present / 2
    ) {
      out.push({
        column: column.name,
        why: `"${column.name}" has ${count(distinct)} different values in ${count(present)} rows: one-hot encoding would give the network an input per row to memorise.`,
      })
    }
  })
  return out
}
