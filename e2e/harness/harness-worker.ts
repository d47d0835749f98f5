// Runs in a dedicated module worker, as the studio trains: starts the requested backend the way
// the studio does, then builds, trains and predicts the minimal stack of every layer type in turn.
/// <reference types="vite/client" />
import '../../src/workers/register-backends'
import * as tf from '@tensorflow/tfjs'
import { buildModel, compileModel, disposeModel } from '../../src/core/model/build-model'
import { outputHead } from '../../src/core/model/head'
import { LAYER_TYPES } from '../../src/core/model/layer-catalogue'
import { MINIMAL_STACKS } from '../../src/core/model/minimal-stacks'
import type { ModelInput } from '../../src/core/model/model-input'
import type { LayerType } from '../../src/core/model/model-spec'
import { createRng } from '../../src/core/random'
import type { BackendName } from '../../src/core/train/backend-names'
import { activateBackend } from '../../src/core/train/backends'
// The gradients tfjs' WASM backend lacks (convolutions, Embedding), registered as the studio's
// training engine registers them.
import '../../src/core/train/training-kernels'
import type { LayerRun, HarnessReply } from './protocol'

const SEED = 42
/** Two batches of eight: enough to prove training moves every weight, small enough for WebGPU on
 * SwiftShader, where each new shader costs seconds. */
const ROWS = 16
const BATCH = 8
const head = outputHead({ column: 'y', task: 'binary', classes: ['no', 'yes'] })
const config = { optimizer: 'adam', learningRate: 0.01, batchSize: BATCH, epochs: 1 } as const

/**
 * Softmax ignores anything added to every score of a query, so the encoder's key bias gets a
 * zero gradient (as in Keras): it may stay put without anything being wrong.
 */
const MAY_STAY = [/\/key_bias$/]

const post = (message: HarnessReply) => self.postMessage(message)

/** Seeded rows for the model's own input: token ids for text, numbers around zero otherwise. */
function inputs(input: ModelInput, shape: number[]): tf.Tensor {
  const rng = createRng(SEED)
  const size = shape.reduce((a, b) => a * b, 1)
  const vocabulary = input.vocabularySize ?? 0
  const values = Float32Array.from({ length: size }, () =>
    input.kind === 'tokens' ? Math.floor(rng() * vocabulary) : rng() * 2 - 1,
  )
  return tf.tensor(values, shape)
}

async function valuesOf(weights: tf.LayerVariable[]): Promise<Float32Array[]> {
  return Promise.all(weights.map(async (w) => (await w.read().data()) as Float32Array))
}

const sameValues = (a: Float32Array | undefined, b: Float32Array | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i])

/** The stage a failure happened in, so that "build:" is told apart from a missing kernel. */
async function stage<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
}

async function runLayer(layer: LayerType): Promise<LayerRun> {
  const started = performance.now()
  const { input, spec } = MINIMAL_STACKS[layer]
  const losses: number[] = []
  let model: tf.LayersModel | null = null
  const tensors: tf.Tensor[] = []
  const result = (fields: Partial<LayerRun>): LayerRun => ({
    layer,
    backend: tf.getBackend(),
    ok: false,
    losses,
    lossFinite: false,
    weightsChanged: 0,
    trainableWeights: 0,
    unchanged: [],
    predictionFinite: false,
    ms: Math.round(performance.now() - started),
    error: null,
    ...fields,
  })
  try {
    const built = await stage('build', () => {
      const m = buildModel(spec, input, head, SEED)
      compileModel(m, head, config)
      return m
    })
    model = built
    const shape = (built.inputs[0]?.shape ?? []).map((d) => d ?? ROWS)
    const x = inputs(input, [ROWS, ...shape.slice(1)])
    const rng = createRng(SEED + 1)
    const y = tf.tensor2d(
      Array.from({ length: ROWS }, () => (rng() < 0.5 ? 0 : 1)),
      [ROWS, 1],
    )
    tensors.push(x, y)
    const trainable = built.trainableWeights
    const before = await valuesOf(trainable)
    await stage('train', () =>
      built.fit(x, y, {
        epochs: 1,
        batchSize: BATCH,
        shuffle: false,
        callbacks: { onBatchEnd: (_, logs) => void losses.push(Number(logs?.loss)) },
      }),
    )
    const after = await valuesOf(trainable)
    const unchanged = trainable
      .filter((_, i) => sameValues(before[i], after[i]))
      .map((w) => w.originalName)
    const prediction = await stage('predict', async () => {
      const p = built.predict(x, { batchSize: ROWS }) as tf.Tensor
      tensors.push(p)
      return p.data()
    })
    const lossFinite = losses.length === ROWS / BATCH && losses.every(Number.isFinite)
    const predictionFinite = prediction.length === ROWS && prediction.every(Number.isFinite)
    const stuck = unchanged.filter((name) => !MAY_STAY.some((pattern) => pattern.test(name)))
    const problems = [
      lossFinite ? null : `loss not finite: ${losses.join(', ')}`,
      stuck.length === 0 ? null : `weights did not move: ${stuck.join(', ')}`,
      predictionFinite ? null : 'predictions not finite',
    ].filter((p): p is string => p !== null)
    return result({
      ok: problems.length === 0,
      lossFinite,
      weightsChanged: trainable.length - unchanged.length,
      trainableWeights: trainable.length,
      unchanged,
      predictionFinite,
      error: problems.length === 0 ? null : problems.join('; '),
    })
  } catch (error) {
    return result({ error: error instanceof Error ? error.message : String(error) })
  } finally {
    tf.dispose(tensors)
    if (model) disposeModel(model)
  }
}

self.onmessage = async (event: MessageEvent<{ backend: BackendName }>) => {
  const startError = await activateBackend(event.data.backend)
  post({ type: 'started', startError })
  if (startError === null) {
    for (const layer of LAYER_TYPES) post({ type: 'layer', run: await runLayer(layer) })
  }
  post({ type: 'done' })
}
