import * as tf from '@tensorflow/tfjs'
import { binaryMetrics, multiclassMetrics, regressionMetrics } from '../evaluate/metrics'
import { createRng, shuffleInPlace } from '../random'
import type { Dataset, Matrix } from './engine'
import type { EpochMetric } from './train-config'

export type Task = 'binary' | 'multiclass' | 'regression'

/**
 * Training rows the per-epoch metrics are measured on. Predicting every training row after each
 * epoch would cost as much as a good share of the epoch itself on large tables; a fixed seeded
 * sample of at most this many rows estimates accuracy or AUC to about ±0.01 and is the same rows
 * every epoch, so the curve moves only because the model does.
 */
export const TRAIN_METRIC_ROWS = 2000

/** A regression target's scaling, so MAE and RMSE read in the target's own units. */
export interface TargetScale {
  readonly mean: number
  readonly std: number
}

/** The class of each row: its 0/1 label, or the position of the one in its one-hot row. */
function classesOf(y: Matrix): Float32Array {
  if (y.width === 1) return y.values
  const labels = new Float32Array(y.rows)
  for (let r = 0; r < y.rows; r++) {
    let best = 0
    for (let c = 1; c < y.width; c++) {
      if ((y.values[r * y.width + c] as number) > (y.values[r * y.width + best] as number)) best = c
    }
    labels[r] = best
  }
  return labels
}

/**
 * The chosen metrics of predictions against the true rows, by the scikit-learn-exact functions
 * the Evaluate step uses: binary at threshold 0.5, multiclass macro-averaged (AUC one-vs-rest).
 * A metric that cannot be computed (AUC with a single class in the rows) is null.
 */
export function metricValues(
  task: Task,
  metrics: readonly EpochMetric[],
  y: Matrix,
  predictions: ArrayLike<number>,
  scale: TargetScale | null = null,
): Partial<Record<EpochMetric, number | null>> {
  if (metrics.length === 0 || y.rows === 0) return {}
  let all
  if (task === 'regression') {
    const decode = (v: number) => (scale ? v * scale.std + scale.mean : v)
    all = regressionMetrics(
      Float64Array.from(y.values, decode),
      Float64Array.from(predictions, decode),
    )
  } else if (task === 'binary') {
    all = binaryMetrics(y.values, predictions)
  } else {
    all = multiclassMetrics(classesOf(y), predictions, y.width)
  }
  const byKey = new Map(all.map((m) => [m.key, m.value]))
  return Object.fromEntries(
    metrics.map((m) => {
      const value = byKey.get(m)
      return [m, value === undefined || Number.isNaN(value) ? null : value]
    }),
  )
}

function rowsOf(m: Matrix, rows: Int32Array): Matrix {
  const values = new Float32Array(rows.length * m.width)
  rows.forEach((r, i) => values.set(m.values.subarray(r * m.width, (r + 1) * m.width), i * m.width))
  return { values, rows: rows.length, width: m.width }
}

/**
 * Measures the chosen metrics after each epoch on the training sample (`auc`) and the validation
 * rows (`val_auc`). Both are predicted in one go and read with one `await data()`. Owns the
 * sample's input tensor: `dispose` it when the run ends.
 */
export class EpochMetrics {
  private readonly sampleX: tf.Tensor
  private readonly sampleY: Matrix

  constructor(
    private readonly task: Task,
    private readonly metrics: readonly EpochMetric[],
    trainX: tf.Tensor,
    train: Dataset,
    private readonly validation: { readonly x: tf.Tensor; readonly y: Matrix } | null,
    seed: number,
    private readonly scale: TargetScale | null,
  ) {
    const order = Int32Array.from({ length: train.x.rows }, (_, i) => i)
    if (order.length > TRAIN_METRIC_ROWS) shuffleInPlace(order, createRng(seed ^ 0x3e7c))
    const rows = order.slice(0, TRAIN_METRIC_ROWS).sort()
    this.sampleY = rowsOf(train.y, rows)
    this.sampleX = metrics.length === 0 ? tf.zeros([0]) : tf.gather(trainX, Array.from(rows))
  }

  async measure(model: tf.LayersModel): Promise<Record<string, number | null>> {
    if (this.metrics.length === 0) return {}
    const validation = this.validation
    const both = tf.tidy(() => {
      const predict = (x: tf.Tensor) => model.predict(x, { batchSize: 4096 }) as tf.Tensor
      const parts = [predict(this.sampleX)]
      if (validation) parts.push(predict(validation.x))
      return tf.concat(parts)
    })
    let values: Float32Array
    try {
      values = (await both.data()) as Float32Array
    } finally {
      both.dispose()
    }
    const split = this.sampleY.rows * this.sampleY.width
    const out: Record<string, number | null> = {}
    const train = metricValues(
      this.task,
      this.metrics,
      this.sampleY,
      values.subarray(0, split),
      this.scale,
    )
    for (const [k, v] of Object.entries(train)) out[k] = v
    if (validation) {
      const val = metricValues(
        this.task,
        this.metrics,
        validation.y,
        values.subarray(split),
        this.scale,
      )
      for (const [k, v] of Object.entries(val)) out[`val_${k}`] = v
    }
    return out
  }

  dispose(): void {
    this.sampleX.dispose()
  }
}
