import * as tf from '@tensorflow/tfjs'

/** Rows × values per row, row-major: the model's inputs or targets as plain data. */
export interface Matrix {
  readonly values: Float32Array
  readonly rows: number
  readonly width: number
}

/** One row's shape as the model reads it, refused when the flat rows do not fill it exactly. */
export function rowShape(model: tf.LayersModel, width: number): number[] {
  const shape = (model.inputs[0]?.shape.slice(1) ?? [width]).map((d) => d ?? 0)
  const perRow = shape.reduce((n, d) => n * d, 1)
  if (perRow !== width) {
    throw new Error(
      `The model reads ${perRow} values per row (shape ${shape.join(' × ')}) but the data has ${width}: the recipe's inputs changed since the model was built; build it again.`,
    )
  }
  return shape
}

/**
 * A flat matrix (rows × values per row) as the tensor the model reads: [rows, ...its input shape],
 * so a sequence enters as [rows, steps, series] and a picture as [rows, h, w, c].
 */
export function inputTensor(model: tf.LayersModel, x: Matrix): tf.Tensor {
  return tf.tensor(x.values, [x.rows, ...rowShape(model, x.width)])
}

/** The model's outputs for every row, in large batches (tfjs' default of 32 is slow). */
export async function predictMatrix(model: tf.LayersModel, x: Matrix): Promise<Float32Array> {
  if (x.rows === 0) return new Float32Array(0)
  const input = inputTensor(model, x)
  const output = model.predict(input, { batchSize: 4096 }) as tf.Tensor
  try {
    return (await output.data()) as Float32Array
  } finally {
    input.dispose()
    output.dispose()
  }
}
