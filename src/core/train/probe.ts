import * as tf from '@tensorflow/tfjs'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import type { OutputHead } from '../model/head'
import { tableInput, type ModelInput } from '../model/model-input'
import type { ModelSpec } from '../model/model-spec'
import { inputTensor, type Dataset } from './engine'
import type { TrainConfig } from './train-config'

const WARM_UP_BATCHES = 2
const TIMED_BATCHES = 8

/**
 * Samples per second of the real model on the current backend, on a slice of the real training
 * rows at the real batch size: a short warm-up fit pays for shader compilation, then a timed fit.
 * `input` is what the recipe feeds the model (a flat table of the rows' width when not given).
 */
export async function measureTrainingSpeed(
  spec: ModelSpec,
  head: OutputHead,
  config: TrainConfig,
  train: Dataset,
  seed: number,
  input: ModelInput = tableInput(train.x.width),
): Promise<number> {
  const batch = Math.min(config.batchSize, train.x.rows)
  const rows = Math.min(train.x.rows, batch * TIMED_BATCHES)
  const model = buildModel(spec, input, head, seed)
  const tensors: tf.Tensor[] = []
  try {
    compileModel(model, head, config)
    const first = { ...train.x, values: train.x.values.subarray(0, rows * train.x.width), rows }
    const x = inputTensor(model, first)
    tensors.push(x)
    const y = tf.tensor2d(train.y.values.subarray(0, rows * train.y.width), [rows, train.y.width])
    tensors.push(y)
    const warm = Math.min(rows, batch * WARM_UP_BATCHES)
    const [xw, yw] = [x.slice(0, warm), y.slice(0, warm)]
    await model.fit(xw, yw, { epochs: 1, batchSize: batch, shuffle: false })
    tf.dispose([xw, yw])
    const start = performance.now()
    await model.fit(x, y, { epochs: 1, batchSize: batch, shuffle: false })
    return (rows / (performance.now() - start)) * 1000
  } finally {
    tf.dispose(tensors)
    disposeModel(model)
  }
}
