import { createRng, shuffleInPlace } from '../random'
import type { Dataset, Matrix } from './engine'
import { DEFAULT_VALIDATION_SHARE, type TrainConfig } from './train-config'

export interface TrainingRows {
  readonly train: Dataset
  /** Null: no validation, so early stopping and plateau schedules watch the training loss. */
  readonly validation: Dataset | null
}

function pick(m: Matrix, rows: Int32Array): Matrix {
  const values = new Float32Array(rows.length * m.width)
  rows.forEach((r, i) => values.set(m.values.subarray(r * m.width, (r + 1) * m.width), i * m.width))
  return { values, rows: rows.length, width: m.width }
}

function rowsOf(data: Dataset, rows: Int32Array): Dataset {
  return { x: pick(data.x, rows), y: pick(data.y, rows) }
}

/**
 * The rows a run trains on and the rows its curves call validation, by `config.validation`:
 * - 'split' (default): the recipe's validation part, as it is;
 * - 'from-training': a seeded share (`validationShare`, default 0.2) of the training rows, held
 *   out once before training as Keras' validation_split does (Keras takes the last rows; a seeded
 *   draw avoids a validation part of only the newest or one class when rows come sorted). They
 *   never enter an epoch's shuffle, so the model never trains on them;
 * - 'none': no validation.
 * An empty validation part counts as none.
 */
export function validationFor(
  train: Dataset,
  validation: Dataset | null,
  config: TrainConfig,
  seed: number,
): TrainingRows {
  const source = config.validation ?? 'split'
  if (source === 'none') return { train, validation: null }
  if (source === 'split') {
    return { train, validation: validation && validation.x.rows > 0 ? validation : null }
  }
  const rows = train.x.rows
  const share = config.validationShare ?? DEFAULT_VALIDATION_SHARE
  // Keras: split_at = int(rows × (1 − share)); at least one row on each side.
  const held = Math.min(rows - 1, Math.max(1, rows - Math.floor(rows * (1 - share))))
  if (rows < 2) {
    throw new Error(
      `Holding validation rows out of training needs at least 2 training rows, and there are ${rows}: add rows, or choose "None" for validation data.`,
    )
  }
  const order = Int32Array.from({ length: rows }, (_, i) => i)
  shuffleInPlace(order, createRng(seed ^ 0x7a11d))
  // Both parts keep the rows' original order: the engine shuffles training rows itself.
  const kept = order.slice(0, rows - held).sort()
  const heldOut = order.slice(rows - held).sort()
  return { train: rowsOf(train, kept), validation: rowsOf(train, heldOut) }
}
