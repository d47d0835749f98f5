// Opens a model bundle off the main thread: unzipping, checking, loading the model and scoring
// the test rows take seconds for a large model or table.
import * as tf from '@tensorflow/tfjs'
import './register-backends'
import { readBundle } from '../core/export/bundle'
import { checkBundle } from '../core/export/import/bundle-checks'
import { dataMismatch } from '../core/export/import/data-match'
import { evaluateBundle, predictOnlyRun } from '../core/export/import/evaluate-bundle'
import type { OpenBundleReply, OpenBundleRequest } from './open-bundle-protocol'

const reply = (message: OpenBundleReply) => self.postMessage(message)

async function open({ zip, table }: OpenBundleRequest) {
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu')
  await tf.ready()
  const bundle = checkBundle(readBundle(new Uint8Array(zip)))
  if (bundle.recipe.source.kind !== 'table')
    throw new Error(
      'This bundle holds a picture model; the studio reopens table models only. Train it again on the pictures, or use its predict.html.',
    )
  const notTested = table
    ? dataMismatch(bundle.recipe, table)
    : `Load ${bundle.recipe.source.name} on the Data step to test the model and train it further.`
  const run =
    notTested === null && table ? await evaluateBundle(bundle, table) : predictOnlyRun(bundle)
  reply({ type: 'done', bundle, run, notTested })
}

self.addEventListener('message', (event: MessageEvent<OpenBundleRequest>) => {
  open(event.data).catch((error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
})
