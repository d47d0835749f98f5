import { readFileSync } from 'node:fs'
import { parseDelimitedText } from '../../table/parse-delimited'
import { findColumn, MISSING_CODE, type Column, type Table } from '../../table/table'
import type { StepContext, StepImpl, StepOutput } from '../pipeline/step-impl'
import { stepSchema, type StepOf, type StepOp } from '../step-schema'

/** Support for the step tests: tables from CSV text or bundled data, fit-then-apply, round trips. */

export function csvTable(text: string): Table {
  return parseDelimitedText(text).table
}

/** The first `rows` rows of a dataset bundled in public/datasets. */
export function datasetTable(name: string, rows: number): Table {
  const text = readFileSync(new URL(`../../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return csvTable(
    text
      .split('\n')
      .slice(0, rows + 1)
      .join('\n'),
  )
}

export function rowRange(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, i) => from + i)
}

export const trainCtx = (target: string): StepContext => ({ target, seed: 7, mode: 'train' })
export const predictCtx = (target: string): StepContext => ({ target, seed: 7, mode: 'predict' })

/** Fits on `trainRows`, then applies to every row, as the pipeline does. */
export function fitApply<O extends StepOp>(
  impl: StepImpl<O>,
  step: StepOf<O>,
  table: Table,
  trainRows: Int32Array,
  ctx: StepContext,
): { fitted: StepOf<O>; output: StepOutput } {
  const fitted = impl.fit(step, table, trainRows, ctx)
  return { fitted, output: impl.apply(fitted, table, rowRange(0, table.rowCount), ctx) }
}

/** The step as a saved recipe holds it: written to JSON and read back through the schema. */
export function roundTrip<O extends StepOp>(step: StepOf<O>): StepOf<O> {
  return stepSchema.parse(JSON.parse(JSON.stringify(step))) as StepOf<O>
}

/** A numeric column's values, NaN for missing (toEqual treats NaN as equal to NaN). */
export function numbers(table: Table, name: string): number[] {
  const column = findColumn(table, name)
  if (column.kind !== 'numeric') throw new Error(`"${name}" is not numeric`)
  return Array.from(column.values)
}

export function columnNames(table: Table): string[] {
  return table.columns.map((c) => c.name)
}

/**
 * The table with every value outside `keep` changed (numbers moved far away, categories renamed
 * to ones never seen), so a fit that peeks beyond the training rows gives a different result.
 */
export function changedOutside(table: Table, keep: Int32Array): Table {
  const kept = new Set(keep)
  const columns = table.columns.map((column): Column => {
    if (column.kind === 'numeric') {
      const values = column.values.map((v, row) => (kept.has(row) ? v : v * 7 + 1000))
      return { ...column, values }
    }
    const categories = [...column.categories]
    const codes = column.codes.map((code, row) => {
      if (kept.has(row) || code === MISSING_CODE) return code
      categories.push(`changed ${row}`)
      return categories.length - 1
    })
    return { ...column, codes, categories }
  })
  return { columns, rowCount: table.rowCount }
}
