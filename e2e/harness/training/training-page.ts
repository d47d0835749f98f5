// The training harness page: starts its worker on the backend named in ?backend= and publishes
// what the worker reports on window.__trainingHarness, for e2e/training-backends.spec.ts to read.
import { isBackendName } from '../../../src/core/train/backend-names'
import type { TrainingReply, TrainingReport } from './training-protocol'

declare global {
  interface Window {
    __trainingHarness?: TrainingReport
  }
}

const log = document.getElementById('log')
const say = (line: string) => {
  if (log) log.textContent += `${line}\n`
}

const requested = new URLSearchParams(location.search).get('backend') ?? ''
if (!isBackendName(requested)) {
  say(`Unknown backend "${requested}": use ?backend=cpu, wasm, webgl or webgpu.`)
} else {
  const started = performance.now()
  let report: TrainingReport = {
    requested,
    startError: null,
    backend: null,
    tensorsPerEpoch: [],
    tensorsBefore: null,
    tensorsAfter: null,
    learningRates: [],
    batchChunks: 0,
    metricKeys: [],
    seedRuns: [],
    epochMs: [],
    ms: 0,
    error: null,
    done: false,
  }
  const publish = (fields: Partial<TrainingReport>) => {
    report = { ...report, ...fields, ms: Math.round(performance.now() - started) }
    window.__trainingHarness = report
  }
  const worker = new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<TrainingReply>) => {
    const message = event.data
    if (message.type === 'started') {
      say(
        message.startError === null
          ? `${requested} started`
          : `${requested} failed: ${message.startError}`,
      )
      publish({ startError: message.startError, backend: message.backend })
    } else if (message.type === 'report') {
      say(JSON.stringify(message.report))
      publish(message.report)
    } else {
      say(message.error === null ? 'done' : `failed: ${message.error}`)
      publish({ error: message.error, done: true })
    }
  }
  worker.onerror = (event) => {
    say(`the harness worker crashed: ${event.message}`)
    publish({ error: `the harness worker crashed: ${event.message}`, done: true })
  }
  publish({})
  worker.postMessage({ backend: requested })
}
