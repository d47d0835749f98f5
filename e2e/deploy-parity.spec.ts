import { expect, test, type Page } from '@playwright/test'
import { unzipSync } from 'fflate'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as ort from 'onnxruntime-web'
import Papa from 'papaparse'
import { StudioPage } from './studio-page'

// Golden rows: ten Lending Club applicants as they are, one with missing values, one with a state
// and a sub-grade never seen, one far outside the training ranges.
const GOLDEN = 'e2e/fixtures/golden-lending-club.csv'
const TOLERANCE = 1e-4

interface Runtime {
  loadPredictor(files: object): Promise<{
    predict(records: unknown): Promise<{ ok: boolean; outputs: number[][] }>
    dispose(): void
  }>
}

function goldenRecords(): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(GOLDEN, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data
}

async function downloadFrom(page: Page, button: string): Promise<Buffer> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return readFile(await (await download).path())
}

/** `node serve.mjs` from the unzipped bundle, asked over HTTP; stopped afterwards. */
async function servedOutputs(dir: string, records: object[]): Promise<number[][]> {
  const child = spawn(process.execPath, ['serve.mjs', '--port', '0'], { cwd: dir })
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]
        if (port) resolve(`http://127.0.0.1:${port}`)
      })
      child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)))
    })
    const response = await fetch(`${base}/predict`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ records }),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { outputs: number[][] }).outputs
  } finally {
    child.kill()
  }
}

test('the page, the bundle in Node, serve.mjs, predict.html and the ONNX file agree on golden rows', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000)
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('Lending Club loan default')
  await studio.train(3)
  const golden = goldenRecords()

  // 1. The page: the golden file scored on Deploy's Score a file tab.
  await studio.tab('Deploy').click()
  await studio.deployTab('Score a file').click()
  await page
    .getByLabel('Upload a file to score')
    .setInputFiles({ name: 'golden.csv', mimeType: 'text/csv', buffer: readFileSync(GOLDEN) })
  await expect(page.getByRole('region', { name: 'Scoring summary' })).toContainText(
    `${golden.length} of ${golden.length} rows scored`,
  )
  const scored = Papa.parse<Record<string, string>>(
    (await downloadFrom(page, 'Download scored file (CSV)')).toString('utf8'),
    { header: true, skipEmptyLines: true },
  ).data
  const probability = Object.keys(scored[0] ?? {}).find((c) => c.startsWith('probability_'))
  expect(probability).toBeDefined()
  const reference = scored.map((row) => Number(row[probability as string]))
  expect(reference).toHaveLength(golden.length)
  expect(reference.every((p) => p > 0 && p < 1)).toBe(true)

  // The bundle, unzipped as a user would.
  const zip = await studio.download('Download model bundle')
  const dir = mkdtempSync(join(tmpdir(), 'parity-'))
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip))))
    writeFileSync(join(dir, name), bytes)

  const gaps: Record<string, number> = {}
  const compare = (what: string, outputs: readonly number[]) => {
    expect(outputs, what).toHaveLength(reference.length)
    gaps[what] = Math.max(...outputs.map((v, i) => Math.abs(v - (reference[i] ?? Number.NaN))))
    expect(gaps[what], what).toBeLessThan(TOLERANCE)
  }

  // 2. The bundle's runtime loaded in Node, as serve.mjs loads it.
  const runtime = createRequire(join(dir, 'serve.mjs'))('./model-runtime.js') as Runtime
  const weights = readFileSync(join(dir, 'weights.bin'))
  const predictor = await runtime.loadPredictor({
    modelJson: readFileSync(join(dir, 'model.json'), 'utf8'),
    weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    recipe: JSON.parse(readFileSync(join(dir, 'recipe.json'), 'utf8')) as unknown,
    inputSchema: JSON.parse(readFileSync(join(dir, 'input-schema.json'), 'utf8')) as unknown,
  })
  const inNode = await predictor.predict(golden)
  predictor.dispose()
  expect(inNode.ok).toBe(true)
  compare(
    'bundle in Node',
    inNode.outputs.map((o) => o[0] ?? Number.NaN),
  )

  // 3. The running service.
  compare(
    'serve.mjs',
    (await servedOutputs(dir, golden)).map((o) => o[0] ?? Number.NaN),
  )

  // 4. predict.html opened from the folder, offline: the golden CSV pasted and scored.
  const offline = await context.newPage()
  await offline.goto(pathToFileURL(join(dir, 'predict.html')).href)
  await expect(offline.locator('body[data-ready="true"]')).toHaveCount(1)
  await offline.getByLabel('CSV rows to score').fill(readFileSync(GOLDEN, 'utf8'))
  await offline.getByRole('button', { name: 'Score rows' }).click()
  const rows = offline.getByRole('table', { name: 'Predictions' }).locator('tbody tr')
  await expect(rows).toHaveCount(golden.length)
  const html = await rows.evaluateAll((trs) =>
    trs.map((tr) => (JSON.parse(tr.getAttribute('data-outputs') ?? '[]') as number[])[0] ?? NaN),
  )
  compare('predict.html', html)
  await offline.close()

  // 5. The ONNX file, preparation inside, in onnxruntime-web: raw columns, NaN / "" for missing.
  const onnxFile = await studio.download('Download ONNX model')
  ort.env.wasm.numThreads = 1
  const session = await ort.InferenceSession.create(new Uint8Array(onnxFile))
  const feeds: Record<string, ort.Tensor> = {}
  for (const name of session.inputNames) {
    const cells = golden.map((r) => r[name] ?? '')
    const numeric = cells.every((c) => c === '' || Number.isFinite(Number(c)))
    feeds[name] = numeric
      ? new ort.Tensor(
          'float32',
          Float32Array.from(cells, (c) => (c === '' ? NaN : Number(c))),
          [cells.length, 1],
        )
      : new ort.Tensor('string', cells, [cells.length, 1])
  }
  const onnxOut = (await session.run(feeds)).probability
  compare('ONNX', Array.from((onnxOut?.data ?? []) as Float32Array))

  // The PyTorch project carries the bundle's fitted recipe and weights (train.py is tested in Node).
  const project = unzipSync(new Uint8Array(await studio.download('Download PyTorch project')))
  expect(Object.keys(project).sort()).toEqual([
    'README.md',
    'browser-model/model.json',
    'browser-model/weights.bin',
    'network.json',
    'network.py',
    'prepare.py',
    'recipe.json',
    'train.py',
  ])
  // --from-browser starts from the very weights the bundle holds.
  expect(project['browser-model/weights.bin']).toEqual(
    new Uint8Array(readFileSync(join(dir, 'weights.bin'))),
  )
  expect(JSON.parse(new TextDecoder().decode(project['recipe.json']))).toEqual(
    JSON.parse(readFileSync(join(dir, 'recipe.json'), 'utf8')),
  )

  test.info().annotations.push({ type: 'largest differences', description: JSON.stringify(gaps) })
})
