import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildModel, compileModel, disposeModel } from '../model/build-model'
import { outputHead } from '../model/head'
import { tableInput } from '../model/model-input'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import { parseDelimitedText } from '../table/parse-delimited'
import { BATCH_CHUNK_MS } from './batch-losses'
import { trainModel, type BatchLosses, type EpochLog, type TrainOptions } from './engine'

const german = parseDelimitedText(
  readFileSync(new URL('../../../public/datasets/GermanCredit.csv', import.meta.url), 'utf8'),
).table
const { job } = prepareTrainingJob(
  proposeRecipe(german, 'GermanCredit.csv', 'Class'),
  german,
  'cpu',
)
const head = outputHead(job.recipe.target)
const runFreely = { shouldStop: () => false, waitWhilePaused: () => Promise.resolve() }
// Small batches: many per epoch, where a per-batch read would cost the most.
const config = { ...job.recipe.training, epochs: 3, batchSize: 16 }

async function run(options: TrainOptions) {
  const model = buildModel(job.recipe.model, tableInput(job.train.x.width), head, 2)
  compileModel(model, head, config)
  const logs: EpochLog[] = []
  const started = performance.now()
  await trainModel(
    model,
    job.train,
    job.validation,
    config,
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
    for (let i = 0; i < 2; i++) {
      const a = await run({})
      const b = await run({ onBatches: () => undefined })
      times.without.push(a.ms)
      times.with.push(b.ms)
      losses = [a.logs.map((l) => l.loss), b.logs.map((l) => l.loss)]
    }
    const [without, withLosses] = [Math.min(...times.without), Math.min(...times.with)]
    const batchesRun = Math.ceil(job.train.x.rows / config.batchSize) * config.epochs
    console.info(
      `[batch losses, ${backend}] ${batchesRun} batches: ${without.toFixed(0)} ms without, ${withLosses.toFixed(0)} ms with (${(((withLosses - without) / without) * 100).toFixed(1)}%)`,
    )
    // Reading the losses changes nothing about the training itself.
    expect(losses[1]).toEqual(losses[0])
  })
})
