import { missingCount, type CategoricalColumn } from '../../table/table'
import type { EncodingDraft } from './categories'
import type { StepDraft } from './draft'
import { has, percent } from './format'
import type { ColumnRoles } from './roles'

/** Categorical columns missing at least this share get a "(missing)" category, not the mode. */
const MISSING_AS_CATEGORY = 0.05
const MISSING_CATEGORY = '(missing)'

/** Numbers: the median, and an input saying the value was missing. */
export function imputeNumbers(numeric: ColumnRoles['numeric']): StepDraft | null {
  const missing = numeric
    .map(({ column, values }) => {
      let n = 0
      for (const v of values) if (Number.isNaN(v)) n++
      return { name: column.name, share: n / Math.max(1, values.length) }
    })
    .filter((c) => c.share > 0)
  if (missing.length === 0) return null
  const names = missing.map((c) => c.name)
  return {
    op: 'impute',
    columns: names,
    strategy: 'median',
    indicator: true,
    why: `${missing.map((c) => `"${c.name}" (${percent(c.share)} missing)`).join(', ')} ${has(names)} missing values: filled with the training median (robust to outliers), with a "was missing" input so the model can learn whether missingness itself matters.`,
  }
}

/** Few gaps take the commonest category; many become a category of their own, which may matter. */
export function imputeCategories(
  categorical: readonly CategoricalColumn[],
  encodings: ReadonlyMap<string, EncodingDraft>,
): StepDraft[] {
  const missing = categorical
    .map((column) => ({ column, share: missingCount(column) / Math.max(1, column.codes.length) }))
    .filter((c) => c.share > 0)
  const own = missing.filter(
    (c) => c.share >= MISSING_AS_CATEGORY && encodings.get(c.column.name)?.op !== 'ordinal',
  )
  const mode = missing.filter((c) => !own.includes(c))
  const listed = (cs: typeof missing) =>
    cs.map((c) => `"${c.column.name}" (${percent(c.share)} missing)`).join(', ')
  const steps: StepDraft[] = []
  if (mode.length > 0) {
    steps.push({
      op: 'impute',
      columns: mode.map((c) => c.column.name),
      strategy: 'mode',
      indicator: false,
      why: `${listed(mode)}: so few gaps are filled with the most frequent training category.`,
    })
  }
  if (own.length > 0) {
    steps.push({
      op: 'impute',
      columns: own.map((c) => c.column.name),
      strategy: 'constant',
      constant: MISSING_CATEGORY,
      indicator: false,
      why: `${listed(own)}: so many gaps may mean something (no answer, not applicable), so they become a category of their own, "${MISSING_CATEGORY}", rather than pretending to be the commonest one.`,
    })
  }
  return steps
}
