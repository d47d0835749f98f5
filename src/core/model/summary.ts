import type { OutputHead } from './head'
import type { ModelSpec } from './model-spec'

export interface LayerSummary {
  readonly name: string
  readonly kind: string
  readonly outputShape: string
  readonly params: number
}

/**
 * Output shape and parameter count of each layer, like Keras' `model.summary()`, computed from the
 * spec alone so the Model step shows them live without loading TensorFlow.js.
 */
export function summarizeModel(
  spec: ModelSpec,
  inputDim: number,
  head: OutputHead,
): LayerSummary[] {
  const rows: LayerSummary[] = []
  let width = inputDim
  // Keras-style names: each kind numbered on its own (dense_1, dropout_1, dense_2).
  const seen = new Map<string, number>()
  const nameOf = (type: string) => {
    const n = (seen.get(type) ?? 0) + 1
    seen.set(type, n)
    return `${type}_${n}`
  }
  spec.layers.forEach((layer) => {
    if (layer.type === 'dense') {
      rows.push({
        name: nameOf('dense'),
        kind: `Dense (${layer.activation})`,
        outputShape: `(None, ${layer.units})`,
        params: width * layer.units + layer.units,
      })
      width = layer.units
    } else {
      rows.push({
        name: nameOf('dropout'),
        kind: `Dropout (${layer.rate})`,
        outputShape: `(None, ${width})`,
        params: 0,
      })
    }
  })
  rows.push({
    name: 'output',
    kind: `Dense (${head.activation})`,
    outputShape: `(None, ${head.units})`,
    params: width * head.units + head.units,
  })
  return rows
}
