// Opens a model bundle off the main thread: unzipping, checking, loading the model and scoring
// the test rows (or decoding and scoring the test pictures) take seconds for a large model.
import * as tf from '@tensorflow/tfjs'
import './register-backends'
import { readBundle, type ModelBundle } from '../core/export/bundle'
import { checkBundle } from '../core/export/import/bundle-checks'
import { dataMismatch, pictureDataMismatch } from '../core/export/import/data-match'
import {
  evaluateBundle,
  evaluatePictureBundle,
  predictOnlyRun,
} from '../core/export/import/evaluate-bundle'
import { pictureResizeSpec, resizePictures } from '../core/export/pictures/picture-inputs'
import { resizeKey, type ResizedImages, type RgbaImage } from '../core/images/prepare/rgba-image'
import type { OpenBundlePictures, OpenBundleReply, OpenBundleRequest } from './open-bundle-protocol'
import { decodePicture } from './picture-score-decode'

const reply = (message: OpenBundleReply) => self.postMessage(message)

/** Pictures decoded at once: the browser decodes on its own threads. */
const CONCURRENCY = 8

/** The loaded pictures resized as the bundle's recipe says: the Prepare step's if they fit. */
async function resizedFor(bundle: ModelBundle, pictures: OpenBundlePictures) {
  const spec = pictureResizeSpec(bundle.recipe)
  const { resized } = pictures
  if (resized && resizeKey({ ...resized, fit: spec.fit }) === resizeKey(spec)) return resized
  const decoded: RgbaImage[] = []
  for (let from = 0; from < pictures.blobs.length; from += CONCURRENCY) {
    const chunk = pictures.blobs.slice(from, from + CONCURRENCY)
    const images = await Promise.all(chunk.map((blob) => decodePicture(blob)))
    images.forEach((image, i) => (decoded[from + i] = image))
  }
  return { ...resizePictures(spec, decoded), labels: Int32Array.from(pictures.labels) }
}

async function openPictures(bundle: ModelBundle, { table, pictures }: OpenBundleRequest) {
  const name = bundle.recipe.source.name
  const notTested = pictures
    ? pictureDataMismatch(bundle.recipe, pictures.classes)
    : table
      ? `This model was trained on pictures, but a table is loaded. Load ${name} (a folder or .zip of pictures, one folder per class) on the Data step to test the model and train it further.`
      : `Load ${name} (a folder or .zip of pictures, one folder per class) on the Data step to test the model and train it further.`
  if (notTested !== null || !pictures)
    return reply({ type: 'done', bundle, run: predictOnlyRun(bundle), notTested, images: null })
  const images: ResizedImages = await resizedFor(bundle, pictures)
  const run = await evaluatePictureBundle(bundle, images, pictures.classes)
  reply({ type: 'done', bundle, run, notTested: null, images })
}

async function open(request: OpenBundleRequest) {
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu')
  await tf.ready()
  const bundle = checkBundle(readBundle(new Uint8Array(request.zip)))
  if (bundle.recipe.source.kind === 'images') return openPictures(bundle, request)
  const { table } = request
  const notTested = table
    ? dataMismatch(bundle.recipe, table)
    : `Load ${bundle.recipe.source.name} on the Data step to test the model and train it further.`
  const run =
    notTested === null && table ? await evaluateBundle(bundle, table) : predictOnlyRun(bundle)
  reply({ type: 'done', bundle, run, notTested, images: null })
}

self.addEventListener('message', (event: MessageEvent<OpenBundleRequest>) => {
  open(event.data).catch((error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
})
