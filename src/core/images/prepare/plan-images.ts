import type { RecipePlan } from '../../recipe/pipeline/plan'
import type { StepReport } from '../../recipe/pipeline/prepare-data'
import type { Recipe } from '../../recipe/recipe-schema'
import type { Step } from '../../recipe/step-schema'
import { fitImageNormalise } from './normalise'
import { imageFeatures, resizeStepOf, splitImages } from './prepare-images'
import { resizeKey, valuesPerImage, type ResizedImages } from './rgba-image'

const FIT_TEXT = {
  stretch: 'stretched to fill (the aspect ratio is not kept)',
  contain: 'scaled to fit whole, with black bars',
  cover: 'scaled to fill, the overflow cropped around the centre',
} as const

const pixel = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 })

/** One line per step, as the Prepare step lists them. */
export function describeImageStep(step: Step): string {
  switch (step.op) {
    case 'image-resize':
      return `Resize every picture to ${step.width} × ${step.height}, ${step.channels === 1 ? 'grey (1 channel)' : 'colour (3 channels)'}, ${FIT_TEXT[step.fit]}`
    case 'image-normalise':
      if (step.method === 'unit') return 'Divide pixels by 255: values 0…1'
      if (step.method === 'symmetric') return 'Map pixels 0…255 to −1…1'
      return step.fitted
        ? `Standardise each channel with the training pictures' mean ${step.fitted.mean.map(pixel).join(', ')} and std ${step.fitted.std.map(pixel).join(', ')}`
        : "Standardise each channel with the training pictures' mean and std (fitted once the pictures are read)"
    default:
      return `${step.op} works on tables, not pictures`
  }
}

/**
 * What the Prepare and Model steps show about an image recipe, in the shape of a table plan:
 * split sizes, one report per step, the number of model inputs. With the resized pictures at
 * hand, the normalisation is fitted on the training pictures so the numbers can be shown.
 */
export function planImageRecipe(
  recipe: Recipe,
  labels: Int32Array,
  images: ResizedImages | null,
): RecipePlan {
  const base = {
    classWeights: null,
    droppedMissingTarget: 0,
    droppedMissingOrder: 0,
    previews: [],
    notes: [],
  }
  let parts: ReturnType<typeof splitImages>
  let resize: ReturnType<typeof resizeStepOf>
  try {
    resize = resizeStepOf(recipe)
    parts = splitImages(recipe, labels)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const stepId = recipe.steps.find((s) => s.op === 'image-resize')?.id ?? null
    return {
      ...base,
      recipe,
      reports: [],
      error: { stepId, message },
      rows: { train: 0, validation: 0, test: 0 },
      inputs: 0,
    }
  }
  const rows = {
    train: parts.train.length,
    validation: parts.validation.length,
    test: parts.test.length,
  }
  const ready = images !== null && resizeKey({ ...images, fit: resize.fit }) === resizeKey(resize)
  const steps = recipe.steps.map((step) =>
    ready && step.enabled && step.op === 'image-normalise'
      ? fitImageNormalise(step, images, parts.train)
      : step,
  )
  const reports: StepReport[] = steps.map((step) => ({
    stepId: step.id,
    enabled: step.enabled,
    description: describeImageStep(step),
    rows,
    removedRows: 0,
    addedColumns: [],
    removedColumns: [],
    changedColumns: [],
    notes: step.why ? [step.why] : [],
    ms: 0,
  }))
  const tooFew = rows.train < 2 || rows.test < 1
  return {
    ...base,
    recipe: { ...recipe, steps, features: imageFeatures(resize) },
    reports,
    error: tooFew
      ? {
          stepId: null,
          message: `Only ${labels.length} pictures: too few to train and test. Add pictures to every class.`,
        }
      : null,
    rows,
    inputs: valuesPerImage(resize),
  }
}
