import type { Recipe } from '../recipe/recipe-schema'

/** The held-out test rows of a finished run, in the shape every Evaluate view reads. */
export interface TestSet {
  readonly task: 'binary' | 'multiclass' | 'regression'
  /** Class names in label order ([] for regression); binary: [negative, positive]. */
  readonly classes: readonly string[]
  /** Rows of the prepared table the test rows came from, in test order. */
  readonly rows: Int32Array
  /** Binary: 0/1. Multiclass: the class index. Regression: the actual value in target units. */
  readonly actual: Float64Array
  /**
   * Binary: the positive class's probability per row. Multiclass: rows × classes probabilities,
   * row-major. Regression: the predicted value in target units.
   */
  readonly outputs: Float64Array
}

/**
 * A run's test rows from what the worker sent back: `labels` as `encodeTarget` gives them and
 * `outputs` as `decodeOutputs` gives them.
 */
export function testSetOf(run: {
  readonly recipe: Recipe
  readonly testRows: Int32Array
  readonly testLabels: Float32Array
  readonly testOutputs: Float64Array
}): TestSet {
  const { task, classes = [], scale } = run.recipe.target
  const labels = run.testLabels
  const base = { task, rows: run.testRows, outputs: run.testOutputs }
  if (task === 'binary') return { ...base, classes, actual: Float64Array.from(labels) }
  if (task === 'multiclass') {
    const k = classes.length
    const actual = new Float64Array(labels.length / k)
    for (let i = 0; i < actual.length; i++) {
      for (let c = 0; c < k; c++) if (labels[i * k + c] === 1) actual[i] = c
    }
    return { ...base, classes, actual }
  }
  const actual = scale
    ? Float64Array.from(labels, (v) => v * scale.std + scale.mean)
    : Float64Array.from(labels)
  return { ...base, classes: [], actual }
}
