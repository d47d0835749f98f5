import type { InputColumn } from '../core/export/input-schema'
import { expectedWeightBytes, MAX_BUNDLE_BYTES } from '../core/export/import/bundle-checks'
import { readKerasModel, type KerasImport } from '../core/export/import/keras-model'
import type { WarmStart } from '../core/train/warm-start'
import { planImageRecipe } from '../core/images/prepare/plan-images'
import { openBundleInWorker } from '../workers/open-bundle-client'
import { planReady } from './recipe-slice'
import type { Slice } from './slice'
import type { TrainingStatus } from './training-slice'

/** A bundle opened on the Deploy step: what the studio knows of it beyond the run it became. */
export interface OpenedBundleInfo {
  readonly fileName: string
  /** The bundle's input columns, for predicting when its data is not loaded. */
  readonly inputSchema: readonly InputColumn[] | null
  /** Why the model was not tested on the loaded data, or null when it was. */
  readonly notTested: string | null
}

/** A Keras model imported for fine-tuning: what the Import tab says of it. */
export interface KerasImportInfo {
  readonly fileName: string
  readonly layers: number
  /** The Keras output layer fits the target and keeps its weights. */
  readonly outputKept: boolean
  readonly notes: readonly string[]
}

export interface ImportSlice {
  /** Weights the next run starts from instead of fresh ones (an opened bundle, a Keras model). */
  warmStart: WarmStart | null
  openedBundle: OpenedBundleInfo | null
  importing: boolean
  importError: string | null
  openBundle: (file: File) => Promise<void>
  kerasImport: KerasImportInfo | null
  kerasError: string | null
  /** model.json and its .bin shards, converted from Keras, to fine-tune on the loaded data. */
  importKeras: (files: readonly File[]) => Promise<void>
  /** The next run starts from fresh weights again. */
  clearWarmStart: () => void
  dismissImportError: () => void
}

function isTraining(status: TrainingStatus): boolean {
  return (
    status === 'starting' || status === 'training' || status === 'paused' || status === 'stopping'
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export const createImportSlice: Slice<ImportSlice> = (set, get) => ({
  warmStart: null,
  openedBundle: null,
  importing: false,
  importError: null,
  openBundle: async (file) => {
    if (isTraining(get().trainingStatus))
      return set({ importError: 'Stop the training under way before opening a bundle.' })
    if (file.size > MAX_BUNDLE_BYTES)
      return set({
        importError: `${file.name} is ${Math.round(file.size / 2 ** 20)} MB; the studio opens bundles up to ${MAX_BUNDLE_BYTES / 2 ** 20} MB.`,
      })
    set({ importing: true, importError: null })
    const { dataset, imageDataset, imagePictures } = get()
    // A picture dataset counts while no table is loaded, as for training on it.
    const pictures =
      !dataset && imageDataset
        ? {
            classes: imageDataset.classes.map((c) => c.name),
            blobs: imageDataset.images.map((image) => image.blob),
            labels: Int32Array.from(imageDataset.images, (image) => image.classIndex),
            resized: imagePictures,
          }
        : null
    let opened: Awaited<ReturnType<typeof openBundleInWorker>>
    try {
      opened = await openBundleInWorker({
        zip: await file.arrayBuffer(),
        table: dataset?.table ?? null,
        pictures,
      })
    } catch (error) {
      return set({ importing: false, importError: `${file.name}: ${messageOf(error)}` })
    }
    const { bundle, run, notTested, images } = opened
    if (notTested === null && pictures && bundle.recipe.source.kind === 'images') {
      // Tested on the loaded pictures: the bundle's recipe becomes the image recipe (its resize
      // and normalisation), with the pictures it was tested on, so training goes on from it.
      set({
        recipe: bundle.recipe,
        plan: planImageRecipe(bundle.recipe, pictures.labels, images),
        imagePictures: images,
        imagePreparing: null,
        imagePrepareError: null,
      })
    } else if (notTested === null) {
      // Tested on the loaded data: the recipe goes back into the editor so the model can be
      // trained further, from its own weights.
      if (get().recipe?.target.column !== bundle.recipe.target.column)
        get().chooseTarget(bundle.recipe.target.column)
      get().restoreRecipe(bundle.recipe)
    }
    set({
      trainingStatus: 'done',
      trained: { ...run, leakedTensors: 0 },
      epochs: [],
      trainingError: null,
      currentRunId: null,
      runEnd: null,
      warmStart:
        notTested === null ? { name: file.name, model: bundle.model, newHeadAllowed: false } : null,
      openedBundle: { fileName: file.name, inputSchema: bundle.inputSchema, notTested },
      importing: false,
    })
  },
  kerasImport: null,
  kerasError: null,
  importKeras: async (files) => {
    if (isTraining(get().trainingStatus))
      return set({ kerasError: 'Stop the training under way before importing a model.' })
    const { recipe, plan } = get()
    if (!recipe || recipe.source.kind !== 'table' || !planReady(plan))
      return set({
        kerasError:
          'Load the data to fine-tune on and choose its target first: the imported model is trained further on it.',
      })
    const json = files.find((f) => f.name.toLowerCase().endsWith('.json'))
    if (!json)
      return set({ kerasError: 'Choose the model.json file together with its .bin weight files.' })
    let keras: KerasImport
    try {
      const shards = new Map<string, Uint8Array>()
      for (const file of files)
        if (file !== json) shards.set(file.name, new Uint8Array(await file.arrayBuffer()))
      keras = readKerasModel(await json.text(), shards)
      const expected = expectedWeightBytes(keras.files.modelJson)
      if (expected !== keras.files.weights.byteLength)
        throw new Error(
          `The weight files hold ${keras.files.weights.byteLength.toLocaleString('en')} bytes but model.json needs ${expected.toLocaleString('en')}: a file is damaged or missing.`,
        )
    } catch (error) {
      return set({ kerasError: `${json.name}: ${messageOf(error)}` })
    }
    if (keras.inputWidth !== plan.inputs)
      return set({
        kerasError: `The imported model takes ${keras.inputWidth} inputs per row, but the prepared ${recipe.source.name} gives ${plan.inputs}. Prepare the inputs it was trained on (the Prepare step lists them), then import it again.`,
      })
    const width =
      recipe.target.task === 'multiclass' ? (plan.recipe.target.classes?.length ?? 0) : 1
    get().replaceLayers(keras.layers)
    set({
      warmStart: { name: json.name, model: keras.files, newHeadAllowed: true },
      kerasImport: {
        fileName: json.name,
        layers: keras.layers.length,
        outputKept: keras.output.units === width,
        notes: keras.notes,
      },
      kerasError: null,
    })
  },
  clearWarmStart: () => set({ warmStart: null }),
  dismissImportError: () => set({ importError: null }),
})
