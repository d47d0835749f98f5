import type { OutputHead } from './head'
import { kerasNames, LAYER_CATALOGUE } from './layer-catalogue'
import type { ModelInput } from './model-input'
import type { LayerOf, LayerSpec, ModelSpec } from './model-spec'

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

/** "(None, 12, 32)": a shape as Keras prints it, batch first. */
export function formatShape(shape: Shape | null): string {
  if (!shape) return '—'
  return `(None, ${shape.join(', ')})`
}

const count = (n: number) => n.toLocaleString('en-US')

/** "a flat row of 61 values", "a sequence of 12 steps × 4 values", "a 28×28×1 grid". */
function shapeWords(shape: Shape): string {
  const [a = 0, b = 0, c = 0] = shape
  if (shape.length === 1) return `a flat row of ${count(a)} value${a === 1 ? '' : 's'}`
  if (shape.length === 2) return `a sequence of ${count(a)} steps × ${count(b)} values`
  return `a ${a}×${b}×${c} grid`
}

interface Outcome {
  readonly output: Shape
  readonly params: number
  /** Parameters the optimiser never moves (Batch normalization's moving mean and variance). */
  readonly frozen?: number
}

/** A layer that does not fit: the message says what is wrong and how to fix it. */
class Misfit extends Error {}

interface Context {
  readonly input: ModelInput
  /** Position in the stack (0: right after the input). */
  readonly index: number
  readonly label: string
}

const last = (shape: Shape) => shape[shape.length - 1] as number

function needSequence(shape: Shape, ctx: Context, fix: string): [number, number] {
  if (shape.length === 2) return [shape[0] as number, shape[1] as number]
  if (shape.length === 1) {
    throw new Misfit(
      `${ctx.label} reads a sequence (steps × values), but it gets ${shapeWords(shape)}. ${fix}`,
    )
  }
  throw new Misfit(
    `${ctx.label} reads a sequence (steps × values), but it gets ${shapeWords(shape)} (a picture). Use the 2D version of this layer, or Flatten / GlobalAveragePooling2D first.`,
  )
}

function needGrid(shape: Shape, ctx: Context): [number, number, number] {
  if (shape.length === 3) return [shape[0] as number, shape[1] as number, shape[2] as number]
  throw new Misfit(
    `${ctx.label} reads pictures (height × width × channels), but it gets ${shapeWords(shape)}. It needs an image dataset; for a sequence use the 1D version, for table data use Dense.`,
  )
}

const SEQUENCE_FIX =
  'For table data, make time-series windows on the Prepare step (Add step → Windows) or put a Reshape (steps, values) before it; for text, start with an Embedding.'

/** Output length along one axis of a convolution or pooling window, as Keras computes it. */
function slide(
  length: number,
  window: number,
  stride: number,
  padding: 'valid' | 'same',
  ctx: Context,
  what: string,
  axis: string,
): number {
  if (padding === 'same') return Math.ceil(length / stride)
  if (window > length) {
    throw new Misfit(
      `${ctx.label}'s ${what} of ${window} is longer than the ${length} ${axis} it gets. Lower the ${what}, set padding to "same", or remove a pooling layer above.`,
    )
  }
  return Math.floor((length - window) / stride) + 1
}

function recurrentParams(kind: 'simpleRnn' | 'lstm' | 'gru', inputs: number, units: number) {
  const gates = kind === 'lstm' ? 4 : kind === 'gru' ? 3 : 1
  return gates * (units * (inputs + units) + units)
}

/** The shape after `layer` and its parameters, or a Misfit saying why it cannot follow `shape`. */
function infer(layer: LayerSpec, shape: Shape, ctx: Context): Outcome {
  switch (layer.type) {
    case 'dense': {
      const d = last(shape)
      return {
        output: [...shape.slice(0, -1), layer.units],
        params: d * layer.units + (layer.useBias ? layer.units : 0),
      }
    }
    case 'dropout':
    case 'gaussianNoise':
    case 'activation':
      return { output: shape, params: 0 }
    case 'batchNormalization': {
      const d = last(shape)
      return { output: shape, params: 4 * d, frozen: 2 * d }
    }
    case 'layerNormalization':
      return { output: shape, params: 2 * last(shape) }
    case 'conv1d': {
      const [steps, channels] = needSequence(shape, ctx, SEQUENCE_FIX)
      const out = slide(
        steps,
        layer.kernelSize,
        layer.strides,
        layer.padding,
        ctx,
        'kernel size',
        'steps',
      )
      return {
        output: [out, layer.filters],
        params: layer.kernelSize * channels * layer.filters + layer.filters,
      }
    }
    case 'conv2d': {
      const [h, w, c] = needGrid(shape, ctx)
      const k = layer.kernelSize
      const oh = slide(h, k, layer.strides, layer.padding, ctx, 'kernel size', 'pixels of height')
      const ow = slide(w, k, layer.strides, layer.padding, ctx, 'kernel size', 'pixels of width')
      return { output: [oh, ow, layer.filters], params: k * k * c * layer.filters + layer.filters }
    }
    case 'maxPooling1d':
    case 'averagePooling1d': {
      const [steps, channels] = needSequence(shape, ctx, SEQUENCE_FIX)
      const stride = layer.strides ?? layer.poolSize
      const out = slide(steps, layer.poolSize, stride, layer.padding, ctx, 'pool size', 'steps')
      return { output: [out, channels], params: 0 }
    }
    case 'maxPooling2d':
    case 'averagePooling2d': {
      const [h, w, c] = needGrid(shape, ctx)
      const p = layer.poolSize
      const stride = layer.strides ?? p
      const oh = slide(h, p, stride, layer.padding, ctx, 'pool size', 'pixels of height')
      const ow = slide(w, p, stride, layer.padding, ctx, 'pool size', 'pixels of width')
      return { output: [oh, ow, c], params: 0 }
    }
    case 'globalAveragePooling1d': {
      const [, channels] = needSequence(
        shape,
        ctx,
        'It only makes sense after a sequence layer (Conv1D, LSTM with Return sequences, Embedding, Transformer encoder).',
      )
      return { output: [channels], params: 0 }
    }
    case 'globalAveragePooling2d': {
      const [, , c] = needGrid(shape, ctx)
      return { output: [c], params: 0 }
    }
    case 'flatten': {
      if (shape.length === 1) {
        throw new Misfit(
          `${ctx.label} lays a sequence or picture out flat, but it gets ${shapeWords(shape)}, already flat. Remove this layer.`,
        )
      }
      return { output: [shape.reduce((a, b) => a * b, 1)], params: 0 }
    }
    case 'reshape':
      return { output: reshaped(layer, shape, ctx), params: 0 }
    case 'simpleRnn':
    case 'lstm':
    case 'gru': {
      const [steps, features] = needSequence(shape, ctx, SEQUENCE_FIX)
      return {
        output: layer.returnSequences ? [steps, layer.units] : [layer.units],
        params: recurrentParams(layer.type, features, layer.units),
      }
    }
    case 'bidirectional': {
      const [steps, features] = needSequence(shape, ctx, SEQUENCE_FIX)
      const units = layer.mergeMode === 'concat' ? 2 * layer.units : layer.units
      return {
        output: layer.returnSequences ? [steps, units] : [units],
        params: 2 * recurrentParams(layer.layer, features, layer.units),
      }
    }
    case 'embedding':
      return embedded(layer, shape, ctx)
    case 'positionEmbedding': {
      const [steps, width] = needSequence(shape, ctx, 'Put it right after an Embedding.')
      return { output: shape, params: steps * width }
    }
    case 'transformerEncoder': {
      const [, w] = needSequence(
        shape,
        ctx,
        'Start the network with an Embedding on text turned into tokens.',
      )
      const h = layer.heads
      const k = layer.keyDim ?? Math.floor(w / h)
      if (k < 1) {
        throw new Misfit(
          `${ctx.label} splits each ${w}-value vector into ${h} heads, which leaves none per head. Use at most ${w} heads, or set the key size.`,
        )
      }
      const f = layer.ffUnits
      const attention = 3 * (w * h * k + h * k) + (h * k * w + w)
      const feedForward = w * f + f + (f * w + w)
      return { output: shape, params: attention + 2 * w + feedForward + 2 * w }
    }
  }
}

function reshaped(layer: LayerOf<'reshape'>, shape: Shape, ctx: Context): Shape {
  const total = shape.reduce((a, b) => a * b, 1)
  const target = layer.targetShape
  const unknown = target.filter((d) => d === -1).length
  if (target.some((d) => d === 0 || d < -1) || unknown > 1) {
    throw new Misfit(
      `${ctx.label}'s sizes must be positive, with at most one -1 (worked out from the rest).`,
    )
  }
  const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1)
  const wanted = target.join(' × ')
  if (unknown === 1) {
    if (total % known !== 0) {
      throw new Misfit(
        `${ctx.label} to ${wanted} needs a multiple of ${count(known)} values per row, but it gets ${count(total)} (${shapeWords(shape)}). Choose sizes that divide ${count(total)}.`,
      )
    }
    return target.map((d) => (d === -1 ? total / known : d))
  }
  if (known !== total) {
    throw new Misfit(
      `${ctx.label} to ${wanted} needs ${count(known)} values per row, but it gets ${count(total)} (${shapeWords(shape)}). Choose sizes whose product is ${count(total)}, or use -1 for one of them.`,
    )
  }
  return target
}

function embedded(layer: LayerOf<'embedding'>, shape: Shape, ctx: Context): Outcome {
  const { input } = ctx
  if (input.kind !== 'tokens' || input.vocabularySize === undefined) {
    throw new Misfit(
      `${ctx.label} turns token ids into vectors, but this data gives ${input.description}, not token ids. On the Prepare step, turn a text column into tokens (Add step → Text to tokens), or remove the Embedding.`,
    )
  }
  if (ctx.index !== 0) {
    throw new Misfit(
      `${ctx.label} reads token ids, which only the input holds: move it to the top of the stack.`,
    )
  }
  const vocabulary = input.vocabularySize
  const size = layer.inputDim ?? vocabulary
  if (size < vocabulary) {
    throw new Misfit(
      `${ctx.label}'s input size ${count(size)} is smaller than the ${count(vocabulary)} token ids the data can hold, so the higher ids would have no vector. Set it to auto or to at least ${count(vocabulary)}.`,
    )
  }
  return { output: [...shape, layer.outputDim], params: size * layer.outputDim }
}

/** "Dense (64, relu)", "LSTM (32, sequences)", "Conv2D (16 filters, 3×3, relu)". */
export function layerLabel(layer: LayerSpec): string {
  const name = LAYER_CATALOGUE[layer.type].label
  switch (layer.type) {
    case 'dense':
      return `${name} (${layer.units}, ${layer.activation})`
    case 'dropout':
      return `${name} (${layer.rate})`
    case 'gaussianNoise':
      return `${name} (σ ${layer.stddev})`
    case 'activation':
      return `${name} (${layer.activation})`
    case 'conv1d':
      return `${name} (${layer.filters} filters, ${layer.kernelSize}, ${layer.activation})`
    case 'conv2d':
      return `${name} (${layer.filters} filters, ${layer.kernelSize}×${layer.kernelSize}, ${layer.activation})`
    case 'maxPooling1d':
    case 'averagePooling1d':
      return `${name} (${layer.poolSize})`
    case 'maxPooling2d':
    case 'averagePooling2d':
      return `${name} (${layer.poolSize}×${layer.poolSize})`
    case 'reshape':
      return `${name} (${layer.targetShape.join(', ')})`
    case 'simpleRnn':
    case 'lstm':
    case 'gru':
      return `${name} (${layer.units}${layer.returnSequences ? ', sequences' : ''})`
    case 'bidirectional':
      return `${name} ${LAYER_CATALOGUE[layer.layer].label} (${layer.units}, ${layer.mergeMode}${layer.returnSequences ? ', sequences' : ''})`
    case 'embedding':
      return `${name} (${layer.inputDim ?? 'vocabulary'} → ${layer.outputDim})`
    case 'transformerEncoder':
      return `${name} (${layer.heads} head${layer.heads === 1 ? '' : 's'}, ${layer.ffUnits} feed-forward)`
    default:
      return name
  }
}

function headCheck(head: OutputHead, shape: Shape | null): LayerCheck {
  const base = {
    id: 'output',
    name: 'output',
    label: `Output: Dense (${head.units}, ${head.activation})`,
  }
  if (!shape) {
    return { ...base, input: null, output: null, params: 0, trainableParams: 0, error: null }
  }
  let error: string | null = null
  if (head.units < 1) {
    error = 'The target has no classes to predict. Choose another target column on the Data step.'
  } else if (shape.length === 2) {
    error = `The output gives one prediction per row, but the last layer leaves ${shapeWords(shape)}. Turn off "Return sequences" on the last recurrent layer, or add GlobalAveragePooling1D or Flatten at the end.`
  } else if (shape.length === 3) {
    error = `The output gives one prediction per row, but the last layer leaves ${shapeWords(shape)}. Add GlobalAveragePooling2D or Flatten at the end.`
  }
  if (error) return { ...base, input: shape, output: null, params: 0, trainableParams: 0, error }
  const params = last(shape) * head.units + head.units
  return { ...base, input: shape, output: [head.units], params, trainableParams: params, error }
}

/**
 * Output shape, parameter count and errors of every layer, computed from the spec alone (no
 * TensorFlow.js), so the Model step checks the network live as it is edited. Counts equal what
 * tfjs builds (tested layer by layer against `countParams()`). After the first layer that does not
 * fit, the layers below have no shape: they wait for it to be fixed.
 */
export function checkModel(spec: ModelSpec, input: ModelInput, head: OutputHead): ModelCheck {
  const names = kerasNames(spec.layers)
  const layers: LayerCheck[] = []
  let shape: Shape | null = input.shape
  let frozen = 0
  let firstError: ModelCheck['firstError'] = null
  if (input.shape.some((d) => !Number.isInteger(d) || d < 1)) {
    shape = null
    firstError = {
      id: 'input',
      message:
        'The prepared data gives the network no inputs. Keep at least one column on the Prepare step.',
    }
  }
  spec.layers.forEach((layer, index) => {
    const name = names[index] as string
    const label = layerLabel(layer)
    if (!shape) {
      layers.push({
        id: layer.id,
        name,
        label,
        input: null,
        output: null,
        params: 0,
        trainableParams: 0,
        error: null,
      })
      return
    }
    try {
      const outcome = infer(layer, shape, {
        input,
        index,
        label: `${LAYER_CATALOGUE[layer.type].label} (layer ${index + 1})`,
      })
      const held = outcome.frozen ?? 0
      frozen += held
      layers.push({
        id: layer.id,
        name,
        label,
        input: shape,
        output: outcome.output,
        params: outcome.params,
        trainableParams: outcome.params - held,
        error: null,
      })
      shape = outcome.output
    } catch (error) {
      if (!(error instanceof Misfit)) throw error
      layers.push({
        id: layer.id,
        name,
        label,
        input: shape,
        output: null,
        params: 0,
        trainableParams: 0,
        error: error.message,
      })
      firstError ??= { id: layer.id, message: error.message }
      shape = null
    }
  })
  const output = headCheck(head, shape)
  layers.push(output)
  if (output.error) firstError ??= { id: 'output', message: output.error }
  const totalParams = layers.reduce((sum, l) => sum + l.params, 0)
  return {
    input,
    layers,
    totalParams,
    trainableParams: totalParams - frozen,
    nonTrainableParams: frozen,
    firstError,
  }
}
