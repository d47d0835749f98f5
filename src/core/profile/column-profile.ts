import type { ColumnType } from '../table/column-type'
import type { CategoricalColumn, Column } from '../table/table'
import { countCodes } from './count-distinct'
import { profileNumbers } from './numeric-summary'
import type { ColumnProfile } from './profile-types'
import { topCategories } from './top-categories'

/** Types whose numbers are labels, so the profile counts values instead of binning them. */
const READ_AS_CATEGORIES: ReadonlySet<ColumnType> = new Set(['boolean', 'categorical', 'constant'])

/** The profile of one column; `scratch` is a shared buffer at least as long as the column. */
export function profileColumn(
  column: Column,
  type: ColumnType,
  scratch: Float64Array,
): ColumnProfile {
  const base = { name: column.name, type, storage: column.kind }
  if (column.kind === 'categorical') return { ...base, ...profileCategories(column) }
  const numbers = profileNumbers(column.values, scratch, READ_AS_CATEGORIES.has(type))
  return {
    ...base,
    missing: column.values.length - numbers.present,
    distinct: numbers.distinct,
    ...(numbers.summary && { numeric: numbers.summary }),
    ...(numbers.histogram && { histogram: numbers.histogram }),
    ...(numbers.categories && { categories: numbers.categories }),
  }
}

function profileCategories(column: CategoricalColumn) {
  const counts = countCodes(column.codes, column.categories.length)
  const categories = topCategories(counts, (i) => column.categories[i] ?? '')
  let present = 0
  let characters = 0
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number
    present += count
    if (count > 0) characters += count * (column.categories[i] ?? '').length
  }
  return {
    missing: column.codes.length - present,
    distinct: categories.top.length + categories.otherDistinct,
    categories,
    ...(present > 0 && { meanLength: characters / present }),
  }
}
