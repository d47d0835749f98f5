import type { Recipe } from '../recipe/recipe-schema'
import { decodeOutputs, targetWidth } from '../recipe/transform'

/**
 * Outputs of the simplest honest predictor, for `rows` rows: the training class frequencies (which
 * predicts the majority class) or the training mean. A network has to beat this to earn its place.
 */
export function priorBaselineOutputs(
  recipe: Recipe,
  trainLabels: Float32Array,
  rows: number,
): Float64Array {
  const width = targetWidth(recipe)
  const prior = new Float32Array(width)
  const n = trainLabels.length / width
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < width; k++)
      prior[k] = (prior[k] ?? 0) + (trainLabels[i * width + k] ?? 0) / n
  }
  const outputs = new Float32Array(rows * width)
  for (let i = 0; i < rows; i++) outputs.set(prior, i * width)
  return decodeOutputs(recipe, outputs)
}
