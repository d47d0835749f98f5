// The layer harness page: starts its worker on the backend named in ?backend= and publishes what
// the worker reports on window.__layerHarness, for e2e/model-backends.spec.ts to read.
import { isBackendName } from '../../src/core/train/backend-names'
import type { HarnessReply, HarnessReport, LayerRun } from './protocol'

declare global {
  interface Window {
    __layerHarness?: HarnessReport
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
  const runs: LayerRun[] = []
  let startError: string | null = null
  const publish = (done: boolean) => {
    window.__layerHarness = { requested, startError, runs: [...runs], done }
  }
  const worker = new Worker(new URL('./harness-worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<HarnessReply>) => {
    const message = event.data
    if (message.type === 'started') {
      startError = message.startError
      say(startError === null ? `${requested} started` : `${requested} failed: ${startError}`)
    } else if (message.type === 'layer') {
      const run = message.run
      runs.push(run)
      say(
        `${run.layer} on ${run.backend}: ${run.ok ? 'ok' : (run.error ?? 'failed')} (${run.ms} ms)`,
      )
    }
    publish(message.type === 'done')
  }
  worker.onerror = (event) => {
    startError = `the harness worker crashed: ${event.message}`
    say(startError)
    publish(true)
  }
  publish(false)
  worker.postMessage({ backend: requested })
}
