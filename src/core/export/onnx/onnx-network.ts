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
  'Reshape',
  'Conv1D',
  'Conv2D',
  'MaxPooling1D',
  'AveragePooling1D',
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
  'SimpleRNN',
  'LSTM',
  'GRU',
  'Embedding',
] as const

const ints = (...names: string[]) => ({ intAttributes: names })

/** tfjs keeps channels last; ONNX's Conv and Pool want them first: transposed around each. */
function channelsFirst(g: GraphBuilder, x: string, rank: number): string {
  return g.op('Transpose', [x], { perm: rank === 3 ? [0, 2, 1] : [0, 3, 1, 2] }, ints('perm'))
}
function channelsLast(g: GraphBuilder, x: string, rank: number): string {
  return g.op('Transpose', [x], { perm: rank === 3 ? [0, 2, 1] : [0, 2, 3, 1] }, ints('perm'))
}

/** A kernel's values permuted: `dims` its shape, `perm` the new axis order (as numpy.transpose). */
function permute(values: Float32Array, dims: readonly number[], perm: readonly number[]) {
  const out = new Float32Array(values.length)
  const shape = perm.map((p) => dims[p] as number)
  const strides = dims.map((_, i) => dims.slice(i + 1).reduce((a, b) => a * b, 1))
  const index = new Array<number>(dims.length).fill(0)
  for (let o = 0; o < out.length; o++) {
    let rest = o
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d] = rest % (shape[d] as number)
      rest = Math.floor(rest / (shape[d] as number))
    }
    let from = 0
    perm.forEach((p, d) => (from += (index[d] as number) * (strides[p] as number)))
    out[o] = values[from] as number
  }
  return { values: out, shape }
}

const sizes = (value: unknown, rank: number): number[] =>
  Array.isArray(value) ? (value as number[]) : new Array<number>(rank).fill(Number(value ?? 1))

function padding(config: Record<string, unknown>) {
  // TensorFlow's 'same' pads the extra cell at the end: ONNX's SAME_UPPER.
  return config.padding === 'same' ? 'SAME_UPPER' : 'VALID'
}

const RECURRENT_ACTIVATIONS: Record<string, string> = {
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  hard_sigmoid: 'HardSigmoid',
  relu: 'Relu',
}

function recurrentActivation(name: unknown, layer: string): string {
  const op = RECURRENT_ACTIVATIONS[typeof name === 'string' ? name : 'tanh']
  if (!op)
    throw new Error(
      `The layer "${layer}" uses the activation "${String(name)}" inside a recurrent cell, which ONNX's recurrent operators do not offer.`,
    )
  return op
}

/** Keras' gate blocks (each `units` wide along the last axis) reordered, as ONNX wants them. */
function reorderGates(values: Float32Array, rows: number, units: number, order: readonly number[]) {
  const gates = order.length
  const out = new Float32Array(values.length)
  for (let r = 0; r < rows; r++)
    order.forEach((from, to) =>
      out.set(
        values.subarray(r * gates * units + from * units, r * gates * units + (from + 1) * units),
        r * gates * units + to * units,
      ),
    )
  return out
}

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
  const layers = layersOf(model)
  let x = input
  // The flat prepared rows as the network reads them: [rows, steps, series] or a picture.
  const first = layers[0]?.config
  const inputShape = (first?.batch_input_shape ?? first?.batchInputShape) as
    (number | null)[] | undefined
  if (inputShape && inputShape.length > 2)
    x = g.op('Reshape', [x, g.int64s([-1, ...inputShape.slice(1).map((d) => d ?? -1)])])
  for (const { class_name: type, config } of layers) {
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
        // On a sequence, MatMul applies the kernel at every step, as Keras' Dense does.
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
        // Channels stay last, so flattening follows TensorFlow.js' order.
        x = g.op('Flatten', [x], { axis: 1 }, ints('axis'))
        break
      case 'Reshape':
        x = g.op('Reshape', [x, g.int64s([-1, ...(config.target_shape as number[])])])
        break
      case 'Conv1D':
      case 'Conv2D': {
        const spatial = type === 'Conv1D' ? 1 : 2
        const kernel = weight(name, 'kernel')
        // tfjs [k…, in, out] → ONNX [out, in, k…].
        const w = permute(kernel.values, kernel.shape, spatial === 1 ? [2, 1, 0] : [3, 2, 0, 1])
        const inputs = [
          channelsFirst(g, x, spatial + 2),
          g.floats(w.values, w.shape, `${name}_kernel`),
        ]
        if (config.use_bias !== false) {
          const bias = weight(name, 'bias')
          inputs.push(g.floats(bias.values, bias.shape, `${name}_bias`))
        }
        const conv = g.op(
          'Conv',
          inputs,
          {
            kernel_shape: kernel.shape.slice(0, spatial),
            strides: sizes(config.strides, spatial),
            dilations: sizes(config.dilation_rate, spatial),
            auto_pad: padding(config),
          },
          ints('kernel_shape', 'strides', 'dilations'),
        )
        x = activation(g, channelsLast(g, conv, spatial + 2), config.activation, name)
        break
      }
      case 'MaxPooling1D':
      case 'AveragePooling1D':
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        const spatial = type.endsWith('1D') ? 1 : 2
        const pool = sizes(config.pool_size, spatial)
        const pooled = g.op(
          type.startsWith('Max') ? 'MaxPool' : 'AveragePool',
          [channelsFirst(g, x, spatial + 2)],
          {
            kernel_shape: pool,
            strides: config.strides == null ? pool : sizes(config.strides, spatial),
            auto_pad: padding(config),
          },
          ints('kernel_shape', 'strides'),
        )
        x = channelsLast(g, pooled, spatial + 2)
        break
      }
      case 'GlobalAveragePooling1D':
      case 'GlobalAveragePooling2D':
        x = g.op(
          'ReduceMean',
          [x],
          { axes: type.endsWith('1D') ? [1] : [1, 2], keepdims: 0 },
          ints('axes', 'keepdims'),
        )
        break
      case 'Embedding': {
        const table = weight(name, 'embeddings')
        const ids = g.op('Cast', [x], { to: 7 }, ints('to'))
        x = g.op(
          'Gather',
          [g.floats(table.values, table.shape, `${name}_table`), ids],
          { axis: 0 },
          ints('axis'),
        )
        break
      }
      case 'SimpleRNN':
      case 'LSTM':
      case 'GRU': {
        const units = Number(config.units)
        const gates = type === 'LSTM' ? 4 : type === 'GRU' ? 3 : 1
        // Keras orders the LSTM gates i, f, c, o and ONNX i, o, f, c; GRU is z, r, h in both.
        const order = type === 'LSTM' ? [0, 3, 1, 2] : [...Array(gates).keys()]
        const kernel = weight(name, 'kernel')
        const recurrent = weight(name, 'recurrent_kernel')
        const inputs = kernel.shape[0] as number
        const w = permute(
          reorderGates(kernel.values, inputs, units, order),
          [inputs, gates * units],
          [1, 0],
        )
        const r = permute(
          reorderGates(recurrent.values, units, units, order),
          [units, gates * units],
          [1, 0],
        )
        const bias = new Float32Array(2 * gates * units)
        if (config.use_bias !== false)
          bias.set(reorderGates(weight(name, 'bias').values, 1, units, order))
        const activations =
          type === 'SimpleRNN'
            ? [recurrentActivation(config.activation, name)]
            : type === 'LSTM'
              ? [
                  recurrentActivation(config.recurrent_activation, name),
                  recurrentActivation(config.activation, name),
                  recurrentActivation(config.activation, name),
                ]
              : [
                  recurrentActivation(config.recurrent_activation, name),
                  recurrentActivation(config.activation, name),
                ]
        const sequence = g.op('Transpose', [x], { perm: [1, 0, 2] }, ints('perm'))
        const node = g.op(
          type === 'SimpleRNN' ? 'RNN' : type,
          [
            sequence,
            g.floats(w.values, [1, ...w.shape], `${name}_W`),
            g.floats(r.values, [1, ...r.shape], `${name}_R`),
            g.floats(bias, [1, bias.length], `${name}_B`),
          ],
          { hidden_size: units, activations },
          ints('hidden_size'),
        )
        // The node's first output is every step's state [steps, 1, rows, units]; the last state
        // is read from there.
        const steps = g.op('Squeeze', [node, g.int64s([1])])
        if (config.return_sequences === true) {
          x = g.op('Transpose', [steps], { perm: [1, 0, 2] }, ints('perm'))
        } else {
          x = g.op('Gather', [steps, g.int64s([-1])], { axis: 0 }, ints('axis'))
          x = g.op('Squeeze', [x, g.int64s([0])])
        }
        break
      }
      default:
        throw new Error(
          `The layer "${name}" (${type}) cannot be written to ONNX yet; the export covers ${ONNX_LAYERS.join(', ')}. Use the model bundle (TensorFlow.js) for this network.`,
        )
    }
  }
  return x
}
