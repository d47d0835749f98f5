// A prediction service for this model: `node serve.mjs` (Node 18 or later, nothing to install).
//   GET  /health   → {"status":"ok", the model, its inputs}
//   POST /predict  → body: [{"column": value, …}, …] or {"records": [...]}; answer: predictions
// Bad input gets a 400 with every reason; the service never stops on a request.
// Options: --port 8080 (or PORT), --host 127.0.0.1 (or HOST; 0.0.0.0 to listen on every address).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const runtime = createRequire(import.meta.url)('./model-runtime.js')
const MAX_BODY_BYTES = 10 * 1024 * 1024

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`)
  if (at >= 0 && process.argv[at + 1]) return process.argv[at + 1]
  return process.env[name.toUpperCase()] || fallback
}

function readJson(name, required) {
  try {
    return JSON.parse(readFileSync(join(here, name), 'utf8'))
  } catch (error) {
    if (!required) return null
    console.error(
      `Cannot read ${name} beside serve.mjs (${error.message}). Unzip the whole bundle.`,
    )
    process.exit(1)
  }
}

const weights = readFileSync(join(here, 'weights.bin'))
const predictor = await runtime.loadPredictor({
  modelJson: readFileSync(join(here, 'model.json'), 'utf8'),
  weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  recipe: readJson('recipe.json', true),
  inputSchema: readJson('input-schema.json', false),
})
const { target, source } = predictor.recipe
const health = {
  status: 'ok',
  model: `${target.column} (${target.task}) from ${source.name}`,
  target: target.column,
  task: target.task,
  classes: target.classes ?? null,
  outputs: predictor.outputColumns,
  inputs: predictor.inputSchema.map((c) => ({ name: c.name, kind: c.kind, type: c.type })),
}

function send(response, status, body, headers = {}) {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  })
  response.end(text)
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    request.on('data', (chunk) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('too large'), { status: 413 }))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

async function handle(request, response) {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname
  if (path === '/health') {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, { error: 'Use GET /health.' }, { Allow: 'GET, HEAD' })
    return send(response, 200, health)
  }
  if (path !== '/predict')
    return send(response, 404, { error: `Nothing at ${path}: use POST /predict or GET /health.` })
  if (request.method !== 'POST')
    return send(response, 405, { error: 'Use POST /predict with JSON records.' }, { Allow: 'POST' })
  let body
  try {
    body = await readBody(request)
  } catch (error) {
    if (error.status === 413)
      return send(response, 413, {
        error: `The request is over ${MAX_BODY_BYTES / 2 ** 20} MB: send the records in parts.`,
      })
    throw error
  }
  let input
  try {
    input = JSON.parse(body)
  } catch (error) {
    return send(response, 400, { error: `The body is not valid JSON (${error.message}).` })
  }
  const result = await predictor.predict(input)
  if (!result.ok)
    return send(response, 400, {
      error: 'The records cannot be scored as sent.',
      problems: result.errors,
    })
  return send(response, 200, {
    predictions: result.predictions,
    outputs: result.outputs,
    warnings: result.warnings,
  })
}

const server = createServer((request, response) => {
  const started = Date.now()
  response.on('finish', () =>
    console.log(
      `${request.method} ${request.url} ${response.statusCode} ${Date.now() - started} ms`,
    ),
  )
  handle(request, response).catch((error) => {
    console.error(error)
    if (!response.headersSent)
      send(response, 500, { error: `The model failed on this request: ${error.message}` })
    else response.destroy()
  })
})
server.on('clientError', (_error, socket) => socket.destroy())
const port = Number(option('port', '8080'))
const host = option('host', '127.0.0.1')
server.listen(port, host, () => {
  const address = server.address()
  console.log(`Model Studio service for ${health.model} on http://${host}:${address.port}`)
})
