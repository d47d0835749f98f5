import type { Recipe } from '../recipe/recipe-schema'
import { binaryMetrics, multiclassMetrics, regressionMetrics, type Metric } from './metrics'

/**
 * Metrics for the task from encoded labels (as `encodeTarget` gives them) and decoded model
 * outputs (as `decodeOutputs` gives them).
 */
export function evaluatePredictions(
  recipe: Recipe,
  encodedLabels: Float32Array,
  outputs: ArrayLike<number>,
): Metric[] {
  const { task, classes = [], scale } = recipe.target
  if (task === 'binary') return binaryMetrics(encodedLabels, outputs)
  if (task === 'multiclass') {
    const k = classes.length
    const labels = new Int32Array(encodedLabels.length / k)
    for (let i = 0; i < labels.length; i++) {
      for (let c = 0; c < k; c++) if (encodedLabels[i * k + c] === 1) labels[i] = c
    }
    return multiclassMetrics(labels, outputs, k)
  }
  const actual = scale
    ? Float64Array.from(encodedLabels, (v) => v * scale.std + scale.mean)
    : encodedLabels
  return regressionMetrics(actual, outputs)
}
