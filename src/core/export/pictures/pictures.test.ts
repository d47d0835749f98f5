import '@tensorflow/tfjs-backend-wasm'
import { zipSync, strToU8 } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { digitPngs } from '../../images/image-test-files'
import { summariseSizes } from '../../images/image-summary'
import { proposeImageRecipe } from '../../images/prepare/propose-image-recipe'
import type { ResizedImages, RgbaImage } from '../../images/prepare/rgba-image'
import { decodeGreyPng } from '../../images/prepare/test-images'
import { predictMatrix } from '../../model/predict-matrix'
import type { Recipe } from '../../recipe/recipe-schema'
import { decodeOutputs } from '../../recipe/transform'
import { runImageTraining } from '../../train/image-run'
import type { StudioRunResult } from '../../train/studio-run'
import { createBundle, readBundle } from '../bundle'
import { pictureDataMismatch } from '../import/data-match'
import { evaluatePictureBundle } from '../import/evaluate-bundle'
import { loadModelFiles } from '../model-artifacts'
import { pictureFilesInZip } from './picture-files'
import {
  pictureMatrix,
  picturePreparation,
  pictureResizeSpec,
  resizePictures,
} from './picture-inputs'
import { describeOcclusion, occlusionMap } from './picture-occlusion'
import { pictureAnswer } from './picture-outputs'
import { checkPictureQuantizations } from './picture-quantization'
import { pictureTable } from './picture-table'

// The bundled handwritten digits (1,797 8 × 8 grey PNGs), decoded in Node, trained on for two
// epochs with the proposed picture recipe and CNN on WASM, as the studio's worker does.
const pngs = digitPngs(2000)
const classes = Array.from({ length: 10 }, (_, d) => String(d))
const pictures: RgbaImage[] = pngs.map(({ bytes }) => decodeGreyPng(bytes))
const labels = Int32Array.from(pngs, ({ path }) => Number(path.split('/')[1]))

function proposed(): Recipe {
  const recipe = proposeImageRecipe(
    {
      name: 'digits-images.zip',
      classes: classes.map((name) => ({ name, count: 180, previews: [] })),
      sizes: summariseSizes(pictures),
    },
    { grey: true },
  )
  return { ...recipe, training: { ...recipe.training, epochs: 2 } }
}

/** Every picture resized as the recipe says, with its class: what the Prepare step holds. */
function resizedAll(recipe: Recipe): ResizedImages {
  return { ...resizePictures(pictureResizeSpec(recipe), pictures), labels }
}

let run: StudioRunResult

beforeAll(async () => {
  const recipe = proposed()
  const results: StudioRunResult[] = []
  await runImageTraining(
    { recipe, images: resizedAll(recipe), backend: 'wasm' },
    { shouldStop: () => false, waitWhilePaused: () => Promise.resolve() },
    (event) => {
      if (event.type === 'done') results.push(event.result)
      if (event.type === 'error') throw new Error(event.message)
    },
  )
  const [result] = results
  if (!result) throw new Error('the picture run did not finish')
  run = result
}, 120_000)

describe('predicting pictures with a fitted image recipe', () => {
  it('gives a raw test picture the output the run gave it, prepared by the same code', async () => {
    const model = await loadModelFiles(run.outcome.model)
    const preparation = picturePreparation(run.recipe)
    const test = Array.from(run.testRows.slice(0, 20))
    const x = pictureMatrix(
      preparation,
      resizePictures(
        preparation.spec,
        test.map((r) => pictures[r] as RgbaImage),
      ),
    )
    const outputs = decodeOutputs(run.recipe, await predictMatrix(model, x))
    model.dispose()
    for (let i = 0; i < outputs.length; i++)
      expect(outputs[i]).toBeCloseTo(run.outcome.testOutputs[i] ?? Number.NaN, 6)
    // The answer names the likeliest class, and the probabilities sum to one.
    const answer = pictureAnswer(run.recipe, outputs, 0)
    expect(answer.probabilities).toHaveLength(10)
    expect(answer.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
    const correct = test.filter(
      (row, i) => pictureAnswer(run.recipe, outputs, i).predicted === labels[row],
    ).length
    // Two epochs on the 8 × 8 digits already beat chance (10 %) by far.
    expect(correct).toBeGreaterThan(12)
  })

  it('explains a picture with an occlusion map that lights up the strokes, not the blank paper', async () => {
    const model = await loadModelFiles(run.outcome.model)
    const preparation = picturePreparation(run.recipe)
    const rows = Array.from(run.testRows.slice(0, 20))
    const resized = resizePictures(
      preparation.spec,
      rows.map((r) => pictures[r] as RgbaImage),
    )
    const x = pictureMatrix(preparation, resized)
    const outputs = decodeOutputs(run.recipe, await predictMatrix(model, x))
    let strokesWin = 0
    for (let i = 0; i < rows.length; i++) {
      const answer = pictureAnswer(run.recipe, outputs, i)
      const row = x.values.subarray(i * 64, (i + 1) * 64)
      const map = await occlusionMap(model, run.recipe, preparation, row, answer.predicted)
      expect(map.heat).toHaveLength(64)
      // The paper is the picture's most common value; strokes are far from it.
      const pixels = resized.pixels.subarray(i * 64, (i + 1) * 64)
      const counts = new Map<number, number>()
      for (const v of pixels) counts.set(v, (counts.get(v) ?? 0) + 1)
      const paper = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
      const mean = (keep: (v: number) => boolean) => {
        const picked = [...map.heat].filter((_, p) => keep(pixels[p] ?? 0))
        return picked.reduce((a, b) => a + b, 0) / Math.max(1, picked.length)
      }
      if (mean((v) => Math.abs(v - paper) > 64) > mean((v) => v === paper)) strokesWin++
      if (i === 0)
        expect(describeOcclusion(map, classes[answer.predicted] ?? '')).toMatch(
          /^(The model looks most at the .+: hiding that part lowers the probability of \d by \d+\.\d points\.|Hiding any one part)/,
        )
    }
    model.dispose()
    console.log(
      `occlusion: strokes hotter than the paper in ${strokesWin} of ${rows.length} test digits`,
    )
    expect(strokesWin).toBeGreaterThanOrEqual(15)
  })

  it('scores the test pictures with float32, float16 and uint8 weights', async () => {
    const checks = await checkPictureQuantizations({
      model: run.outcome.model,
      recipe: run.recipe,
      images: resizedAll(run.recipe),
      testRows: run.testRows,
      testLabels: run.testLabels,
    })
    expect(checks.map((c) => c.quantization)).toEqual(['float32', 'float16', 'uint8'])
    const accuracy = (metrics: { key: string; value: number }[]) =>
      metrics.find((m) => m.key === 'accuracy')?.value
    expect(accuracy(checks[0]?.metrics ?? [])).toBeCloseTo(accuracy(run.metrics) ?? -1, 9)
    expect(checks[2]?.weightsBytes).toBeLessThan((checks[0]?.weightsBytes ?? 0) / 3)
    expect(checks[1]?.largestChange).toBeLessThan(0.01)
  })
})

describe('a picture bundle', () => {
  it('reopens and, on the same pictures, gives the run its test pictures and outputs back', async () => {
    const zip = createBundle({ model: run.outcome.model, recipe: run.recipe, inputSchema: null })
    const bundle = readBundle(zip)
    const reopened = await evaluatePictureBundle(bundle, resizedAll(bundle.recipe), classes)
    expect(Array.from(reopened.testRows)).toEqual(Array.from(run.testRows))
    expect(reopened.testOutputs).toHaveLength(run.outcome.testOutputs.length)
    let largest = 0
    reopened.testOutputs.forEach((v, i) => {
      largest = Math.max(largest, Math.abs(v - (run.outcome.testOutputs[i] ?? Number.NaN)))
    })
    expect(largest).toBeLessThan(1e-6)
    expect(reopened.metrics).toEqual(run.metrics)
    expect(reopened.baselineMetrics).toEqual(run.baselineMetrics)
  })

  it('says what to load when the pictures are not the ones it learnt', async () => {
    expect(pictureDataMismatch(run.recipe, classes)).toBeNull()
    const fewer = classes.slice(0, 9)
    expect(pictureDataMismatch(run.recipe, fewer)).toBe(
      'The loaded pictures have the classes 0, 1, 2, 3, 4, 5 and 3 more, but the model knows 0, 1, 2, 3, 4, 5 and 4 more. Load the picture dataset it was trained on (digits-images.zip), one folder per class.',
    )
    const bundle = readBundle(
      createBundle({ model: run.outcome.model, recipe: run.recipe, inputSchema: null }),
    )
    await expect(evaluatePictureBundle(bundle, resizedAll(run.recipe), fewer)).rejects.toThrow(
      /Load the picture dataset it was trained on/,
    )
  })
})

describe('files to score', () => {
  it('scores the pictures of a zip and says why each other file is not scored', () => {
    const png = pngs[0]?.bytes ?? new Uint8Array()
    const zip = zipSync({
      'batch/a.png': png,
      'batch/notes.txt': strToU8('hello'),
      'batch/fake.png': strToU8('not really a picture'),
      'batch/.DS_Store': strToU8('x'),
      '__MACOSX/batch/._a.png': strToU8('x'),
    })
    const files = pictureFilesInZip(zip)
    expect(files.map((f) => [f.path, f.problem === null])).toEqual([
      ['batch/a.png', true],
      ['batch/notes.txt', false],
      ['batch/fake.png', false],
    ])
    expect(files[1]?.problem).toBe(
      'Not a picture (.txt file): only PNG, JPEG, GIF, WebP and BMP files are scored.',
    )
  })

  it('lays the scored files out as one row each, failures included', () => {
    const { header, rows } = pictureTable(run.recipe, [
      {
        path: '=cmd.png',
        answer: { probabilities: classes.map((_, c) => (c === 3 ? 1 : 0)), predicted: 3 },
        problem: null,
      },
      { path: 'notes.txt', answer: null, problem: 'Not a picture.' },
    ])
    expect(header.slice(0, 3)).toEqual(['file', 'predicted_class', 'probability_0'])
    expect(header.at(-1)).toBe('note')
    expect(rows[0]?.slice(0, 2)).toEqual(['=cmd.png', '3'])
    expect(rows[1]).toEqual(['notes.txt', null, ...classes.map(() => null), 'Not a picture.'])
  })
})
