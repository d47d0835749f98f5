import { balancedClassWeights, oversampleRows } from '../../recipe/balance'
import type { Parts } from '../../recipe/pipeline/parts'
import type { Feature, Recipe } from '../../recipe/recipe-schema'
import { splitRows } from '../../recipe/split'
import type { StepOf } from '../../recipe/step-schema'
import type { Table } from '../../table/table'
import type { Dataset } from '../../train/engine'
import { channelAffine, fitImageNormalise, normalisedMatrix } from './normalise'
import { resizeKey, valuesPerImage, type ResizedImages, type ResizeSpec } from './rgba-image'

/** The images of a recipe with their class, as the one-column table the split and balance read. */
export function imageClassTable(recipe: Recipe, labels: Int32Array): Table {
  if (recipe.source.kind !== 'images') {
    throw new Error('This recipe prepares a table, not images: load an image dataset.')
  }
  return {
    rowCount: labels.length,
    columns: [
      {
        name: recipe.target.column,
        kind: 'categorical',
        codes: labels,
        categories: recipe.source.classes,
      },
    ],
  }
}

/**
 * Train, validation and test pictures: the same seeded split code as tables (stratified by class
 * when the recipe says so), so every class is in every part in its own proportion.
 */
export function splitImages(recipe: Recipe, labels: Int32Array): Parts {
  const { train, validation, test } = splitRows(imageClassTable(recipe, labels), recipe)
  return { train, validation, test }
}

/** How many pictures of each class land in each part. */
export function splitCountsByClass(
  recipe: Recipe,
  labels: Int32Array,
): { train: number; validation: number; test: number }[] {
  const parts = splitImages(recipe, labels)
  const counts = (recipe.source.kind === 'images' ? recipe.source.classes : []).map(() => ({
    train: 0,
    validation: 0,
    test: 0,
  }))
  for (const part of ['train', 'validation', 'test'] as const) {
    for (const row of parts[part]) {
      const entry = counts[labels[row] as number]
      if (entry) entry[part]++
    }
  }
  return counts
}

/** Model input names, pixel[y,x,c] in the order the matrix holds them; all come from the image. */
export function imageFeatures(spec: Pick<ResizeSpec, 'width' | 'height' | 'channels'>): Feature[] {
  const features: Feature[] = []
  for (let y = 0; y < spec.height; y++)
    for (let x = 0; x < spec.width; x++)
      for (let c = 0; c < spec.channels; c++)
        features.push({ name: `pixel[${y},${x},${c}]`, sources: ['image'] })
  return features
}

/** The recipe's resize step, which every image recipe needs switched on. */
export function resizeStepOf(recipe: Recipe): StepOf<'image-resize'> {
  const step = recipe.steps.find((s) => s.op === 'image-resize')
  if (!step) {
    throw new Error(
      'The recipe has no image resize step: the network needs every picture at one size. Add one.',
    )
  }
  if (!step.enabled) {
    throw new Error(
      `The image resize step "${step.id}" is switched off, but the network needs every picture at one size: switch it on.`,
    )
  }
  return step
}

function checkImageRecipe(recipe: Recipe, images: ResizedImages): StepOf<'image-resize'> {
  if (recipe.source.kind !== 'images') {
    throw new Error('This recipe prepares a table, not images: load an image dataset.')
  }
  const tableStep = recipe.steps.find(
    (s) => s.enabled && s.op !== 'image-resize' && s.op !== 'image-normalise',
  )
  if (tableStep) {
    throw new Error(
      `The step "${tableStep.id}" (${tableStep.op}) works on tables, not pictures: remove it from this image recipe.`,
    )
  }
  const resize = resizeStepOf(recipe)
  if (resizeKey(resize) !== resizeKey({ ...images, fit: resize.fit })) {
    throw new Error(
      `The pictures were resized to ${images.width} × ${images.height} × ${images.channels} but the resize step "${resize.id}" asks for ${resize.width} × ${resize.height} × ${resize.channels}: prepare the pictures again.`,
    )
  }
  if (images.pixels.length !== images.count * valuesPerImage(images)) {
    throw new Error(
      `${images.count} pictures of ${valuesPerImage(images)} values each should hold ${images.count * valuesPerImage(images)} values, not ${images.pixels.length}: prepare the pictures again.`,
    )
  }
  return resize
}

/** Labels in the target's output order: one-hot for multiclass, 0/1 for binary. */
function targetMatrix(recipe: Recipe, labels: Int32Array, rows: Int32Array): Dataset['y'] {
  const classes = recipe.source.kind === 'images' ? recipe.source.classes : []
  const order = new Map((recipe.target.classes ?? []).map((name, i) => [name, i]))
  const width = recipe.target.task === 'multiclass' ? order.size : 1
  const values = new Float32Array(rows.length * width)
  rows.forEach((row, i) => {
    const name = classes[labels[row] as number]
    const at = name === undefined ? undefined : order.get(name)
    if (at === undefined) {
      throw new Error(
        `Picture ${row + 1} is of a class ("${name ?? '?'}") the recipe's target does not list: propose the image recipe again.`,
      )
    }
    if (width === 1) values[i] = at
    else values[i * width + at] = 1
  })
  return { values, rows: rows.length, width }
}

export interface PreparedImages {
  /** The recipe with the normalisation fitted on the training pictures and the inputs listed. */
  readonly recipe: Recipe
  readonly train: Dataset
  readonly validation: Dataset
  readonly test: Dataset
  readonly features: Feature[]
  /** Picture indices of each part (training ones repeated when oversampled). */
  readonly parts: Parts
  readonly classWeights: readonly number[] | null
}

/**
 * Pictures already resized as the recipe's resize step says (decoding needs a browser, so it
 * happens in a worker) to training, validation and test matrices: split by class with the
 * recipe's seed, the normalisation fitted on the training pictures alone, balance applied to the
 * training part only. Throws with a message naming the step when the recipe does not fit.
 */
export function prepareImages(recipe: Recipe, images: ResizedImages): PreparedImages {
  const resize = checkImageRecipe(recipe, images)
  const split = splitImages(recipe, images.labels)
  if (split.train.length < 2 || split.test.length < 1) {
    throw new Error(
      `Only ${images.count} pictures: too few to train and test. Add pictures to every class.`,
    )
  }
  const steps = recipe.steps.map((step) =>
    step.op === 'image-normalise' && step.enabled
      ? fitImageNormalise(step, images, split.train)
      : step,
  )
  const normalise = steps.find((s) => s.op === 'image-normalise' && s.enabled)
  const affine = channelAffine(
    normalise?.op === 'image-normalise' ? normalise : null,
    resize.channels,
  )
  const features = imageFeatures(resize)
  const fitted: Recipe = { ...recipe, steps, features }

  const classTable = imageClassTable(recipe, images.labels)
  const method = recipe.balance.method
  const train =
    method === 'oversample'
      ? oversampleRows(classTable, recipe.target, split.train, recipe.seed)
      : split.train
  const classWeights =
    method === 'class-weights' ? balancedClassWeights(classTable, recipe.target, split.train) : null
  const part = (rows: Int32Array): Dataset => ({
    x: {
      values: normalisedMatrix(images, rows, affine),
      rows: rows.length,
      width: features.length,
    },
    y: targetMatrix(recipe, images.labels, rows),
  })
  return {
    recipe: fitted,
    train: part(train),
    validation: part(split.validation),
    test: part(split.test),
    features,
    parts: { train, validation: split.validation, test: split.test },
    classWeights,
  }
}
