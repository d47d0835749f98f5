import { cellNumber } from '../../table/column-builder'
import type { ColumnTypeInfo } from '../../table/column-type'
import { MISSING_CODE, type CategoricalColumn, type Column } from '../../table/table'
import { numbersAsCategories } from '../pipeline/columns'
import type { StepDraft } from './draft'

/** A numeric column as the proposal sees it: read from number text when stored as categories. */
function numericValues(column: Column): Float64Array {
  if (column.kind === 'numeric') return column.values
  const byCode = column.categories.map((c) => cellNumber(c))
  return Float64Array.from(column.codes, (code) =>
    code === MISSING_CODE ? Number.NaN : (byCode[code] ?? Number.NaN),
  )
}

/** How each column the recipe keeps is read, by its type on the Data step. */
export interface ColumnRoles {
  readonly numeric: { column: Column; values: Float64Array; type: string | undefined }[]
  readonly categorical: CategoricalColumn[]
  readonly dates: Column[]
  readonly texts: CategoricalColumn[]
}

export function rolesOf(used: readonly { column: Column; info?: ColumnTypeInfo }[]): ColumnRoles {
  const roles: ColumnRoles = { numeric: [], categorical: [], dates: [], texts: [] }
  for (const { column, info } of used) {
    const type = info?.type
    if (type === 'datetime') roles.dates.push(column)
    else if (type === 'text' && column.kind === 'categorical') roles.texts.push(column)
    else if (type === 'numeric' || type === 'integer' || column.kind === 'numeric') {
      if (type === 'categorical' && column.kind === 'numeric')
        roles.categorical.push(numbersAsCategories(column))
      else roles.numeric.push({ column, values: numericValues(column), type })
    } else roles.categorical.push(column)
  }
  return roles
}

/** Columns whose type on the Data step differs from how they are stored are read anew first. */
export function castSteps(roles: ColumnRoles): StepDraft[] {
  const steps: StepDraft[] = []
  for (const column of roles.dates) {
    if (column.kind !== 'categorical') continue
    steps.push({
      op: 'cast',
      column: column.name,
      to: 'datetime',
      why: `"${column.name}" holds dates written as text: read as dates so their calendar parts can become inputs.`,
    })
  }
  for (const { column } of roles.numeric) {
    if (column.kind !== 'categorical') continue
    steps.push({
      op: 'cast',
      column: column.name,
      to: 'numeric',
      why: `"${column.name}" is typed as numbers but stored as text: read as numbers (text that is not a number becomes missing).`,
    })
  }
  return steps
}
