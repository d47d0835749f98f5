import type { ImageDataset } from '../core/images/image-summary'
import type { NormaliseStep } from '../core/images/prepare/normalise'
import { planImageRecipe } from '../core/images/prepare/plan-images'
import { resizeStepOf } from '../core/images/prepare/prepare-images'
import { proposeImageRecipe } from '../core/images/prepare/propose-image-recipe'
import { resizeKey, type ResizedImages, type ResizeSpec } from '../core/images/prepare/rgba-image'
import type { Recipe } from '../core/recipe/recipe-schema'
import {
  PrepareSuperseded,
  probeGreyInWorker,
  resizeInWorker,
} from '../workers/image-prepare-client'
import type { Slice } from './slice'

/** Pictures of each class decoded to tell grey datasets from colour ones. */
const PROBE_PER_CLASS = 3

export interface ImageRecipeSlice {
  /** Every picture resized as the recipe's resize step says; null while (re)reading them. */
  imagePictures: ResizedImages | null
  /** How far the resize of every picture is; null when none runs. */
  imagePreparing: { readonly done: number; readonly total: number } | null
  imagePrepareError: string | null
  /** Changes the resize step (width, height, channels, fit); the pictures are read again. */
  setImageResize: (change: Partial<ResizeSpec>) => void
  setImageNormalise: (method: NormaliseStep['method']) => void
  setImageSeed: (seed: number) => void
  /** The resized pictures for the current recipe, reading them if needed (null on failure). */
  prepareImagePictures: () => Promise<ResizedImages | null>
}

/** Class of each picture, in dataset order. */
const labelsOf = (dataset: ImageDataset) => Int32Array.from(dataset.images, (i) => i.classIndex)

/**
 * The image dataset's recipe. It is the studio's one `recipe` (and `plan`) while an image dataset
 * is loaded without a table, so the Model, Train and Evaluate steps work on it unchanged; this
 * slice proposes it, edits its image steps, and keeps the resized pictures the run trains on.
 */
export const createImageRecipeSlice: Slice<ImageRecipeSlice> = (set, get, store) => {
  let labels = new Int32Array()
  let running: { key: string; promise: Promise<ResizedImages | null> } | null = null

  const imageRecipe = (): Recipe | null => {
    const recipe = get().recipe
    return recipe?.source.kind === 'images' ? recipe : null
  }
  const specOf = (recipe: Recipe): ResizeSpec | null => {
    try {
      const { width, height, channels, fit } = resizeStepOf(recipe)
      return { width, height, channels, fit }
    } catch {
      return null
    }
  }
  const matching = (recipe: Recipe, pictures: ResizedImages | null) => {
    const spec = specOf(recipe)
    return spec && pictures && resizeKey({ ...pictures, fit: spec.fit }) === resizeKey(spec)
      ? pictures
      : null
  }

  /** Sets the recipe and its plan; a finished run no longer matches it. */
  const publish = (recipe: Recipe) => {
    get().resetTraining()
    const pictures = matching(recipe, get().imagePictures)
    set({ recipe, plan: planImageRecipe(recipe, labels, pictures), imagePictures: pictures })
    if (!pictures) void get().prepareImagePictures()
  }
  const editSteps = (change: (recipe: Recipe) => Recipe) => {
    const recipe = imageRecipe()
    if (recipe) publish(change(recipe))
  }

  /** A new image dataset (and no table): look at a few pictures, then propose its recipe. */
  let adopted: ImageDataset | null = null
  const adopt = async (dataset: ImageDataset) => {
    adopted = dataset
    labels = labelsOf(dataset)
    running = null
    set({ imagePictures: null, imagePrepareError: null, imagePreparing: null })
    const probe = dataset.classes.flatMap((_, k) =>
      dataset.images
        .filter((image) => image.classIndex === k)
        .slice(0, PROBE_PER_CLASS)
        .map((image) => image.blob),
    )
    let grey: boolean
    try {
      grey = await probeGreyInWorker(probe)
    } catch (error) {
      if (error instanceof PrepareSuperseded) return
      grey = false
    }
    if (adopted !== dataset || get().dataset) return
    const seed = get().recipe?.seed ?? 42
    publish(proposeImageRecipe(dataset, { seed, grey }))
  }
  store.subscribe((state, previous) => {
    if (state.imageDataset === previous.imageDataset && state.dataset === previous.dataset) return
    const dataset = state.imageDataset
    if (dataset && !state.dataset && dataset !== adopted) void adopt(dataset)
  })

  return {
    imagePictures: null,
    imagePreparing: null,
    imagePrepareError: null,
    setImageResize: (change) =>
      editSteps((recipe) => ({
        ...recipe,
        // The auto recipe's reason no longer holds once the analyst changes the step.
        steps: recipe.steps.map((s) => {
          if (s.op !== 'image-resize') return s
          const edited = { ...s, ...change }
          delete edited.why
          return edited
        }),
      })),
    setImageNormalise: (method) =>
      editSteps((recipe) => ({
        ...recipe,
        steps: recipe.steps.map((s) =>
          s.op === 'image-normalise' ? { id: s.id, enabled: s.enabled, op: s.op, method } : s,
        ),
      })),
    setImageSeed: (seed) => {
      if (Number.isInteger(seed)) editSteps((recipe) => ({ ...recipe, seed }))
    },
    prepareImagePictures: () => {
      const recipe = imageRecipe()
      const dataset = get().imageDataset
      const spec = recipe && specOf(recipe)
      if (!recipe || !dataset || !spec) return Promise.resolve(null)
      const ready = matching(recipe, get().imagePictures)
      if (ready) return Promise.resolve(ready)
      const key = resizeKey(spec)
      if (running?.key === key) return running.promise
      set({ imagePreparing: { done: 0, total: dataset.images.length }, imagePrepareError: null })
      const blobs = dataset.images.map((image) => image.blob)
      const promise = resizeInWorker(blobs, labels, spec, (done, total) => {
        if (running?.key === key) set({ imagePreparing: { done, total } })
      }).then(
        (pictures) => {
          if (running?.key !== key) return null
          running = null
          const current = imageRecipe()
          set({
            imagePictures: pictures,
            imagePreparing: null,
            ...(current && { plan: planImageRecipe(current, labels, matching(current, pictures)) }),
          })
          return pictures
        },
        (error: unknown) => {
          if (error instanceof PrepareSuperseded || running?.key !== key) return null
          running = null
          set({
            imagePreparing: null,
            imagePrepareError: `The pictures could not be resized: ${error instanceof Error ? error.message : String(error)}`,
          })
          return null
        },
      )
      running = { key, promise }
      return promise
    },
  }
}
