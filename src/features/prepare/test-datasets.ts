import { readFileSync } from 'node:fs'
import { planRecipe } from '../../core/recipe/pipeline/plan'
import { proposeRecipe } from '../../core/recipe/propose'
import { inferColumnTypes } from '../../core/table/infer-types'
import { parseDelimitedText } from '../../core/table/parse-delimited'
import { rawColumns } from './columns-at-step'

/** A bundled sample as the Prepare screen gets it: table, types, proposed recipe and its plan. */
export function sample(file: string, target: string) {
  const text = readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), 'utf8')
  const { table } = parseDelimitedText(text)
  const types = inferColumnTypes(table)
  const recipe = proposeRecipe(table, file, target, 42, types)
  return { table, types, recipe, plan: planRecipe(recipe, table), raw: rawColumns(table, types) }
}

/** The value, or a failed test saying what was missing. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`)
  return value
}
