import '@tensorflow/tfjs-backend-wasm'
import { describe, expect, it } from 'vitest'
import { digitPngs } from '../images/image-test-files'
import { summariseSizes } from '../images/image-summary'
import { proposeImageRecipe } from '../images/prepare/propose-image-recipe'
import { resizeImage } from '../images/prepare/resize'
import type { ResizedImages } from '../images/prepare/rgba-image'
import { decodeGreyPng } from '../images/prepare/test-images'
import type { Recipe } from '../recipe/recipe-schema'
import type { TrainControl } from './engine'
import { runImageTraining } from './image-run'
import type { StudioRunEvent } from './studio-run'

// The bundled handwritten digits, all 1,797 of them, decoded from their PNGs and resized as the
// worker would. The run trains the proposed image CNN on WASM: tfjs' CPU backend takes over a
// minute an epoch for its convolutions on a shared two-core machine, WASM a few seconds.
const pngs = digitPngs(2000)
const classes = Array.from({ length: 10 }, (_, d) => String(d))
const decoded = pngs.map(({ path, bytes }) => ({
  label: Number(path.split('/')[1]),
  image: decodeGreyPng(bytes),
}))

function recipeAt(side: number): Recipe {
  const proposed = proposeImageRecipe(
    {
      name: 'digits',
      classes: classes.map((name) => ({ name, count: 180, previews: [] })),
      sizes: summariseSizes(decoded.map((d) => d.image)),
    },
    { grey: true },
  )
  return {
    ...proposed,
    steps: proposed.steps.map((s) =>
      s.op === 'image-resize' ? { ...s, width: side, height: side } : s,
    ),
    training: { ...proposed.training, epochs: 5 },
  }
}

function resized(recipe: Recipe): ResizedImages {
  const resize = recipe.steps.find((s) => s.op === 'image-resize')
  if (resize?.op !== 'image-resize') throw new Error('no resize step')
  const size = resize.width * resize.height * resize.channels
  const pixels = new Uint8ClampedArray(decoded.length * size)
  decoded.forEach(({ image }, i) => pixels.set(resizeImage(image, resize), i * size))
  return {
    width: resize.width,
    height: resize.height,
    channels: resize.channels,
    count: decoded.length,
    pixels,
    labels: Int32Array.from(decoded, (d) => d.label),
  }
}

const runFreely: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}

async function run(recipe: Recipe, images: ResizedImages): Promise<StudioRunEvent[]> {
  const seen: StudioRunEvent[] = []
  await runImageTraining({ recipe, images, backend: 'wasm' }, runFreely, (e) => seen.push(e))
  return seen
}

describe('runImageTraining', () => {
  it('learns the bundled digits far above chance and releases every tensor', async () => {
    const recipe = recipeAt(8)
    const seen = await run(recipe, resized(recipe))
    const last = seen.at(-1)
    if (last?.type !== 'done') throw new Error(`the run ended with ${JSON.stringify(last)}`)
    const { result } = last
    const accuracy = result.metrics.find((m) => m.key === 'accuracy')?.value ?? 0
    const baseline = result.baselineMetrics.find((m) => m.key === 'accuracy')?.value ?? 1
    // Ten classes: chance is 10 %; the small image CNN on 8 × 8 digits gets above 90 %.
    expect(accuracy).toBeGreaterThan(0.9)
    expect(baseline).toBeLessThan(0.15)
    expect(result.testRows.length).toBe(result.outcome.testOutputs.length / 10)
    expect(result.outcome.tensorsAfter).toBe(result.outcome.tensorsBefore)
    // The fitted recipe carries the training pictures' statistics and 64 traceable inputs.
    const normalise = result.recipe.steps.find((s) => s.op === 'image-normalise')
    expect(normalise?.op === 'image-normalise' && normalise.fitted?.mean.length).toBe(1)
    expect(result.recipe.features).toHaveLength(64)
  })

  it('stops with a message, not a crash, when the pictures do not match the recipe', async () => {
    const seen = await run(recipeAt(16), resized(recipeAt(8)))
    expect(seen).toHaveLength(1)
    const [only] = seen
    expect(only?.type === 'error' && only.message).toMatch(/prepare the pictures again/)
  })
})
