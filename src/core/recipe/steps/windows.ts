import {
  findColumn,
  MISSING_CODE,
  type Column,
  type NumericColumn,
  type Table,
} from '../../table/table'
import { spliceColumn, withColumns } from '../pipeline/columns'
import type { StepImpl, StepOutput } from '../pipeline/step-impl'
import type { StepOf } from '../step-schema'

/** "<column> (t-k)": the value k rows earlier in the series. */
export function lagName(column: string, k: number): string {
  return `${column} (t-${k})`
}

/** "<target> (t)": the target's value in the row itself, as an input. */
export function currentName(column: string): string {
  return `${column} (t)`
}

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`
}

/** 2nd, 3rd, 11th, 22nd. */
function ordinal(n: number): string {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** Whether the target holds a value in the row. */
function hasValue(target: Column, row: number): boolean {
  return target.kind === 'numeric'
    ? !Number.isNaN(target.values[row])
    : target.codes[row] !== MISSING_CODE
}

function numericSeries(table: Table, name: string, role: string): NumericColumn {
  const column = findColumn(table, name)
  if (column.kind !== 'numeric') {
    throw new Error(
      `"${name}" holds categories, so it cannot be ${role}. Remove it from the windows step, or encode it into numbers (ordinal, frequency) in a step before.`,
    )
  }
  return column
}

/**
 * The live rows in series order: by the `orderBy` value (ties keep file order), or file order.
 * Rows without an order value cannot be placed and are returned apart.
 */
function seriesOrder(
  table: Table,
  orderBy: string | null,
  liveRows: Int32Array,
): { order: Int32Array; unplaced: Int32Array; ties: number } {
  if (orderBy === null) return { order: liveRows, unplaced: new Int32Array(0), ties: 0 }
  const column = findColumn(table, orderBy)
  if (column.kind !== 'numeric') {
    throw new Error(
      `Windows order rows by "${orderBy}", which holds text. Set its type to datetime on the Data step (or add a cast step before), or order by another date or number column.`,
    )
  }
  const v = column.values
  const present = liveRows.filter((row) => !Number.isNaN(v[row]))
  const unplaced = liveRows.filter((row) => Number.isNaN(v[row]))
  let sorted = true
  for (let i = 1; i < present.length && sorted; i++)
    sorted = (v[present[i - 1] as number] as number) <= (v[present[i] as number] as number)
  // Rows arrive ascending, so a stable order is value first, then row.
  if (!sorted) present.sort((a, b) => (v[a] as number) - (v[b] as number) || a - b)
  let ties = 0
  for (let i = 1; i < present.length; i++)
    if (v[present[i] as number] === v[present[i - 1] as number]) ties++
  return { order: present, unplaced, ties }
}

/** `source` read `shift` positions along the series (negative: earlier), NaN beyond its ends. */
function shifted(source: Float64Array, order: Int32Array, shift: number, n: number): Float64Array {
  const values = new Float64Array(n).fill(Number.NaN)
  for (let i = 0; i < order.length; i++) {
    const from = i + shift
    if (from >= 0 && from < order.length)
      values[order[i] as number] = source[order[from] as number] as number
  }
  return values
}

/** The target replaced by its value `horizon` rows ahead (any kind: a class can be forecast too). */
function futureTarget(target: Column, order: Int32Array, horizon: number, n: number): Column {
  if (target.kind === 'numeric')
    return { ...target, values: shifted(target.values, order, horizon, n) }
  const codes = new Int32Array(n).fill(MISSING_CODE)
  for (let i = 0; i + horizon < order.length; i++)
    codes[order[i] as number] = target.codes[order[i + horizon] as number] as number
  return { ...target, codes }
}

/**
 * Marks, for training only, the rows that cannot teach the model: the last `horizon` rows (no
 * future), rows whose future target is missing (a class cannot be NaN, so the pipeline's drop of
 * NaN targets would not catch them), and with a stride all but every n-th complete window.
 */
function removeForTraining(
  remove: Uint8Array,
  order: Int32Array,
  history: number,
  step: StepOf<'windows'>,
  future: Column | undefined,
): { lacking: number; ahead: number; missingFuture: number; strided: number } {
  const last = order.length - step.horizon
  for (let i = Math.max(last, 0); i < order.length; i++) remove[order[i] as number] = 1
  let missingFuture = 0
  let strided = 0
  for (let i = history; i < last; i++) {
    const row = order[i] as number
    if (future && !hasValue(future, row)) {
      remove[row] = 1
      missingFuture++
    } else if ((i - history) % step.stride !== 0) {
      remove[row] = 1
      strided++
    }
  }
  const lacking = Math.min(history, order.length)
  return { lacking, ahead: Math.min(step.horizon, order.length - lacking), missingFuture, strided }
}

/**
 * Time-series windows: the live rows ordered by `orderBy` form one series; each listed column
 * gets lag inputs "<column> (t-k)", the listed target its current value "<target> (t)", and the
 * target becomes its value `horizon` rows ahead. Lags only look back and the future target only
 * forward, so nothing is learned: no statistic of any row enters the recipe.
 *
 * Training removes (from every part) the first lookback − 1 rows, which lack history, the last
 * `horizon` rows, which lack a future, and with `stride` n all but every n-th complete window.
 * At prediction no row is removed: a row without its history is marked unpredictable with a
 * note, and the future target is not needed.
 */
export const windowsStep: StepImpl<'windows'> = {
  fit: (step) => step,
  apply(step, table, liveRows, ctx) {
    const n = table.rowCount
    const columns = [...new Set(step.columns)]
    const inputs = columns.map((name) => numericSeries(table, name, 'given lag inputs'))
    const { order, unplaced, ties } = seriesOrder(table, step.orderBy, liveRows)
    const history = step.lookback - 1
    const target = table.columns.find((c) => c.name === ctx.target)
    if (!target && (ctx.mode === 'train' || columns.includes(ctx.target)))
      throw new Error(`The data has no column named "${ctx.target}" (the target).`)

    let out = table
    const derivedFrom = new Map<string, readonly string[]>()
    inputs.forEach((input) => {
      const isTarget = input.name === ctx.target
      const lags: NumericColumn[] = []
      if (isTarget)
        lags.push({ name: currentName(input.name), kind: 'numeric', values: input.values.slice() })
      for (let k = 1; k <= history; k++)
        lags.push({
          name: lagName(input.name, k),
          kind: 'numeric',
          values: shifted(input.values, order, -k, n),
        })
      for (const lag of lags) derivedFrom.set(lag.name, [input.name])
      out = spliceColumn(out, input.name, [input, ...lags])
    })
    const future = target && futureTarget(target, order, step.horizon, n)
    if (future) {
      out = withColumns(out, [future])
      derivedFrom.set(future.name, [future.name])
    }

    const remove = new Uint8Array(n)
    for (const row of unplaced) remove[row] = 1
    for (let i = 0; i < Math.min(history, order.length); i++) remove[order[i] as number] = 1
    const notes: string[] = []
    if (ctx.mode === 'train') {
      const removed = removeForTraining(remove, order, history, step, future)
      const said = [
        removed.lacking > 0
          ? `the first ${count(removed.lacking, 'row')} (not enough history)`
          : '',
        removed.ahead > 0
          ? `the last ${count(removed.ahead, 'row')} (no "${ctx.target}" ${count(step.horizon, 'row')} ahead)`
          : '',
        removed.missingFuture > 0
          ? `${count(removed.missingFuture, 'row')} whose "${ctx.target}" ${count(step.horizon, 'row')} ahead is missing`
          : '',
        removed.strided > 0
          ? `${count(removed.strided, 'window')} skipped by the stride of ${step.stride}`
          : '',
      ].filter(Boolean)
      if (said.length > 0) notes.push(`Removed ${said.join(', ')}.`)
    }
    const orderText = step.orderBy === null ? 'file order' : `"${step.orderBy}" order`
    if (unplaced.length > 0)
      notes.push(
        `${count(unplaced.length, 'row')} without a "${step.orderBy ?? ''}" value cannot be placed in the series and ${ctx.mode === 'train' ? 'were removed' : 'cannot be scored'}.`,
      )
    if (ties > 0)
      notes.push(
        `${count(ties, 'row')} ${ties === 1 ? 'has' : 'have'} the same "${step.orderBy ?? ''}" value as the row before: several series may be mixed. Filter the rows to one series (one symbol, one store) before the windows step.`,
      )
    const output: StepOutput = {
      table: out,
      derivedFrom,
      notes,
      removeFrom: 'all',
      unpredictable: true,
      removeReason: [
        history > 0 ? `needs ${count(history, 'earlier row')} in ${orderText}` : '',
        unplaced.length > 0 ? `needs a "${step.orderBy ?? ''}" value` : '',
      ]
        .filter(Boolean)
        .join(' and '),
    }
    return remove.includes(1) ? { ...output, remove } : output
  },
  describe: (step) =>
    `Windows of ${step.columns.join(', ')}${step.orderBy === null ? '' : ` by ${step.orderBy}`}: ${step.lookback} row${step.lookback === 1 ? '' : 's'} in, target ${step.horizon} ahead${step.stride > 1 ? `, every ${ordinal(step.stride)} window` : ''}`,
  reads: (step) => [...step.columns, ...(step.orderBy === null ? [] : [step.orderBy])],
}
