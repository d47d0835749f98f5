// Scores the test rows (or a picture model's test pictures) with each weight storage (float32,
// float16, uint8) so the Download tab can show what quantisation costs before anything is
// downloaded.
import * as tf from '@tensorflow/tfjs'
import './register-backends'
import { checkQuantizations, type QuantizationCheck } from '../core/export/card/quantization-check'
import { checkPictureQuantizations } from '../core/export/pictures/picture-quantization'
import type { ModelCheckReply, ModelCheckRequest } from './model-check-protocol'

const reply = (message: ModelCheckReply) => self.postMessage(message)

async function check(request: ModelCheckRequest) {
  // WASM: fast for a test set and exact across machines; CPU if it cannot start.
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu')
  await tf.ready()
  const each = (result: QuantizationCheck) => reply({ type: 'checked', check: result })
  if (request.kind === 'pictures') await checkPictureQuantizations(request, each)
  else await checkQuantizations(request, each)
  reply({ type: 'done' })
}

self.addEventListener('message', (event: MessageEvent<ModelCheckRequest>) => {
  check(event.data).catch((error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
})
