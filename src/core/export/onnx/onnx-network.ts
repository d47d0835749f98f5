import type { SavedModelFiles } from '../model-files'
import type { GraphBuilder } from './onnx-graph'

interface LayerJson {
  readonly class_name: string
  readonly config: Record<string, unknown> & { name: string }
}

/** The layers the export writes as ONNX operations; any other is refused by name. */
export const ONNX_LAYERS = [
  'Dense',
  'Dropout',
  'GaussianNoise',
  'Activation',
  'BatchNormalization',
  'LayerNormalization',
  'Flatten',
] as const

/** The model's weights by name ("dense_1/kernel"), read from weights.bin in manifest order. */
function weightsByName(
  model: SavedModelFiles,
): Map<string, { values: Float32Array; shape: number[] }> {
  const json = JSON.parse(model.modelJson) as {
    weightsManifest: {
      weights: { name: string; shape: number[]; dtype: string; quantization?: unknown }[]
    }[]
  }
  const out = new Map<string, { values: Float32Array; shape: number[] }>()
  let offset = 0
  for (const spec of json.weightsManifest.flatMap((g) => g.weights)) {
    if (spec.dtype !== 'float32' || spec.quantization)
      throw new Error(
        `The weight "${spec.name}" is not stored as float32; export the model as trained.`,
      )
    const size = spec.shape.reduce((a, b) => a * b, 1)
    out.set(spec.name, {
      values: new Float32Array(model.weights.slice(offset, offset + size * 4)),
      shape: spec.shape,
    })
    offset += size * 4
  }
  return out
}

/** Keras layer list of a saved Sequential model (the studio saves every table model so). */
function layersOf(model: SavedModelFiles): LayerJson[] {
  const json = JSON.parse(model.modelJson) as {
    modelTopology: { class_name?: string; config?: { layers?: LayerJson[] } }
  }
  const topology = json.modelTopology
  if (topology.class_name !== 'Sequential' || !topology.config?.layers)
    throw new Error('Only a plain stack of layers can be exported to ONNX.')
  return topology.config.layers
}

function activation(g: GraphBuilder, x: string, name: unknown, layer: string): string {
  switch (name ?? 'linear') {
    case 'linear':
      return x
    case 'relu':
      return g.op('Relu', [x])
    case 'elu':
      return g.op('Elu', [x], { alpha: 1 })
    case 'selu':
      return g.op('Selu', [x])
    case 'tanh':
      return g.op('Tanh', [x])
    case 'sigmoid':
      return g.op('Sigmoid', [x])
    case 'softplus':
      return g.op('Softplus', [x])
    case 'softmax':
      return g.op('Softmax', [x], { axis: -1 }, { intAttributes: ['axis'] })
    case 'swish':
      return g.op('Mul', [x, g.op('Sigmoid', [x])])
    case 'gelu': {
      // 0.5·x·(1 + erf(x / √2)), the exact GELU TensorFlow.js computes.
      const erf = g.op('Erf', [g.op('Div', [x, g.scalar(Math.SQRT2)])])
      return g.op('Mul', [g.op('Mul', [x, g.scalar(0.5)]), g.op('Add', [erf, g.scalar(1)])])
    }
    default:
      throw new Error(
        `The layer "${layer}" uses the activation "${String(name)}", which the ONNX export does not write.`,
      )
  }
}

/**
 * The network as ONNX operations on `input` ([rows, width] floats); returns the output tensor.
 * Layers are read from model.json's Keras topology and their weights from weights.bin.
 */
export function networkOps(g: GraphBuilder, input: string, model: SavedModelFiles): string {
  const weights = weightsByName(model)
  const weight = (layer: string, part: string) => {
    const w = weights.get(`${layer}/${part}`)
    if (!w) throw new Error(`The weight "${layer}/${part}" is missing from weights.bin.`)
    return w
  }
  let x = input
  for (const { class_name: type, config } of layersOf(model)) {
    const name = config.name
    switch (type) {
      case 'InputLayer':
      case 'Dropout':
      case 'GaussianNoise':
      case 'SeededDropout':
      case 'SeededGaussianNoise':
        // Training-only noise: at prediction these layers pass their input on unchanged.
        break
      case 'Dense': {
        const kernel = weight(name, 'kernel')
        x = g.op('MatMul', [x, g.floats(kernel.values, kernel.shape, `${name}_kernel`)])
        if (config.use_bias !== false) {
          const bias = weight(name, 'bias')
          x = g.op('Add', [x, g.floats(bias.values, bias.shape, `${name}_bias`)])
        }
        x = activation(g, x, config.activation, name)
        break
      }
      case 'Activation':
        x = activation(g, x, config.activation, name)
        break
      case 'BatchNormalization': {
        // Folded for inference: (x − mean) / √(var + ε) · γ + β as one multiply and one add.
        const epsilon = Number(config.epsilon ?? 1e-3)
        const mean = weight(name, 'moving_mean').values
        const variance = weight(name, 'moving_variance').values
        const gamma = config.scale === false ? null : weight(name, 'gamma').values
        const beta = config.center === false ? null : weight(name, 'beta').values
        const scale = mean.map(
          (_, i) => (gamma?.[i] ?? 1) / Math.sqrt((variance[i] ?? 0) + epsilon),
        )
        const shift = mean.map((m, i) => (beta?.[i] ?? 0) - m * (scale[i] ?? 0))
        x = g.op('Add', [
          g.op('Mul', [x, g.floats(scale, [scale.length])]),
          g.floats(shift, [shift.length]),
        ])
        break
      }
      case 'LayerNormalization': {
        const gamma = weight(name, 'gamma')
        const beta = weight(name, 'beta')
        x = g.op(
          'LayerNormalization',
          [x, g.floats(gamma.values, gamma.shape), g.floats(beta.values, beta.shape)],
          { axis: -1, epsilon: Number(config.epsilon ?? 1e-3) },
          { intAttributes: ['axis'] },
        )
        break
      }
      case 'Flatten':
        x = g.op('Flatten', [x], { axis: 1 }, { intAttributes: ['axis'] })
        break
      default:
        throw new Error(
          `The layer "${name}" (${type}) cannot be written to ONNX yet; the export covers ${ONNX_LAYERS.join(', ')}. Use the model bundle (TensorFlow.js) for this network.`,
        )
    }
  }
  return x
}
