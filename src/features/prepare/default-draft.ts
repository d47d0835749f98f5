import type { StepDraft } from '../../core/recipe/edit-steps'
import type { ColumnAtStep } from './columns-at-step'
import type { TableOp } from './step-catalogue'

const isNumeric = (c: ColumnAtStep) => c.kind === 'numeric' && c.type !== 'datetime'
const isCategorical = (c: ColumnAtStep) => c.kind === 'categorical' && c.type !== 'text'

/**
 * A step of the given op that runs on these columns as it is added: the first suitable column
 * (or all of them where a step usually takes several), settings an analyst would start from.
 * Null when no column suits the op (no categorical column to encode), with nothing to add.
 */
export function defaultDraft(
  op: TableOp,
  columns: readonly ColumnAtStep[],
  target: string,
): StepDraft | null {
  const inputs = columns.filter((c) => c.name !== target)
  const numeric = inputs.filter(isNumeric)
  const categorical = inputs.filter(isCategorical)
  const first = (list: readonly ColumnAtStep[]) => list[0]?.name
  switch (op) {
    case 'drop-duplicates':
      return { op, columns: [] }
    case 'drop-columns': {
      const column = first(inputs)
      return column === undefined ? null : { op, columns: [column] }
    }
    case 'filter-rows': {
      const column = first(inputs)
      return column === undefined
        ? null
        : { op, column, condition: { kind: 'missing', keep: false } }
    }
    case 'outliers': {
      const column = first(numeric)
      return column === undefined
        ? null
        : { op, columns: [column], method: 'iqr', threshold: 1.5, action: 'clip' }
    }
    case 'impute': {
      const column = inputs[0]
      if (!column) return null
      const strategy = column.kind === 'numeric' ? 'median' : 'mode'
      return { op, columns: [column.name], strategy, indicator: false }
    }
    case 'cast': {
      const column = inputs[0]
      if (!column) return null
      return { op, column: column.name, to: column.kind === 'numeric' ? 'categorical' : 'numeric' }
    }
    case 'one-hot': {
      const column = first(categorical)
      return column === undefined ? null : { op, column, maxCategories: null, unseen: 'zeros' }
    }
    case 'ordinal': {
      const column = first(categorical)
      return column === undefined ? null : { op, column, order: null, unseenValue: -1 }
    }
    case 'frequency': {
      const column = first(categorical)
      return column === undefined ? null : { op, column }
    }
    case 'scale':
      return numeric.length === 0
        ? null
        : { op, columns: numeric.map((c) => c.name), method: 'standard' }
    case 'log1p': {
      const column = first(numeric)
      return column === undefined ? null : { op, columns: [column] }
    }
    case 'date-parts': {
      const column = first(inputs.filter((c) => c.type === 'datetime'))
      return column === undefined
        ? null
        : { op, column, parts: ['year', 'month', 'weekday'], cyclical: false }
    }
    case 'tokens': {
      const column = first(inputs.filter((c) => c.type === 'text')) ?? first(categorical)
      return column === undefined
        ? null
        : { op, column, vocabularySize: 5000, sequenceLength: 32, lowercase: true }
    }
    case 'windows': {
      const orderBy = first(inputs.filter((c) => c.type === 'datetime')) ?? null
      return { op, orderBy, columns: [target], lookback: 7, horizon: 1, stride: 1 }
    }
  }
}

/** Why an op cannot be added to this table, for the disabled menu entry. */
export function noColumnFor(op: TableOp): string {
  switch (op) {
    case 'one-hot':
    case 'ordinal':
    case 'frequency':
      return 'No categorical column left to encode.'
    case 'date-parts':
      return 'No date column: set a column’s type to datetime on the Data step.'
    case 'tokens':
      return 'No text column left.'
    case 'outliers':
    case 'scale':
    case 'log1p':
      return 'No numeric column left.'
    default:
      return 'No column left besides the target.'
  }
}
