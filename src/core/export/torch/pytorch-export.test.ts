import * as tf from '@tensorflow/tfjs'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { layer, stackOf } from '../../model/layer-catalogue'
import { prepareData } from '../../recipe/pipeline/prepare-data'
import type { Recipe } from '../../recipe/recipe-schema'
import type { FinishedRun } from '../../train/run-history'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { pytorchProject, pytorchRefusal } from './pytorch-export'
import { PYTHON, run, torchMissing } from './torch-test-kit'

const TORCHRUN = '/usr/bin/torchrun'
const missing = torchMissing()
const dataset = (file: string) =>
  fileURLToPath(new URL(`../../../../public/datasets/${file}`, import.meta.url))

/** The project's files in a fresh folder, as the user unzips them. */
function unpack(files: Record<string, Uint8Array>): string {
  const dir = folderOf()
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), bytes)
  }
  return dir
}

function folderOf(): string {
  const dir = join(tmpRoot, `project-${(counter += 1)}`)
  mkdirSync(dir, { recursive: true })
  return dir
}
let counter = 0
const tmpRoot = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim()

interface Metrics {
  test: Record<string, number>
  worldSize: number
  testRows: number[]
  epochs: { epoch: number; loss: number }[]
  classWeights: number[] | null
}

/** train.py on one process; its metrics.json. */
function trainOnce(dir: string, file: string, args: string[]): Metrics {
  run(PYTHON, ['train.py', '--data', dataset(file), ...args], dir, 180_000)
  return JSON.parse(readFileSync(join(dir, 'runs', 'metrics.json'), 'utf8')) as Metrics
}

/**
 * train.py under torchrun on 2 CPU processes; its metrics.json and output.
 *
 * Debian's torchrun 1.13 on Python 3.11 sometimes stays alive after both processes have
 * finished and written everything: twice in 8 runs with the other test files busy on the same 2
 * cores, never in 30 runs without them. Its agent then seems to wait out its 300 s exit barrier.
 * So once metrics.json exists, torchrun gets 30 s to exit and is then stopped; the checks are on
 * what the processes wrote, which is what a user reads.
 */
async function trainOnTwo(dir: string, file: string, args: string[] = []) {
  const child = spawn(
    TORCHRUN,
    [
      '--standalone',
      '--nnodes=1',
      '--nproc_per_node=2',
      // torchrun 1.13 on Python 3.11 cannot read the default of 0 for these (a zero-valued
      // IntFlag member is no longer iterated), so stdout is teed instead.
      '--redirects',
      '1',
      '--tee',
      '1',
      'train.py',
      '--data',
      dataset(file),
      ...args,
    ],
    { cwd: dir, env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' } },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const path = join(dir, 'runs', 'metrics.json')
  const deadline = Date.now() + 150_000
  let written: number | null = null
  for (;;) {
    const done = await Promise.race([exited.then(() => true), sleep(500).then(() => false)])
    if (done) break
    if (written === null && existsSync(path)) written = Date.now()
    if ((written !== null && Date.now() - written > 30_000) || Date.now() > deadline) {
      child.kill('SIGTERM')
      await exited
      break
    }
  }
  const code = child.exitCode
  if (!existsSync(path))
    throw new Error(
      `torchrun wrote no metrics.json (exit ${code ?? 'none'}):\n${stdout}\n${stderr}`,
    )
  if (code !== 0 && written === null) throw new Error(`torchrun failed (${code}):\n${stderr}`)
  const metrics = JSON.parse(readFileSync(path, 'utf8')) as Metrics
  return { metrics, stdout }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const metric = (run: FinishedRun, key: string) =>
  run.metrics.find((m) => m.key === key)?.value ?? Number.NaN

const sorted = (rows: ArrayLike<number>) => Array.from(rows).sort((a, b) => a - b)

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe.skipIf(missing !== null)(`the PyTorch project (${missing ?? ''})`, () => {
  it('German credit: --from-browser reproduces the studio’s test metrics; torchrun ×2 trains to its AUC on the same rows', async () => {
    const data = bundledTable('GermanCredit.csv')
    const studio = await trainForReal(
      withTraining(data.recipeFor('Class'), { epochs: 20 }),
      data.table,
    )
    const files = pytorchProject(studio.recipe, studio.model)
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'browser-model/model.json',
      'browser-model/weights.bin',
      'network.json',
      'network.py',
      'prepare.py',
      'recipe.json',
      'train.py',
    ])

    // The studio's weights, no further epoch: the same rows, the same model, the same numbers.
    const same = trainOnce(unpack(files), 'GermanCredit.csv', ['--from-browser', '--epochs', '0'])
    expect(sorted(same.testRows)).toEqual(sorted(studio.testRows))
    for (const key of ['auc', 'accuracy', 'logLoss'])
      expect(Math.abs((same.test[key] ?? NaN) - metric(studio, key)), key).toBeLessThan(1e-4)

    // Fresh weights, 20 epochs on 2 processes. The same 100 test rows now, so only training
    // differs: initial weights, shuffling, float order. Measured on these rows with training seeds
    // 1–5, the studio's AUC ranges 0.732–0.789 (sd 0.024) and train.py's 0.729–0.781: two single
    // runs differ with an sd near 0.034, so 0.07 is about two of those. A broken preparation,
    // label order or class weighting costs far more (AUC near 0.5, or below 0.65).
    const { metrics, stdout } = await trainOnTwo(unpack(files), 'GermanCredit.csv')
    expect(stdout).toContain('world size 2')
    expect(metrics.worldSize).toBe(2)
    expect(metrics.epochs).toHaveLength(20)
    expect(sorted(metrics.testRows)).toEqual(sorted(studio.testRows))
    const studioAuc = metric(studio, 'auc')
    const torchAuc = metrics.test.auc ?? NaN
    console.log(
      `German credit test AUC: studio ${studioAuc.toFixed(4)}, torchrun ×2 ${torchAuc.toFixed(4)}, from-browser ${same.test.auc?.toFixed(4)}`,
    )
    expect(Math.abs(torchAuc - studioAuc)).toBeLessThan(0.07)
    expect(torchAuc).toBeGreaterThan(0.7)
  })

  it('Stocks windows with an LSTM: --from-browser gives the studio’s RMSE; torchrun ×2 a comparable one', async () => {
    const data = bundledTable('stocks.csv')
    const proposed = data.recipeFor('price')
    const recipe: Recipe = withTraining(
      {
        ...proposed,
        model: {
          ...proposed.model,
          proposed: false,
          layers: stackOf([
            layer('lstm', { units: 16 }),
            layer('dense', { units: 8, activation: 'relu' }),
          ]),
        },
      },
      { epochs: 30, learningRate: 0.01 },
    )
    const studio = await trainForReal(recipe, data.table)
    const files = pytorchProject(studio.recipe, studio.model)
    const network = JSON.parse(new TextDecoder().decode(files['network.json'])) as {
      input: { shape: number[] }
    }
    expect(network.input.shape).toEqual([12, 1])

    const same = trainOnce(unpack(files), 'stocks.csv', ['--from-browser', '--epochs', '0'])
    expect(sorted(same.testRows)).toEqual(sorted(studio.testRows))
    const studioRmse = metric(studio, 'rmse')
    expect(Math.abs((same.test.rmse ?? NaN) - studioRmse) / studioRmse).toBeLessThan(1e-4)

    // About 11 test months of one stock: one RMSE carries much noise, so "comparable" is within
    // a factor 1.5 either way, and both must beat the spread of the test prices themselves.
    const { metrics } = await trainOnTwo(unpack(files), 'stocks.csv')
    const torchRmse = metrics.test.rmse ?? NaN
    console.log(
      `Stocks test RMSE: studio ${studioRmse.toFixed(3)}, torchrun ×2 ${torchRmse.toFixed(3)}`,
    )
    expect(torchRmse / studioRmse).toBeLessThan(1.5)
    expect(torchRmse / studioRmse).toBeGreaterThan(1 / 1.5)
  })
})

describe.skipIf(missing !== null)(`text tokens into an Embedding (${missing ?? ''})`, () => {
  // Tokens (cashtags, prices, links), a 3-class target with balanced class weights, an
  // Embedding on "auto" (the fitted vocabulary's size): one studio epoch, then the same model
  // in PyTorch on the same test rows.
  it('Financial news: --from-browser reproduces the studio’s test metrics', async () => {
    const data = bundledTable('financial-news-sentiment.csv')
    const proposed = data.recipeFor('sentiment')
    const recipe: Recipe = withTraining(
      {
        ...proposed,
        model: {
          ...proposed.model,
          proposed: false,
          layers: stackOf([
            layer('embedding', { inputDim: null, outputDim: 8 }),
            layer('globalAveragePooling1d'),
          ]),
        },
      },
      { epochs: 1, batchSize: 128 },
    )
    const studio = await trainForReal(recipe, data.table)
    const same = trainOnce(
      unpack(pytorchProject(studio.recipe, studio.model)),
      'financial-news-sentiment.csv',
      ['--from-browser', '--epochs', '0'],
    )
    expect(sorted(same.testRows)).toEqual(sorted(studio.testRows))
    for (const key of ['auc', 'accuracy', 'logLoss'])
      expect(Math.abs((same.test[key] ?? NaN) - metric(studio, key)), key).toBeLessThan(1e-4)
  })
})

describe.skipIf(missing !== null)(`class weights in train.py (${missing ?? ''})`, () => {
  // Each training row's loss is multiplied by its class's weight (Keras' class_weight), with the
  // weights the studio fits on the same training rows: not an approximation such as pos_weight.
  it('German credit with balanced class weights: the studio’s weights, per class', () => {
    const data = bundledTable('GermanCredit.csv')
    const recipe: Recipe = { ...data.recipeFor('Class'), balance: { method: 'class-weights' } }
    const prepared = prepareData(recipe, data.table)
    expect(prepared.error).toBeFalsy()
    const dir = unpack(pytorchProject(prepared.recipe))
    const result = trainOnce(dir, 'GermanCredit.csv', ['--epochs', '0'])
    const studio = prepared.classWeights ?? []
    expect(studio).toHaveLength(2)
    expect(result.classWeights).toHaveLength(2)
    result.classWeights?.forEach((w, i) => expect(w).toBeCloseTo(studio[i] ?? NaN, 12))
    // 700 good, 300 bad in the file (classes [Good, Bad]): the rarer class weighs more.
    expect(prepared.recipe.target.classes).toEqual(['Good', 'Bad'])
    expect(studio[1]).toBeGreaterThan(1)
    expect(studio[0]).toBeLessThan(1)
  })
})

describe('what the PyTorch project refuses', () => {
  it('names the layer it does not build, and picture recipes', () => {
    const recipe = bundledTable('iris.csv').recipeFor('species')
    expect(pytorchRefusal(recipe)).toBeNull()
    const lstm = { ...recipe, model: { ...recipe.model, layers: stackOf([layer('lstm')]) } }
    expect(pytorchRefusal(lstm)).toBeNull()
    const attention = {
      ...recipe,
      model: { ...recipe.model, layers: stackOf([layer('transformerEncoder')]) },
    }
    expect(pytorchRefusal(attention)).toMatch(/no transformerEncoder layer/)
    const pictures = { ...recipe, source: { ...recipe.source, kind: 'images' as const } }
    expect(pytorchRefusal(pictures as Recipe)).toMatch(/pictures/)
  })
})
