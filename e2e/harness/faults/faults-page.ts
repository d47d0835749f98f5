// The faults harness page: starts its worker on ?backend= (webgl or webgpu), which breaks that
// backend after epoch 2, and publishes what the run reported on window.__faultsHarness for
// e2e/training-faults.spec.ts to read.
import { isBackendName } from '../../../src/core/train/backend-names'
import type { Fault, FaultsReply, FaultsReport } from './faults-protocol'

declare global {
  interface Window {
    __faultsHarness?: FaultsReport
  }
}

const FAULTS: Partial<Record<string, Fault>> = {
  webgl: 'lose-webgl-context',
  webgpu: 'destroy-webgpu-device',
}

const log = document.getElementById('log')
const say = (line: string) => {
  if (log) log.textContent += `${line}\n`
}

const requested = new URLSearchParams(location.search).get('backend') ?? ''
const fault = FAULTS[requested]
if (!isBackendName(requested) || !fault) {
  say(`Unknown backend "${requested}": use ?backend=webgl or webgpu.`)
} else {
  const worker = new Worker(new URL('./faults-worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<FaultsReply>) => {
    window.__faultsHarness = event.data.report
    say(event.data.report.events.at(-1) ?? '')
  }
  worker.onerror = (event) => {
    say(`the faults worker crashed: ${event.message}`)
  }
  worker.postMessage({ backend: requested, fault })
}
