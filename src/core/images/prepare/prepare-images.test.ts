import { describe, expect, it } from 'vitest'
import { parseRecipe, type Recipe } from '../../recipe/recipe-schema'
import { summariseSizes } from '../image-summary'
import { channelAffine } from './normalise'
import { planImageRecipe } from './plan-images'
import { imageFeatures, prepareImages, splitCountsByClass, splitImages } from './prepare-images'
import { proposeImageRecipe } from './propose-image-recipe'
import { resizeImage } from './resize'
import type { ResizedImages } from './rgba-image'
import { flat, paint } from './test-images'

const CLASSES = ['cat', 'dog', 'fox']

/** `perClass` 4 × 4 grey pictures of each class; class k is painted value 40 k + i. */
function greyImages(perClass: number): ResizedImages {
  const spec = { width: 4, height: 4, channels: 1 as const, fit: 'stretch' as const }
  const pictures = CLASSES.flatMap((_, k) =>
    Array.from({ length: perClass }, (_, i) => ({ label: k, image: flat(4, 4, 40 * k + i) })),
  )
  const pixels = new Uint8ClampedArray(pictures.length * 16)
  pictures.forEach(({ image }, i) => pixels.set(resizeImage(image, spec), i * 16))
  return {
    width: 4,
    height: 4,
    channels: 1,
    count: pictures.length,
    pixels,
    labels: Int32Array.from(pictures, (p) => p.label),
  }
}

function recipeFor(classes = CLASSES, method: 'unit' | 'symmetric' | 'standard' = 'standard') {
  const sizes = summariseSizes(classes.map(() => ({ width: 4, height: 4 })))
  const recipe = proposeImageRecipe(
    { name: 'pets', classes: classes.map((name) => ({ name, count: 20, previews: [] })), sizes },
    { grey: true, seed: 7 },
  )
  return {
    ...recipe,
    steps: recipe.steps.map((s) => (s.op === 'image-normalise' ? { ...s, method } : s)),
  } satisfies Recipe
}

describe('proposeImageRecipe', () => {
  const summary = (width: number, height: number, distinct = 1, counts = [50, 50]) => ({
    name: 'pictures',
    classes: counts.map((count, i) => ({ name: `c${i}`, count, previews: [] })),
    sizes: { ...summariseSizes([{ width, height }]), distinctSizes: distinct },
  })

  it('keeps small pictures of one size as they are, grey, and says why', () => {
    const recipe = proposeImageRecipe(summary(8, 8, 1, [5, 5, 5]), { grey: true })
    const [resize, normalise] = recipe.steps
    expect(resize).toMatchObject({
      op: 'image-resize',
      width: 8,
      height: 8,
      channels: 1,
      fit: 'stretch',
    })
    expect(resize?.why).toContain('enlarging would add inputs but no detail')
    expect(normalise).toMatchObject({ op: 'image-normalise', method: 'standard' })
    expect(normalise?.why).toContain('training pictures only')
    expect(recipe.target).toEqual({
      column: 'class',
      task: 'multiclass',
      classes: ['c0', 'c1', 'c2'],
    })
    expect(recipe.split).toMatchObject({ method: 'stratified' })
  })

  it('shrinks large colour photos of many sizes to a centre-cropped 32 × 32', () => {
    const recipe = proposeImageRecipe(summary(640, 480, 7), { grey: false })
    expect(recipe.steps[0]).toMatchObject({ width: 32, height: 32, channels: 3, fit: 'cover' })
    expect(recipe.target.task).toBe('binary')
  })

  it('caps grey pictures of one size at 64 on the longer side, keeping the shape', () => {
    const recipe = proposeImageRecipe(summary(256, 128), { grey: true })
    expect(recipe.steps[0]).toMatchObject({ width: 64, height: 32, fit: 'stretch' })
    expect(recipe.steps[0]?.why).toContain('shrunk to 64 × 32')
  })

  it('weights the classes when one has three times the pictures of another', () => {
    expect(proposeImageRecipe(summary(8, 8, 1, [90, 30]), { grey: true }).balance.method).toBe(
      'class-weights',
    )
  })
})

describe('prepareImages', () => {
  it('splits every class in proportion with the recipe seed, the same way each time', () => {
    const images = greyImages(20)
    const recipe = recipeFor()
    const counts = splitCountsByClass(recipe, images.labels)
    expect(counts).toEqual(CLASSES.map(() => ({ train: 16, validation: 2, test: 2 })))
    const again = splitImages(recipe, images.labels)
    expect([...again.test]).toEqual([...splitImages(recipe, images.labels).test])
    const otherSeed = splitImages({ ...recipe, seed: 8 }, images.labels)
    expect([...otherSeed.test]).not.toEqual([...again.test])
  })

  it('gives rows × pixels matrices, one-hot classes and pixel[y,x,c] features from the image', () => {
    const images = greyImages(20)
    const prepared = prepareImages(recipeFor(), images)
    expect(prepared.train.x.rows).toBe(48)
    expect(prepared.train.x.width).toBe(16)
    expect(prepared.test.y.width).toBe(3)
    expect(prepared.features[0]).toEqual({ name: 'pixel[0,0,0]', sources: ['image'] })
    expect(prepared.features[15]?.name).toBe('pixel[3,3,0]')
    expect(prepared.recipe.features).toEqual(prepared.features)
    // The test row's one-hot class is its picture's class.
    prepared.parts.test.forEach((picture, i) => {
      const label = images.labels[picture] as number
      expect(prepared.test.y.values[i * 3 + label]).toBe(1)
    })
  })

  it('standardises with the training pictures: they come out with mean 0 and std 1', () => {
    const prepared = prepareImages(recipeFor(), greyImages(20))
    const values = prepared.train.x.values
    const mean = values.reduce((a, b) => a + b, 0) / values.length
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length
    expect(mean).toBeCloseTo(0, 5)
    expect(variance).toBeCloseTo(1, 4)
  })

  it('fits the statistics on training pictures only: changing the others changes nothing', () => {
    const images = greyImages(20)
    const recipe = recipeFor()
    const { train } = splitImages(recipe, images.labels)
    const inTrain = new Set(train)
    const altered = new Uint8ClampedArray(images.pixels)
    for (let picture = 0; picture < images.count; picture++) {
      if (!inTrain.has(picture)) altered.fill(255, picture * 16, picture * 16 + 16)
    }
    const before = prepareImages(recipe, images)
    const after = prepareImages(recipe, { ...images, pixels: altered })
    const fitted = (r: Recipe) => r.steps.find((s) => s.op === 'image-normalise')
    expect(fitted(after.recipe)).toEqual(fitted(before.recipe))
    expect(after.train.x.values).toEqual(before.train.x.values)
    expect(after.test.x.values).not.toEqual(before.test.x.values)
  })

  it('maps unit to 0…1 and symmetric to −1…1 without fitting anything', () => {
    const unit = prepareImages(recipeFor(CLASSES, 'unit'), greyImages(20))
    const symmetric = prepareImages(recipeFor(CLASSES, 'symmetric'), greyImages(20))
    expect(unit.recipe.steps[1]).not.toHaveProperty('fitted')
    const a = channelAffine(null, 1)
    expect([a.scale[0], a.offset[0]]).toEqual([1, 0])
    unit.train.x.values.forEach((v, i) => {
      expect(v).toBeCloseTo((symmetric.train.x.values[i] as number) / 2 + 0.5, 5)
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThanOrEqual(1)
    })
  })

  it('uses 0/1 labels in target order for two classes', () => {
    const images = greyImages(20)
    const two = { ...images, labels: images.labels.map((l) => l % 2) }
    const prepared = prepareImages(recipeFor(['cat', 'dog']), two)
    expect(prepared.test.y.width).toBe(1)
    expect(new Set(prepared.train.y.values)).toEqual(new Set([0, 1]))
  })

  it('refuses pictures resized for another size, naming the step', () => {
    const recipe = recipeFor()
    const bigger = {
      ...recipe,
      steps: recipe.steps.map((s) => (s.op === 'image-resize' ? { ...s, width: 8 } : s)),
    }
    expect(() => prepareImages(bigger, greyImages(20))).toThrow(
      /resized to 4 × 4 × 1 but the resize step "s1" asks for 8 × 4 × 1/,
    )
  })

  it('refuses a recipe whose resize step is switched off', () => {
    const recipe = recipeFor()
    const off = {
      ...recipe,
      steps: recipe.steps.map((s) => ({ ...s, enabled: s.op !== 'image-resize' })),
    }
    expect(() => prepareImages(off, greyImages(20))).toThrow(/switched off.*switch it on/)
  })

  it('survives a JSON round trip of the fitted recipe with identical inputs', () => {
    const images = greyImages(20)
    const prepared = prepareImages(recipeFor(), images)
    const reread = parseRecipe(JSON.parse(JSON.stringify(prepared.recipe)))
    expect(reread).toEqual(prepared.recipe)
    const normalise = reread.steps.find((s) => s.op === 'image-normalise')
    const affine = channelAffine(normalise?.op === 'image-normalise' ? normalise : null, 1)
    const first = prepared.parts.train[0] as number
    const x =
      (images.pixels[first * 16] as number) * (affine.scale[0] as number) +
      (affine.offset[0] as number)
    expect(prepared.train.x.values[0]).toBeCloseTo(x, 6)
  })

  it('colour pictures give channels last: red, green, blue of each pixel in turn', () => {
    const spec = { width: 2, height: 1, channels: 3 as const, fit: 'stretch' as const }
    expect(imageFeatures(spec).map((f) => f.name)).toEqual([
      'pixel[0,0,0]',
      'pixel[0,0,1]',
      'pixel[0,0,2]',
      'pixel[0,1,0]',
      'pixel[0,1,1]',
      'pixel[0,1,2]',
    ])
    const picture = paint(2, 1, (x) => (x === 0 ? [255, 0, 0] : [0, 0, 255]))
    expect([...resizeImage(picture, spec)]).toEqual([255, 0, 0, 0, 0, 255])
  })
})

describe('planImageRecipe', () => {
  it('shows split sizes and inputs, and the fitted statistics once pictures are read', () => {
    const images = greyImages(20)
    const recipe = recipeFor()
    const before = planImageRecipe(recipe, images.labels, null)
    expect(before.error).toBeNull()
    expect(before.rows).toEqual({ train: 48, validation: 6, test: 6 })
    expect(before.inputs).toBe(16)
    expect(before.reports[1]?.description).toContain('fitted once the pictures are read')
    const after = planImageRecipe(recipe, images.labels, images)
    expect(after.reports[1]?.description).toMatch(/mean \d+(\.\d)?.* std \d+(\.\d)?/)
  })

  it('says when there are too few pictures to train and test', () => {
    const plan = planImageRecipe(recipeFor(), Int32Array.from([0, 1, 2]), null)
    expect(plan.error?.message).toMatch(/too few to train and test/)
  })
})
