import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { tableInput } from '../model/model-input'
import { BATCH_CHUNK_MS } from './batch-losses'
import { trainModel, type BatchLosses, type EpochLog, type TrainOptions } from './engine'
import type { TrainConfig } from './train-config'
import { germanCreditJob, runFreely } from './train-test-kit'

const { job, head } = germanCreditJob()
// Small batches: many per epoch, where a per-batch read would cost the most.
const config: TrainConfig = { ...job.recipe.training, epochs: 3, batchSize: 16 }
// Timed without epoch metrics, so the figure is the batch losses' own cost.
const timed: TrainConfig = { ...config, epochs: 2, metrics: [] }

async function run(options: TrainOptions, settings: TrainConfig = config) {
  const model = buildModel(job.recipe.model, tableInput(job.train.x.width), head, 2)
  compileModel(model, head, settings)
  const logs: EpochLog[] = []
  const started = performance.now()
  await trainModel(
    model,
    job.train,
    job.validation,
    settings,
    2,
    runFreely,
    (l) => logs.push(l),
    null,
    options,
  )
  const ms = performance.now() - started
  disposeModel(model)
  return { logs, ms }
}

describe.each(['cpu', 'wasm'] as const)('per-batch losses on %s', (backend) => {
  it('reports every batch once, in order, in throttled chunks whose mean is the epoch loss', async () => {
    expect(await tf.setBackend(backend)).toBe(true)
    const tensors = tf.memory().numTensors
    const chunks: BatchLosses[] = []
    const { logs } = await run({ onBatches: (c) => chunks.push(c) })
    expect(tf.memory().numTensors).toBe(tensors)
    const batches = Math.ceil(job.train.x.rows / config.batchSize)
    const lastSize = job.train.x.rows - (batches - 1) * config.batchSize
    for (const log of logs) {
      const mine = chunks.filter((c) => c.epoch === log.epoch)
      expect(mine.every((c) => c.batchesPerEpoch === batches)).toBe(true)
      // Each chunk starts where the one before ended: no batch lost or repeated.
      let next = 0
      for (const c of mine) {
        expect(c.firstBatch).toBe(next)
        next += c.losses.length
      }
      expect(next).toBe(batches)
      // tfjs' epoch loss is the batch losses' mean weighted by batch size.
      const losses = mine.flatMap((c) => c.losses)
      const weighted =
        losses.reduce(
          (sum, l, i) => sum + l * (i === batches - 1 ? lastSize : config.batchSize),
          0,
        ) / job.train.x.rows
      expect(weighted).toBeCloseTo(log.loss, 5)
      // A chunk at most every BATCH_CHUNK_MS, plus the one that closes the epoch.
      const epochMs = log.elapsedMs - (logs[log.epoch - 2]?.elapsedMs ?? 0)
      expect(mine.length).toBeLessThanOrEqual(Math.ceil(epochMs / BATCH_CHUNK_MS) + 1)
    }
  })

  it('costs little next to a run without it (figures printed, not asserted)', async () => {
    expect(await tf.setBackend(backend)).toBe(true)
    // Alternating runs, fastest of two each: the machine's other load hits both sides alike.
    const times = { without: [] as number[], with: [] as number[] }
    let losses: number[][] = []
    await run({}, timed) // warm-up: the first run on a backend pays for its kernels
    for (let i = 0; i < 2; i++) {
      const a = await run({}, timed)
      const b = await run({ onBatches: () => undefined }, timed)
      times.without.push(a.ms)
      times.with.push(b.ms)
      losses = [a.logs.map((l) => l.loss), b.logs.map((l) => l.loss)]
    }
    const [without, withLosses] = [Math.min(...times.without), Math.min(...times.with)]
    const batchesRun = Math.ceil(job.train.x.rows / config.batchSize) * timed.epochs
    console.info(
      `[batch losses, ${backend}] ${batchesRun} batches: ${without.toFixed(0)} ms without, ${withLosses.toFixed(0)} ms with (${(((withLosses - without) / without) * 100).toFixed(1)}%)`,
    )
    // Reading the losses changes nothing about the training itself.
    expect(losses[1]).toEqual(losses[0])
  })
})
