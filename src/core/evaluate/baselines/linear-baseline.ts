import type { Recipe } from '../../recipe/recipe-schema'
import type { Dataset } from '../../train/engine'

/**
 * Test outputs of a plain logistic regression (classes) or linear regression (numbers) fitted on
 * the run's prepared training rows: the simplest model that uses the inputs, so the analyst sees
 * whether the network earns its complexity. Outputs are decoded like the network's
 * (`decodeOutputs`): probabilities, or values in the target's units. Null when no such model
 * applies to the inputs (images, sequences).
 */
export function linearBaselineOutputs(
  recipe: Recipe,
  train: Dataset,
  test: Dataset,
): Float64Array | null {
  // Stub until its owner lands the fit.
  return recipe.source.kind === 'table' && train.x.rows < 0 ? new Float64Array(test.x.rows) : null
}
