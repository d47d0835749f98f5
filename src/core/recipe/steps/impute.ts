import { count, formatValue } from '../../table/infer-types'
import { findColumn, MISSING_CODE, type Column, type NumericColumn } from '../../table/table'
import { spliceColumn } from '../pipeline/columns'
import type { StepContext, StepImpl } from '../pipeline/step-impl'
import {
  categoricalMode,
  meanStd,
  numericMode,
  quantileOfSorted,
  sortedPresent,
} from '../pipeline/stats'
import type { ImputeStrategy, StepOf } from '../step-schema'

type ImputeStep = StepOf<'impute'>
type Fill = number | string | null

/** The 0/1 column that keeps "this value was missing" as an input once the value is filled. */
export function indicatorName(column: string): string {
  return `${column} was missing`
}

/** What the fill value is, in words: "the training mean" (fallbacks are a median or a mode). */
function statisticName(strategy: ImputeStrategy, column: Column): string {
  if (strategy === 'mean' || strategy === 'median' || strategy === 'mode') return strategy
  return column.kind === 'numeric' ? 'median' : 'mode'
}

const shown = (value: Fill): string =>
  typeof value === 'number' ? formatValue(value) : value === null ? 'nothing' : `"${value}"`

function checkConstant(step: ImputeStep, column: Column): number | string {
  const constant = step.constant
  if (constant === undefined)
    throw new Error(`Give the constant that fills the missing values of "${column.name}".`)
  if (column.kind === 'numeric' && typeof constant !== 'number') {
    throw new Error(
      `"${column.name}" holds numbers, so the constant that fills it must be a number, not "${constant}".`,
    )
  }
  if (column.kind === 'categorical' && typeof constant !== 'string') {
    throw new Error(
      `"${column.name}" holds categories, so the constant that fills it must be text (a category), not ${constant}.`,
    )
  }
  return constant
}

/** The value a missing cell of `column` becomes, learned from the training rows alone. */
function fitFill(step: ImputeStep, column: Column, rows: Int32Array): number | string {
  if (step.strategy === 'constant') return checkConstant(step, column)
  const statistic = statisticName(step.strategy, column)
  let value: number | string | null
  if (column.kind === 'categorical') {
    if (statistic !== 'mode') {
      throw new Error(
        `"${column.name}" holds categories, so it has no ${statistic}. Fill it with the mode (most frequent category) or a constant.`,
      )
    }
    value = categoricalMode(column, rows)
  } else if (statistic === 'mean') value = meanStd(column.values, rows).mean
  else if (statistic === 'median') value = quantileOfSorted(sortedPresent(column.values, rows), 0.5)
  else value = numericMode(column.values, rows)
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) {
    // Dropping and carrying forward need the statistic too: for a row typed in to be scored,
    // which cannot be dropped, and for the first rows, which have nothing before them.
    const use =
      step.strategy === 'drop-rows' || step.strategy === 'forward-fill'
        ? `training ${statistic} to stand in where a row cannot be dropped or has no value before it`
        : `${statistic} to fill it with`
    throw new Error(
      `"${column.name}" has no values in the training rows, so there is no ${use}. Drop the column, or fill it with a constant.`,
    )
  }
  return value
}

function numericFill(column: Column, value: Fill): number {
  if (typeof value === 'string') {
    throw new Error(
      `The missing values of "${column.name}" were to be filled with "${value}", but the column now holds numbers. Fit the recipe again.`,
    )
  }
  return value ?? Number.NaN
}

/** The column's categories with `label` among them (a new category when it was not). */
function withCategory(categories: readonly string[], value: Fill) {
  if (value === null) return { categories, code: MISSING_CODE }
  const label = String(value)
  const at = categories.indexOf(label)
  return at >= 0
    ? { categories, code: at }
    : { categories: [...categories, label], code: categories.length }
}

/** Every missing cell set to `value`. */
function filled(column: Column, value: Fill): Column {
  if (column.kind === 'numeric') {
    const fill = numericFill(column, value)
    const values = column.values.slice()
    for (let row = 0; row < values.length; row++)
      if (values[row] !== values[row]) values[row] = fill
    return { ...column, values }
  }
  const { categories, code } = withCategory(column.categories, value)
  const codes = column.codes.slice()
  for (let row = 0; row < codes.length; row++) if (codes[row] === MISSING_CODE) codes[row] = code
  return { ...column, codes, categories }
}

/**
 * Missing cells of live rows take the last present value before them in file order (pandas'
 * ffill); those before any present value take `fallback`. Returns how many were carried.
 */
function forwardFilled(column: Column, fallback: Fill, live: Int32Array) {
  let carried = 0
  if (column.kind === 'numeric') {
    const values = column.values.slice()
    let last = numericFill(column, fallback)
    let seen = false
    for (const row of live) {
      const v = values[row] as number
      if (v === v) {
        last = v
        seen = true
      } else {
        values[row] = last
        if (seen) carried++
      }
    }
    return { column: { ...column, values }, carried }
  }
  const { categories, code: fallbackCode } = withCategory(column.categories, fallback)
  const codes = column.codes.slice()
  let last = fallbackCode
  let seen = false
  for (const row of live) {
    const code = codes[row] as number
    if (code !== MISSING_CODE) {
      last = code
      seen = true
    } else {
      codes[row] = last
      if (seen) carried++
    }
  }
  return { column: { ...column, codes, categories }, carried }
}

/** 1 for every row whose cell is missing; one pass over one typed array of one kind. */
function missingMask(column: Column): Uint8Array {
  if (column.kind === 'numeric') {
    const values = column.values
    const mask = new Uint8Array(values.length)
    for (let row = 0; row < values.length; row++) {
      const v = values[row] as number
      mask[row] = v !== v ? 1 : 0
    }
    return mask
  }
  const codes = column.codes
  const mask = new Uint8Array(codes.length)
  for (let row = 0; row < codes.length; row++) mask[row] = codes[row] === MISSING_CODE ? 1 : 0
  return mask
}

function indicator(name: string, missing: Uint8Array): NumericColumn {
  const values = new Float64Array(missing.length)
  for (let row = 0; row < values.length; row++) values[row] = missing[row] as number
  return { name: indicatorName(name), kind: 'numeric', values }
}

function refuseTarget(step: ImputeStep, ctx: StepContext): void {
  if (!step.columns.includes(ctx.target)) return
  throw new Error(
    `"${ctx.target}" is the target: filling it would invent answers for the model to learn, and rows without a target are already left out. Remove it from this missing-values step.`,
  )
}

function describeFill(step: ImputeStep): string {
  const names = step.columns.join(', ')
  switch (step.strategy) {
    case 'drop-rows':
      return `Drop rows with ${names} missing`
    case 'forward-fill':
      return `Carry the last value forward into missing ${names}`
    case 'constant':
      return `Fill missing ${names} with ${shown(step.constant ?? null)}`
    default:
      return `Fill missing ${names} with the training ${step.strategy}`
  }
}

/**
 * Missing values: rows dropped, or cells filled with a training statistic, a constant or the
 * value before them, optionally keeping a "was missing" 0/1 column beside each filled column.
 * The fills follow scikit-learn's SimpleImputer (mode ties go to the smallest value). A column
 * with no training value has no statistic: that is an error naming it, never a silent gap.
 *
 * Forward fill is pandas' ffill over the live rows in file order, every part together: a row
 * may take the value of a validation row before it. That moves a neighbour's value, not a
 * statistic, and it is what a time series read in order needs.
 */
export const imputeStep: StepImpl<'impute'> = {
  fit(step, table, trainRows, ctx) {
    refuseTarget(step, ctx)
    const fills = step.columns.map((name) => ({
      column: name,
      value: fitFill(step, findColumn(table, name), trainRows),
    }))
    return { ...step, fitted: { fills } }
  },
  apply(step, table, liveRows, ctx) {
    const fills = step.fitted?.fills
    if (!fills) throw new Error('The missing-values step has not been fitted yet.')
    const dropping = step.strategy === 'drop-rows'
    const removing = dropping && ctx.mode === 'train'
    const remove = dropping ? new Uint8Array(table.rowCount) : undefined
    const derivedFrom = new Map<string, readonly string[]>()
    const notes: string[] = []
    let current = table
    for (const { column: name, value } of fills) {
      const column = findColumn(current, name)
      const mask = missingMask(column)
      let missing = 0
      for (let i = 0; i < liveRows.length; i++) {
        const row = liveRows[i] as number
        if (mask[row] === 0) continue
        missing++
        if (remove) remove[row] = 1
      }
      let output = column
      if (step.strategy === 'forward-fill') {
        const result = forwardFilled(column, value, liveRows)
        output = result.column
        const first = missing - result.carried
        const parts = []
        if (result.carried > 0)
          parts.push(`${count(result.carried)} took the value of the row before`)
        if (first > 0)
          parts.push(
            `${count(first)} with no value before took the training ${statisticName(step.strategy, column)}, ${shown(value)}`,
          )
        if (parts.length) notes.push(`Missing values of "${name}": ${parts.join('; ')}.`)
      } else if (!removing) {
        output = filled(column, value)
        if (missing > 0) {
          const what =
            step.strategy === 'constant'
              ? shown(value)
              : `the training ${statisticName(step.strategy, column)}, ${shown(value)}`
          notes.push(`${count(missing)} missing value(s) of "${name}" filled with ${what}.`)
        }
      }
      const replacement = step.indicator ? [output, indicator(name, mask)] : [output]
      if (step.indicator) derivedFrom.set(indicatorName(name), [name])
      current = spliceColumn(current, name, replacement)
    }
    if (!remove) return { table: current, derivedFrom, notes }
    const names = step.columns.map((c) => `"${c}"`).join(' or ')
    const stands = fills.map(
      (f) =>
        `"${f.column}" takes the training ${statisticName(step.strategy, findColumn(table, f.column))} (${shown(f.value)})`,
    )
    const removeReason = removing
      ? `${names} is missing.`
      : `${names} is missing: training left such rows out; here ${stands.join(' and ')}.`
    return { table: current, remove, removeFrom: 'all', removeReason, derivedFrom, notes }
  },
  describe: (step) =>
    `${describeFill(step)}${step.indicator ? ', keeping "was missing" columns' : ''}`,
  reads: (step) => step.columns,
}
