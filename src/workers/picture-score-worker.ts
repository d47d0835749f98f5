// The picture scoring worker: holds one picture model; decodes, prepares (with the fitted image
// recipe, by the training code), predicts and explains pictures, so the page only renders.
// Cancelling a batch ends the worker.
import * as tf from '@tensorflow/tfjs'
import './register-backends'
import { loadModelFiles } from '../core/export/model-artifacts'
import {
  pictureFile,
  pictureFilesInZip,
  type PictureFile,
} from '../core/export/pictures/picture-files'
import {
  pictureMatrix,
  picturePreparation,
  resizePictures,
  type PicturePreparation,
} from '../core/export/pictures/picture-inputs'
import { occlusionMap } from '../core/export/pictures/picture-occlusion'
import { pictureAnswer } from '../core/export/pictures/picture-outputs'
import type { ScoredPicture } from '../core/export/pictures/picture-table'
import { sniffImageFormat } from '../core/images/image-format'
import type { RgbaImage } from '../core/images/prepare/rgba-image'
import { predictMatrix } from '../core/model/predict-matrix'
import type { Recipe } from '../core/recipe/recipe-schema'
import { decodeOutputs } from '../core/recipe/transform'
import type { PathedFile } from './image-protocol'
import { decodePicture } from './picture-score-decode'
import type {
  PictureScoreReply,
  PictureScoreRequest,
  PictureScoreSetup,
  PredictedPicture,
} from './picture-score-protocol'

/** Pictures decoded and scored per model call in a batch. */
const CHUNK = 64
/** Progress reaches the page at most this often. */
const PROGRESS_MS = 100

interface Scorer {
  readonly model: tf.LayersModel
  readonly recipe: Recipe
  readonly preparation: PicturePreparation
}

const reply = (message: PictureScoreReply, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer })
let scoring: Promise<Scorer> | null = null

async function load(setup: PictureScoreSetup): Promise<Scorer> {
  // WASM: fast for these batches and exact across machines; CPU if it cannot start.
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu')
  await tf.ready()
  return {
    model: await loadModelFiles(setup.model),
    recipe: setup.recipe,
    preparation: picturePreparation(setup.recipe),
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

async function predictOne(scorer: Scorer, name: string, blob: Blob): Promise<PredictedPicture> {
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer())
  if (sniffImageFormat(head) === null)
    return {
      name,
      answer: null,
      problem: 'Not a picture: only PNG, JPEG, GIF, WebP and BMP files can be predicted.',
      seen: null,
      occlusion: null,
    }
  let picture: RgbaImage
  try {
    picture = await decodePicture(blob)
  } catch (error) {
    return { name, answer: null, problem: messageOf(error), seen: null, occlusion: null }
  }
  const { model, recipe, preparation } = scorer
  const resized = resizePictures(preparation.spec, [picture])
  const x = pictureMatrix(preparation, resized)
  const answer = pictureAnswer(recipe, decodeOutputs(recipe, await predictMatrix(model, x)), 0)
  const occlusion = await occlusionMap(model, recipe, preparation, x.values, answer.predicted)
  const { width, height, channels, pixels } = resized
  return { name, answer, problem: null, seen: { width, height, channels, pixels }, occlusion }
}

function filesOf(source: Extract<PictureScoreRequest, { type: 'batch' }>['source']) {
  if (source.kind === 'zip')
    return source.zip.arrayBuffer().then((bytes) => pictureFilesInZip(new Uint8Array(bytes)))
  return Promise.resolve(source.files.map((f: PathedFile) => ({ path: f.path, blob: f.file })))
}

/** A folder's file as a file to score: its first bytes decide, as for a zip's entries. */
async function folderFile(path: string, blob: Blob): Promise<PictureFile | null> {
  return pictureFile(path, new Uint8Array(await blob.arrayBuffer()))
}

async function scoreBatch(
  scorer: Scorer,
  id: number,
  source: Extract<PictureScoreRequest, { type: 'batch' }>['source'],
) {
  const listed = await filesOf(source)
  const total = listed.length
  if (total === 0)
    throw new Error('There are no files to score: choose a .zip or a folder that holds pictures.')
  const rows: ScoredPicture[] = []
  let reported = 0
  for (let from = 0; from < total; from += CHUNK) {
    // Each file keeps its place in the listing, scored or not.
    const chunk: (ScoredPicture | null)[] = []
    const decoded: { at: number; path: string; picture: RgbaImage }[] = []
    for (const entry of listed.slice(from, from + CHUNK)) {
      const file: PictureFile | null =
        'blob' in entry ? await folderFile(entry.path, entry.blob) : entry
      if (!file) continue
      if (!file.bytes) {
        chunk.push({ path: file.path, answer: null, problem: file.problem })
        continue
      }
      try {
        const picture = await decodePicture(new Blob([file.bytes]))
        decoded.push({ at: chunk.length, path: file.path, picture })
        chunk.push(null)
      } catch (error) {
        chunk.push({ path: file.path, answer: null, problem: messageOf(error) })
      }
    }
    const { model, recipe, preparation } = scorer
    const x = pictureMatrix(
      preparation,
      resizePictures(
        preparation.spec,
        decoded.map((d) => d.picture),
      ),
    )
    const outputs = decodeOutputs(recipe, await predictMatrix(model, x))
    decoded.forEach(({ at, path }, i) => {
      chunk[at] = { path, answer: pictureAnswer(recipe, outputs, i), problem: null }
    })
    for (const row of chunk) if (row) rows.push(row)
    const done = Math.min(total, from + CHUNK)
    const now = performance.now()
    if (now - reported > PROGRESS_MS || done === total) {
      reported = now
      reply({ type: 'progress', id, done, total })
    }
  }
  reply({ type: 'scored', id, rows })
}

async function handle(request: PictureScoreRequest): Promise<void> {
  if (request.type === 'setup') {
    scoring = load(request.setup)
    return
  }
  if (!scoring) throw new Error('The picture scoring worker has no model yet.')
  const scorer = await scoring
  if (request.type === 'predict') {
    const pictures: PredictedPicture[] = []
    for (const { name, blob } of request.pictures)
      pictures.push(await predictOne(scorer, name, blob))
    reply({ type: 'predicted', id: request.id, pictures })
    return
  }
  await scoreBatch(scorer, request.id, request.source)
}

self.addEventListener('message', (event: MessageEvent<PictureScoreRequest>) => {
  const request = event.data
  handle(request).catch((error: unknown) =>
    reply({
      type: 'failed',
      // A setup never fails by itself: a model that cannot load fails the requests after it.
      id: request.type === 'setup' ? -1 : request.id,
      message: messageOf(error),
    }),
  )
})
