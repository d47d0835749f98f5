import type { OutputHead } from './head'
import type { ModelInput } from './model-input'
import type { LayerSpec, ModelSpec } from './model-spec'

/** One row's shape, batch excluded. */
export type Shape = readonly number[]

/** A layer as the summary shows it, like a row of Keras' `model.summary()`. */
export interface LayerCheck {
  /** The layer spec's id, or 'output' for the head. */
  readonly id: string
  /** Keras-style name, each kind numbered on its own: dense_1, dropout_1, dense_2, output. */
  readonly name: string
  /** "Dense (64, relu)", "LSTM (32, sequences)". */
  readonly label: string
  /** Shape entering the layer; null when a layer above failed. */
  readonly input: Shape | null
  /** Shape leaving it; null when this layer or one above failed. */
  readonly output: Shape | null
  readonly params: number
  readonly trainableParams: number
  /** What is wrong here and how to fix it; null when the layer fits (or one above failed). */
  readonly error: string | null
}

export interface ModelCheck {
  readonly input: ModelInput
  /** Hidden layers in spec order, then the output head (id 'output'). */
  readonly layers: readonly LayerCheck[]
  readonly totalParams: number
  readonly trainableParams: number
  readonly nonTrainableParams: number
  /** The first layer that breaks the network: training is refused while it is set. */
  readonly firstError: { readonly id: string; readonly message: string } | null
}

/**
 * Output shape, parameter count and errors of every layer, computed from the spec alone (no
 * TensorFlow.js), so the Model step checks the network live as it is edited. Counts equal what
 * tfjs builds (tested layer by layer against `countParams()`).
 */
export function checkModel(spec: ModelSpec, input: ModelInput, head: OutputHead): ModelCheck {
  void spec
  void input
  void head
  throw new Error('checkModel: not written yet')
}

/** "(None, 12, 32)": a shape as Keras prints it, batch first. */
export function formatShape(shape: Shape | null): string {
  if (!shape) return '—'
  return `(None, ${shape.join(', ')})`
}

export type { LayerSpec }
