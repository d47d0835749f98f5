// The explanation worker: permutation importance, partial dependence and reason codes score the
// model hundreds of times, so they run here and the page only shows progress.
import * as tf from '@tensorflow/tfjs'
import './register-backends'
import { runExplain } from '../core/evaluate/explain/explain-job'
import { loadModelFiles } from '../core/export/model-artifacts'
import type { ExplainWorkerReply, ExplainWorkerRequest } from './explain-protocol'

const reply = (message: ExplainWorkerReply) => self.postMessage(message)

async function explain({ model, recipe, table, testSet, request }: ExplainWorkerRequest) {
  // WASM: fast for these small batches and exact across machines; CPU if it cannot start.
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu')
  await tf.ready()
  const loaded = await loadModelFiles(model)
  try {
    const result = await runExplain(
      { model: loaded, recipe, table, testSet },
      request,
      (done, total) => reply({ type: 'progress', done, total }),
    )
    if (result) reply({ type: 'done', result })
  } finally {
    loaded.dispose()
  }
}

self.addEventListener('message', (event: MessageEvent<ExplainWorkerRequest>) => {
  explain(event.data).catch((error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
})
