import type { InputColumn } from '../core/export/input-schema'
import { MAX_BUNDLE_BYTES } from '../core/export/import/bundle-checks'
import type { WarmStart } from '../core/train/warm-start'
import { openBundleInWorker } from '../workers/open-bundle-client'
import type { Slice } from './slice'

/** A bundle opened on the Deploy step: what the studio knows of it beyond the run it became. */
export interface OpenedBundleInfo {
  readonly fileName: string
  /** The bundle's input columns, for predicting when its data is not loaded. */
  readonly inputSchema: readonly InputColumn[] | null
  /** Why the model was not tested on the loaded data, or null when it was. */
  readonly notTested: string | null
}

export interface ImportSlice {
  /** Weights the next run starts from instead of fresh ones (an opened bundle, a Keras model). */
  warmStart: WarmStart | null
  openedBundle: OpenedBundleInfo | null
  importing: boolean
  importError: string | null
  openBundle: (file: File) => Promise<void>
  /** The next run starts from fresh weights again. */
  clearWarmStart: () => void
  dismissImportError: () => void
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
    const busy = get().trainingStatus
    if (busy === 'starting' || busy === 'training' || busy === 'paused' || busy === 'stopping')
      return set({ importError: 'Stop the training under way before opening a bundle.' })
    if (file.size > MAX_BUNDLE_BYTES)
      return set({
        importError: `${file.name} is ${Math.round(file.size / 2 ** 20)} MB; the studio opens bundles up to ${MAX_BUNDLE_BYTES / 2 ** 20} MB.`,
      })
    set({ importing: true, importError: null })
    const dataset = get().dataset
    let opened: Awaited<ReturnType<typeof openBundleInWorker>>
    try {
      opened = await openBundleInWorker({
        zip: await file.arrayBuffer(),
        table: dataset?.table ?? null,
      })
    } catch (error) {
      return set({ importing: false, importError: `${file.name}: ${messageOf(error)}` })
    }
    const { bundle, run, notTested } = opened
    if (notTested === null) {
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
  clearWarmStart: () => set({ warmStart: null }),
  dismissImportError: () => set({ importError: null }),
})
