import type { Activation, LayerSpec } from '../../model/model-spec'
import { WEIGHTS_FILE, type SavedModelFiles } from '../model-files'

/** A Keras model converted to TensorFlow.js, read for fine-tuning in the studio. */
export interface KerasImport {
  /** model.json and one weights file, as `loadModelFiles` and a warm start read them. */
  readonly files: SavedModelFiles
  /** The hidden layers as the Model step edits them (the output layer follows from the target). */
  readonly layers: LayerSpec[]
  /** Inputs per row the network takes. */
  readonly inputWidth: number
  /** The Keras output layer: kept when it fits the target, else the studio's own starts fresh. */
  readonly output: { readonly units: number; readonly activation: string }
  /** Keras settings the studio does not keep (shown to the analyst, not silently dropped). */
  readonly notes: string[]
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

const ACTIVATION_NAMES: Record<string, Activation> = {
  relu: 'relu',
  elu: 'elu',
  selu: 'selu',
  gelu: 'gelu',
  swish: 'swish',
  silu: 'swish',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  softplus: 'softplus',
  softmax: 'softmax',
  linear: 'linear',
}

function fail(message: string): never {
  throw new Error(`${message} Export a Keras 2 Sequential model with tensorflowjs_converter.`)
}

function activationOf(config: Json, layer: string) {
  const name = typeof config.activation === 'string' ? config.activation : 'linear'
  const known = ACTIVATION_NAMES[name]
  if (!known)
    fail(`The layer "${layer}" uses the activation "${name}", which the studio does not offer.`)
  return known
}

function kernelOf(config: Json, notes: string[], layer: string) {
  const regularizer = isObject(config.kernel_regularizer) ? config.kernel_regularizer : null
  const l1l2 = regularizer && isObject(regularizer.config) ? regularizer.config : {}
  if (config.bias_regularizer || config.activity_regularizer || config.kernel_constraint)
    notes.push(`${layer}: bias/activity regularisers and constraints are not kept.`)
  return {
    kernelInitializer: 'glorotUniform' as const,
    l1: typeof l1l2.l1 === 'number' ? l1l2.l1 : 0,
    l2: typeof l1l2.l2 === 'number' ? l1l2.l2 : 0,
  }
}

function firstOf(value: unknown, fallback: number): number {
  const v: unknown = Array.isArray(value) ? (value as unknown[])[0] : value
  return typeof v === 'number' ? v : fallback
}

function layerOf(className: string, config: Json, id: string, notes: string[]): LayerSpec | null {
  const name = typeof config.name === 'string' ? config.name : id
  switch (className) {
    case 'InputLayer':
      return null
    case 'Dense':
      return {
        id,
        type: 'dense',
        units: firstOf(config.units, 1),
        activation: activationOf(config, name),
        useBias: config.use_bias !== false,
        ...kernelOf(config, notes, name),
      }
    case 'Dropout':
      return { id, type: 'dropout', rate: firstOf(config.rate, 0) }
    case 'BatchNormalization':
      return {
        id,
        type: 'batchNormalization',
        momentum: firstOf(config.momentum, 0.99),
        epsilon: firstOf(config.epsilon, 0.001),
      }
    case 'LayerNormalization':
      return { id, type: 'layerNormalization', epsilon: firstOf(config.epsilon, 0.001) }
    case 'Activation':
      return { id, type: 'activation', activation: activationOf(config, name) }
    case 'GaussianNoise':
      return { id, type: 'gaussianNoise', stddev: firstOf(config.stddev, 0) }
    case 'Flatten':
      return { id, type: 'flatten' }
    case 'Conv1D':
    case 'Conv2D': {
      const type: 'conv1d' | 'conv2d' = className === 'Conv1D' ? 'conv1d' : 'conv2d'
      return {
        id,
        type,
        filters: firstOf(config.filters, 1),
        kernelSize: firstOf(config.kernel_size, 1),
        strides: firstOf(config.strides, 1),
        padding: config.padding === 'same' ? 'same' : 'valid',
        activation: activationOf(config, name),
        ...kernelOf(config, notes, name),
      }
    }
    case 'LSTM':
    case 'GRU':
    case 'SimpleRNN': {
      const type: 'lstm' | 'gru' | 'simpleRnn' =
        className === 'LSTM' ? 'lstm' : className === 'GRU' ? 'gru' : 'simpleRnn'
      return {
        id,
        type,
        units: firstOf(config.units, 1),
        activation: activationOf(config, name),
        returnSequences: config.return_sequences === true,
        ...kernelOf(config, notes, name),
      } as LayerSpec
    }
    default:
      return fail(`The layer "${name}" is a ${className}, which the studio cannot fine-tune.`)
  }
}

/**
 * Reads a converted Keras model: model.json (Keras 2 topology, as `tensorflowjs_converter` writes
 * it, with or without the `model_config` wrapper) and its weight shards, joined in manifest order.
 */
export function readKerasModel(
  modelJson: string,
  shards: ReadonlyMap<string, Uint8Array>,
): KerasImport {
  let json: unknown
  try {
    json = JSON.parse(modelJson)
  } catch {
    return fail('model.json is not valid JSON.')
  }
  if (!isObject(json) || !isObject(json.modelTopology) || !Array.isArray(json.weightsManifest))
    return fail(
      'model.json has no modelTopology and weightsManifest: it is not a TensorFlow.js Layers model.',
    )
  const topology = isObject(json.modelTopology.model_config)
    ? json.modelTopology.model_config
    : json.modelTopology
  if (topology.class_name !== 'Sequential' || !isObject(topology.config))
    return fail(
      `The model is a ${String(topology.class_name)} model; the studio imports Sequential ones.`,
    )
  const raw = Array.isArray(topology.config.layers) ? topology.config.layers : []
  const notes: string[] = []
  const layers: LayerSpec[] = []
  let inputWidth: number | null = null
  for (const [i, entry] of raw.entries()) {
    if (!isObject(entry) || typeof entry.class_name !== 'string' || !isObject(entry.config))
      return fail(`Layer ${i + 1} of model.json is not a Keras layer.`)
    const shape = entry.config.batch_input_shape ?? entry.config.batch_shape
    if (inputWidth === null && Array.isArray(shape)) {
      if (shape.length !== 2 || typeof shape[1] !== 'number')
        return fail(
          `The model takes inputs of shape ${JSON.stringify(shape)}; the studio imports models of table rows ([null, inputs]).`,
        )
      inputWidth = shape[1]
    }
    const layer = layerOf(entry.class_name, entry.config, `k${i + 1}`, notes)
    if (layer) layers.push(layer)
  }
  if (inputWidth === null) return fail('model.json does not say how many inputs the model takes.')
  // The last Dense is the output layer: the studio builds its own from the target.
  while (layers.at(-1)?.type === 'activation') layers.pop()
  const last = layers.pop()
  if (last?.type !== 'dense') return fail('The model does not end with a Dense output layer.')
  return {
    files: {
      modelJson: JSON.stringify({ ...json, weightsManifest: joinedManifest(json.weightsManifest) }),
      weights: joinShards(json.weightsManifest, shards),
    },
    layers,
    inputWidth,
    output: { units: last.units, activation: last.activation },
    notes,
  }
}

function joinedManifest(manifest: unknown[]): unknown[] {
  const weights = manifest.flatMap((group): unknown[] =>
    isObject(group) && Array.isArray(group.weights) ? (group.weights as unknown[]) : [],
  )
  return [{ paths: [WEIGHTS_FILE], weights }]
}

function joinShards(manifest: unknown[], shards: ReadonlyMap<string, Uint8Array>): ArrayBuffer {
  const parts: Uint8Array[] = []
  for (const group of manifest) {
    const paths = isObject(group) && Array.isArray(group.paths) ? group.paths : []
    for (const path of paths) {
      const name = String(path).split('/').pop() ?? ''
      const shard = shards.get(name)
      if (!shard)
        return fail(
          `The weights file "${name}" that model.json names was not chosen; choose model.json with every .bin file beside it.`,
        )
      parts.push(shard)
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out.buffer
}
