import { readFileSync } from 'node:fs'
import { proposeRecipe } from '../recipe/propose'
import type { Recipe } from '../recipe/recipe-schema'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import type { Table } from '../table/table'
import { finishedRunOf, type FinishedRun } from './run-history'
import { runStudioTraining } from './studio-run'
import type { TrainConfig } from './train-config'

/** A bundled dataset parsed and typed as the Data step leaves it. For Node tests only. */
export function bundledTable(file: string): {
  table: Table
  recipeFor: (target: string) => Recipe
} {
  const text = readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), 'utf8')
  const { table, types } = inferTable(parseDelimitedText(text).table)
  return { table, recipeFor: (target) => proposeRecipe(table, file, target, 42, types) }
}

/** The recipe with a few training settings changed, as the Train step's fields change them. */
export function withTraining(recipe: Recipe, training: Partial<TrainConfig>): Recipe {
  return { ...recipe, training: { ...recipe.training, ...training } }
}

/**
 * Trains the recipe for real on the CPU backend, in this process, and returns the finished run as
 * the training slice keeps it once its worker reports `done`.
 */
export async function trainForReal(recipe: Recipe, table: Table): Promise<FinishedRun> {
  // Filled by the callback: arrays, because control flow does not see a callback assign.
  const finished: FinishedRun[] = []
  const failures: string[] = []
  await runStudioTraining(
    { recipe, table, backend: 'cpu' },
    { shouldStop: () => false, waitWhilePaused: () => Promise.resolve() },
    (event) => {
      if (event.type === 'error') failures.push(event.message)
      if (event.type !== 'done') return
      finished.push(finishedRunOf(event.result))
    },
  )
  const [run] = finished
  if (!run) throw new Error(`the run did not finish: ${failures[0] ?? 'no done event'}`)
  return run
}
