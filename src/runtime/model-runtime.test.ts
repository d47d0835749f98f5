import * as tf from '@tensorflow/tfjs'
import fc from 'fast-check'
import { unzipSync } from 'fflate'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBundle } from '../core/export/bundle'
import { inputSchemaOf, type InputColumn } from '../core/export/input-schema'
import { loadModelFiles } from '../core/export/model-artifacts'
import { predictRecords } from '../core/export/predict-records'
import { runtimeFiles } from '../core/export/runtime-files'
import { validateRecords } from '../core/export/validate-records'
import { tableRecords } from '../core/table/table'
import type { FinishedRun } from '../core/train/run-history'
import { bundledTable, trainForReal, withTraining } from '../core/train/run-history-test-run'
import type { BundleFiles, Predictor } from './model-runtime'

// Built by `npm run build:runtime`, which `npm run test:unit` runs first.
const RUNTIME = new URL('../../public/runtime/model-runtime.js', import.meta.url)

interface Runtime {
  loadPredictor(files: BundleFiles): Promise<Predictor>
}

/** A trained run unzipped as a user gets it; the runtime is required from that folder. */
async function unzippedBundle(file: string, target: string) {
  const data = bundledTable(file)
  const run = await trainForReal(withTraining(data.recipeFor(target), { epochs: 2 }), data.table)
  const records = tableRecords(data.table, run.testRows)
  // Before the runtime loads the model: TensorFlow.js keeps one engine per process, and one
  // model's named weights can be held once.
  const page = await pageOutputs(run, records)
  const schema = inputSchemaOf(run.recipe, data.table)
  const bundle = { model: run.model, recipe: run.recipe, inputSchema: schema }
  const zip = createBundle(bundle, runtimeFiles(bundle, readFileSync(RUNTIME, 'utf8')))
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'))
  for (const [name, bytes] of Object.entries(unzipSync(zip))) writeFileSync(join(dir, name), bytes)
  const runtime = createRequire(join(dir, 'serve.mjs'))('./model-runtime.js') as Runtime
  const weights = readFileSync(join(dir, 'weights.bin'))
  const predictor = await runtime.loadPredictor({
    modelJson: readFileSync(join(dir, 'model.json'), 'utf8'),
    weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    recipe: JSON.parse(readFileSync(join(dir, 'recipe.json'), 'utf8')),
    inputSchema: JSON.parse(readFileSync(join(dir, 'input-schema.json'), 'utf8')),
  })
  return { dir, run, predictor, records, schema, page }
}

/** The page's own predictions for the records: the reference every form must match. */
async function pageOutputs(run: FinishedRun, records: Record<string, unknown>[]) {
  const model = await loadModelFiles(run.model)
  const outputs = await predictRecords(model, run.recipe, records)
  model.dispose()
  return outputs
}

function maxGap(outputs: number[][], reference: Float64Array): number {
  return Math.max(...outputs.flat().map((v, i) => Math.abs(v - (reference[i] ?? Number.NaN))))
}

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe.each([
  ['GermanCredit.csv', 'Class'],
  ['wine.csv', 'alcohol'],
  ['iris.csv', 'species'],
])('the bundle runtime for %s', (file, target) => {
  it('scores raw records as the page does', async () => {
    const { predictor, records, page } = await unzippedBundle(file, target)
    const result = await predictor.predict(records)
    predictor.dispose()
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)))
    expect(result.predictions).toHaveLength(records.length)
    expect(maxGap(result.outputs, page)).toBeLessThan(1e-6)
  })
})

describe('serve.mjs', () => {
  let server: ChildProcess | undefined
  let base = ''
  let page: Float64Array
  let records: Record<string, unknown>[]

  beforeAll(async () => {
    const bundle = await unzippedBundle('GermanCredit.csv', 'Class')
    bundle.predictor.dispose()
    records = bundle.records
    page = bundle.page
    const child = spawn(process.execPath, ['serve.mjs', '--port', '0'], { cwd: bundle.dir })
    server = child
    base = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]
        if (port) resolve(`http://127.0.0.1:${port}`)
      })
      let errors = ''
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
      child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${errors}`)))
    })
  })

  afterAll(() => {
    server?.kill()
  })

  const post = (body: string, path = '/predict') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json' },
    })

  it('answers /health with the model and its inputs', async () => {
    const response = await fetch(`${base}/health`)
    const health = (await response.json()) as { status: string; target: string; inputs: unknown[] }
    expect(response.status).toBe(200)
    expect(health).toMatchObject({ status: 'ok', target: 'Class' })
    expect(health.inputs.length).toBeGreaterThan(50)
  })

  it('predicts as the page does, for an array or {records}', async () => {
    for (const body of [records, { records }]) {
      const response = await post(JSON.stringify(body))
      const answer = (await response.json()) as { outputs: number[][]; predictions: object[] }
      expect(response.status).toBe(200)
      expect(answer.predictions[0]).toHaveProperty('predicted_Class')
      expect(maxGap(answer.outputs, page)).toBeLessThan(1e-6)
    }
  })

  it('refuses bad input with the reason, and keeps serving', async () => {
    const first = records[0] ?? {}
    const cases: [string, string, number, RegExp][] = [
      ['not JSON', '{"records": [', 400, /not valid JSON/],
      ['not a list', '"Duration"', 400, /array of records/],
      ['no records', '[]', 400, /no records/],
      [
        'a number as text',
        JSON.stringify([{ ...first, Duration: 'twelve' }]),
        400,
        /Duration.*twelve.* is not a number/,
      ],
      [
        'an object as a value',
        JSON.stringify([{ ...first, Age: { years: 3 } }]),
        400,
        /Age.*an object is not a number/,
      ],
      ['a row that is a list', JSON.stringify([[1, 2, 3]]), 400, /Record 1 is a list/],
    ]
    for (const [what, body, status, reason] of cases) {
      const response = await post(body)
      expect(response.status, what).toBe(status)
      expect(JSON.stringify(await response.json()), what).toMatch(reason)
    }
    const huge = await post(`[${'0,'.repeat(6 * 1024 * 1024)}0]`).catch(() => null)
    if (huge) expect(huge.status).toBe(413)
    expect((await fetch(`${base}/predict`)).status).toBe(405)
    expect((await fetch(`${base}/nowhere`)).status).toBe(404)
    // Fields the model does not read are left out and said so; a column not sent is missing.
    const withoutDuration = Object.fromEntries(
      Object.entries(first).filter(([k]) => k !== 'Duration'),
    )
    const odd = await post(JSON.stringify([{ ...withoutDuration, customer_id: 7 }]))
    const answer = (await odd.json()) as { warnings: { message: string }[] }
    expect(odd.status).toBe(200)
    expect(answer.warnings.map((w) => w.message).join(' ')).toMatch(
      /"customer_id" is not an input.*"Duration" was not sent/,
    )
    expect((await fetch(`${base}/health`)).status).toBe(200)
  })
})

describe('validateRecords', () => {
  const schema: InputColumn[] = [
    {
      name: 'age',
      kind: 'numeric',
      type: 'integer',
      min: 18,
      max: 75,
      categories: [],
      missingSeen: false,
      typical: 33,
    },
    {
      name: 'owner',
      kind: 'categorical',
      type: 'categorical',
      min: null,
      max: null,
      categories: ['yes', 'no'],
      missingSeen: true,
      typical: 'no',
    },
  ]

  it('never throws: any JSON is either scored or refused with reasons', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const check = validateRecords(schema, input)
        if (!check.ok) expect(check.errors.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom('age', 'owner', 'x', '__proto__'), fc.jsonValue())),
        (rows) => {
          const check = validateRecords(schema, rows)
          if (check.ok) expect(check.records).toHaveLength(rows.length)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reads numeric text as numbers and warns about what is merely unusual', () => {
    const check = validateRecords(schema, [{ age: ' 80 ', owner: 'maybe' }, { age: null }])
    if (!check.ok) throw new Error('refused')
    expect(check.records[0]).toEqual({ age: 80, owner: 'maybe' })
    expect(check.warnings.map((w) => w.message)).toEqual([
      'Record 1, "age": 80 is above the training range (18 to 75).',
      'Record 1, "owner": "maybe" was never seen in training.',
      'Record 2, "age" is missing, which the training data never was.',
      '"owner" was not sent in every record: scored as missing there.',
    ])
  })
})
