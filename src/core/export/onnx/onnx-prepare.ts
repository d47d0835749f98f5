import { indicatorName } from '../../recipe/steps/impute'
import type { Recipe } from '../../recipe/recipe-schema'
import type { Step } from '../../recipe/step-schema'
import type { GraphBuilder } from './onnx-graph'

/** A raw or derived column while the steps are written: a [rows, 1] tensor of numbers or text. */
interface Value {
  readonly tensor: string
  readonly kind: 'number' | 'text'
  /** Text columns: the category a missing value ("") stands for after an imputation. */
  readonly missingAs?: string | null
}

/** Where a step cannot be written as ONNX operations: the graph then takes prepared inputs. */
class NotExpressible extends Error {}

export interface PreparedGraph {
  /** The [rows, width] feature tensor the network reads. */
  readonly features: string
  readonly baked: string[]
}

/** Text → number through a lookup (ai.onnx.ml LabelEncoder); a missing value is the empty text. */
function lookup(
  g: GraphBuilder,
  value: Value,
  entries: ReadonlyMap<string, number>,
  otherwise: number,
  missing: number,
): string {
  const keys = [...entries.keys()]
  const values = keys.map((k) => entries.get(k) as number)
  if (!entries.has('')) {
    const standIn = value.missingAs != null ? entries.get(value.missingAs) : undefined
    keys.push('')
    values.push(standIn ?? missing)
  }
  return g.op(
    'LabelEncoder',
    [value.tensor],
    { keys_strings: keys, values_floats: values, default_float: otherwise },
    { domain: 'ai.onnx.ml' },
  )
}

function text(values: Map<string, Value>, column: string, step: string): Value {
  const value = values.get(column)
  if (value?.kind !== 'text')
    throw new NotExpressible(`${step} of "${column}" (it reads a column that is not text here)`)
  return value
}

function number(values: Map<string, Value>, column: string, step: string): Value {
  const value = values.get(column)
  if (value?.kind !== 'number')
    throw new NotExpressible(`${step} of "${column}" (it reads a column that is not numeric here)`)
  return value
}

const isNaN = (g: GraphBuilder, x: string) => g.op('IsNaN', [x])

/** One fitted step as ONNX operations on the columns so far; returns its plain-language line. */
function writeStep(g: GraphBuilder, step: Step, values: Map<string, Value>): string | null {
  switch (step.op) {
    case 'drop-columns':
      for (const c of step.columns) values.delete(c)
      return `Drops ${step.columns.join(', ')}`
    case 'filter-rows':
    case 'drop-duplicates':
      // At prediction these only leave a note on the row; nothing changes its inputs.
      return null
    case 'outliers': {
      if (step.action === 'drop') return null
      for (const b of step.fitted?.bounds ?? []) {
        const v = number(values, b.column, 'Clipping outliers')
        values.set(b.column, {
          kind: 'number',
          tensor: g.op('Clip', [v.tensor, g.scalar(b.low), g.scalar(b.high)]),
        })
      }
      return `Clips outliers of ${step.columns.join(', ')} to the training bounds`
    }
    case 'log1p':
      for (const c of step.columns) {
        const v = number(values, c, 'log(1 + x)')
        const log = g.op('Log', [g.op('Add', [v.tensor, g.scalar(1)])])
        // x ≤ −1 has no logarithm: missing, as in the studio.
        const bad = g.op('LessOrEqual', [v.tensor, g.scalar(-1)])
        values.set(c, { kind: 'number', tensor: g.op('Where', [bad, g.scalar(Number.NaN), log]) })
      }
      return `log(1 + x) of ${step.columns.join(', ')}`
    case 'scale':
      for (const p of step.fitted?.params ?? []) {
        const v = number(values, p.column, 'Scaling')
        const centred = g.op('Sub', [v.tensor, g.scalar(p.center)])
        values.set(p.column, { kind: 'number', tensor: g.op('Div', [centred, g.scalar(p.scale)]) })
      }
      return `${step.method} scaling of ${step.columns.join(', ')}`
    case 'impute': {
      if (step.strategy === 'forward-fill')
        throw new NotExpressible(
          `carrying values forward into ${step.columns.join(', ')} (it depends on the rows before)`,
        )
      for (const fill of step.fitted?.fills ?? []) {
        const v = values.get(fill.column)
        if (!v) throw new NotExpressible(`filling "${fill.column}"`)
        if (step.indicator) {
          const flag =
            v.kind === 'number'
              ? g.op('Cast', [isNaN(g, v.tensor)], { to: 1 }, { intAttributes: ['to'] })
              : lookup(g, { ...v, missingAs: null }, new Map([['', 1]]), 0, 1)
          values.set(indicatorName(fill.column), { kind: 'number', tensor: flag })
        }
        if (v.kind === 'number') {
          const fillValue = typeof fill.value === 'number' ? fill.value : Number.NaN
          const tensor = g.op('Where', [isNaN(g, v.tensor), g.scalar(fillValue), v.tensor])
          values.set(fill.column, { kind: 'number', tensor })
        } else {
          values.set(fill.column, {
            ...v,
            missingAs: fill.value === null ? null : String(fill.value),
          })
        }
      }
      return `Fills missing ${step.columns.join(', ')} (${step.strategy})`
    }
    case 'one-hot': {
      const v = text(values, step.column, 'One-hot encoding')
      const fitted = step.fitted
      if (!fitted) throw new NotExpressible(`one-hot encoding of "${step.column}" (not fitted)`)
      const slots = new Map(fitted.categories.map((c, i) => [c, i]))
      const otherSlot = fitted.other ? fitted.categories.length : -1
      for (const rare of fitted.infrequent ?? []) slots.set(rare, otherSlot)
      const unseen = step.unseen === 'other' || !fitted.infrequent ? otherSlot : -1
      const code = lookup(g, v, slots, unseen, -1)
      const labels = [...fitted.categories, ...(fitted.other ? ['other'] : [])]
      labels.forEach((label, i) => {
        const on = g.op('Equal', [code, g.scalar(i)])
        values.set(`${step.column}=${label}`, {
          kind: 'number',
          tensor: g.op('Cast', [on], { to: 1 }, { intAttributes: ['to'] }),
        })
      })
      values.delete(step.column)
      return `One-hot encoding of ${step.column}`
    }
    case 'ordinal': {
      const v = text(values, step.column, 'Ordinal encoding')
      const order = step.fitted?.categories ?? []
      values.set(step.column, {
        kind: 'number',
        tensor: lookup(g, v, new Map(order.map((c, i) => [c, i])), step.unseenValue, Number.NaN),
      })
      return `Ordinal encoding of ${step.column}`
    }
    case 'frequency': {
      const v = text(values, step.column, 'Frequency encoding')
      const fitted = step.fitted
      const shares = new Map(
        fitted?.categories.map((c, i) => [c, fitted.frequencies[i] ?? 0]) ?? [],
      )
      values.set(step.column, { kind: 'number', tensor: lookup(g, v, shares, 0, 0) })
      return `Frequency encoding of ${step.column}`
    }
    default:
      throw new NotExpressible(describeOp(step))
  }
}

function describeOp(step: Step): string {
  switch (step.op) {
    case 'cast':
      return `reading "${step.column}" as ${step.to} (parsing text)`
    case 'date-parts':
      return `date parts of "${step.column}" (parsing dates)`
    case 'tokens':
      return `tokens of "${step.column}" (splitting text)`
    case 'windows':
      return 'time-series windows (they read earlier rows)'
    default:
      return step.op
  }
}

/**
 * The fitted preparation as ONNX operations from one input per raw column to the feature matrix,
 * or null with the reason when a step cannot be written (the graph then takes prepared inputs).
 */
export function preparationOps(
  g: GraphBuilder,
  recipe: Recipe,
  inputs: readonly { name: string; tensor: string; kind: 'number' | 'text' }[],
): PreparedGraph | { notExpressible: string } {
  const values = new Map<string, Value>(
    inputs.map((i) => [i.name, { tensor: i.tensor, kind: i.kind }]),
  )
  const baked: string[] = []
  try {
    for (const step of recipe.steps) {
      if (!step.enabled) continue
      const line = writeStep(g, step, values)
      if (line) baked.push(line)
    }
    const columns = (recipe.features ?? []).map((f) => {
      const v = values.get(f.name)
      if (v?.kind !== 'number') throw new NotExpressible(`the input "${f.name}"`)
      // A value still missing enters as 0, as in the studio.
      return g.op('Where', [isNaN(g, v.tensor), g.scalar(0), v.tensor])
    })
    return { features: g.op('Concat', columns, { axis: 1 }, { intAttributes: ['axis'] }), baked }
  } catch (error) {
    if (error instanceof NotExpressible) return { notExpressible: error.message }
    throw error
  }
}
