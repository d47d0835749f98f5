import { stepSchema, type Step } from '../../core/recipe/step-schema'

const FIELD_NAMES: Record<string, string> = {
  columns: 'Choose at least one column',
  parts: 'Choose at least one date part',
  values: 'Choose at least one value',
  threshold: 'The threshold must be above 0',
  vocabularySize: 'The vocabulary size must be a whole number from 2 to 100,000',
  sequenceLength: 'The sequence length must be a whole number from 1 to 1,024',
  lookback: 'Look-back must be a whole number from 1 to 365',
  horizon: 'Horizon must be a whole number from 1 to 365',
  stride: 'Stride must be a whole number from 1 to 365',
  maxCategories: 'The most inputs must be a whole number of at least 1',
}

/**
 * An edit the recipe schema would refuse, as a sentence saying what to change; null when the
 * edit is valid. Refused edits never reach the recipe, so the steps keep working.
 */
export function editProblem(step: Step): string | null {
  const result = stepSchema.safeParse(step)
  if (result.success) return null
  const issue = result.error.issues[0]
  const field = issue?.path.find((p): p is string => typeof p === 'string' && p in FIELD_NAMES)
  const what = field
    ? FIELD_NAMES[field]
    : `${issue?.path.join('.') ?? 'A setting'}: ${issue?.message ?? 'not valid'}`
  return `${what}. Not applied yet; to skip this step, switch it off instead.`
}
