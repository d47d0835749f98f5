import * as tf from '@tensorflow/tfjs'
import * as ort from 'onnxruntime-web'
import { beforeAll, describe, expect, it } from 'vitest'
import { modelSpecOf, type LayerSpec } from '../../model/model-spec'
import { tableRecords, type Table } from '../../table/table'
import type { FinishedRun } from '../../train/run-history'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { loadModelFiles } from '../model-artifacts'
import { predictRecords } from '../predict-records'
import { checkWithPython, hasOnnxChecker } from './onnx-checker'
import { exportOnnx, type OnnxExport } from './onnx-export'

/** Runs the exported file in onnxruntime-web (WASM, in Node) on raw records. */
async function runOnnx(exported: OnnxExport, records: Record<string, unknown>[]) {
  const session = await ort.InferenceSession.create(exported.bytes)
  const feeds: Record<string, ort.Tensor> = {}
  if (exported.inputs === 'raw-columns') {
    for (const input of exported.inputList) {
      if (input.type === 'float') {
        const values = Float32Array.from(records, (r) => {
          const v = r[input.name]
          return typeof v === 'number'
            ? v
            : v === null || v === undefined || v === ''
              ? NaN
              : Number(v)
        })
        feeds[input.name] = new ort.Tensor('float32', values, [records.length, 1])
      } else {
        const values = records.map((r) =>
          r[input.name] === null || r[input.name] === undefined ? '' : String(r[input.name]),
        )
        feeds[input.name] = new ort.Tensor('string', values, [records.length, 1])
      }
    }
  }
  const result = await session.run(feeds)
  const out = result[exported.output.name]
  if (!out) throw new Error('no output')
  return Array.from(out.data as Float32Array)
}

async function trained(file: string, target: string, layers?: LayerSpec[]) {
  const data = bundledTable(file)
  let recipe = withTraining(data.recipeFor(target), { epochs: 2 })
  if (layers) recipe = { ...recipe, model: modelSpecOf(layers) }
  const run = await trainForReal(recipe, data.table)
  return { run, table: data.table }
}

async function expectSameAsPage(run: FinishedRun, table: Table) {
  const records = tableRecords(table, run.testRows)
  const exported = exportOnnx(run.model, run.recipe)
  expect(exported.inputs).toBe('raw-columns')
  const model = await loadModelFiles(run.model)
  const page = await predictRecords(model, run.recipe, records)
  model.dispose()
  const onnx = await runOnnx(exported, records)
  expect(onnx).toHaveLength(page.length)
  const gap = Math.max(...onnx.map((v, i) => Math.abs(v - (page[i] ?? NaN))))
  // Regression outputs are in the target's units: compare relative to its spread.
  const unit = run.recipe.target.scale?.std ?? 1
  expect(gap / unit).toBeLessThan(1e-4)
  // Debian's python3-onnx (CI installs it): the file passes ONNX's own full check.
  if (hasOnnxChecker) expect(checkWithPython(exported.bytes)).toBe('ok')
  else console.warn('python3-onnx is not installed: onnx.checker was not run')
  return exported
}

beforeAll(async () => {
  await tf.setBackend('cpu')
  ort.env.wasm.numThreads = 1
})

describe('ONNX export with the preparation inside', () => {
  it.each([
    ['GermanCredit.csv', 'Class'],
    ['lending-club.csv', 'Class'],
    ['wine.csv', 'alcohol'],
    ['iris.csv', 'species'],
  ])('%s → %s gives the page’s outputs from raw columns', async (file, target) => {
    const { run, table } = await trained(file, target)
    const exported = await expectSameAsPage(run, table)
    expect(exported.baked.length).toBeGreaterThan(0)
    expect(exported.notBaked).toEqual([])
  })

  it('writes every layer it claims: normalisations, activations and noise', async () => {
    const dense = (
      id: string,
      units: number,
      activation: 'gelu' | 'selu' | 'elu' | 'swish' | 'tanh' | 'softplus',
    ) =>
      ({
        id,
        type: 'dense',
        units,
        activation,
        useBias: true,
        kernelInitializer: 'glorotUniform',
        l1: 0,
        l2: 0,
      }) as const
    const { run, table } = await trained('lending-club.csv', 'Class', [
      dense('a', 16, 'gelu'),
      { id: 'b', type: 'batchNormalization', momentum: 0.9, epsilon: 0.001 },
      { id: 'c', type: 'gaussianNoise', stddev: 0.1 },
      dense('d', 12, 'selu'),
      { id: 'e', type: 'layerNormalization', epsilon: 0.001 },
      { id: 'f', type: 'activation', activation: 'swish' },
      dense('g', 8, 'elu'),
      { id: 'h', type: 'dropout', rate: 0.2 },
      dense('i', 8, 'tanh'),
      dense('j', 8, 'softplus'),
    ])
    await expectSameAsPage(run, table)
  })

  it('refuses a layer it cannot write, naming it', async () => {
    const { run } = await trained('wine.csv', 'alcohol')
    // The same network saved with a Bidirectional layer where its first Dense was: refused before writing.
    const modelJson = run.model.modelJson.replace(
      '"class_name":"Dense"',
      '"class_name":"Bidirectional"',
    )
    expect(modelJson).not.toBe(run.model.modelJson)
    expect(() => exportOnnx({ ...run.model, modelJson }, run.recipe)).toThrow(
      /The layer "dense_1" \(Bidirectional\) cannot be written to ONNX yet/,
    )
  })
})
