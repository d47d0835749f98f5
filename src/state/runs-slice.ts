import { runsStore } from '../core/project/stores'
import type { Recipe } from '../core/recipe/recipe-schema'
import { encodeTarget } from '../core/recipe/transform'
import type { Table } from '../core/table/table'
import {
  buildRunRecord,
  newestFirst,
  nextRunNumber,
  runSummaryOf,
  type RunStart,
  type RunSummary,
} from '../core/train/run-history'
import type { RunRecord } from '../core/train/run-record'
import type { Slice } from './slice'
import type { StudioState } from './studio-store'
import type { TrainedModel } from './training-slice'

export interface RunsSlice {
  /** Every finished run kept, newest first, without weights (those stay in IndexedDB). */
  runs: RunSummary[]
  /** False until the history saved by earlier visits has been read. */
  runsLoaded: boolean
  /** False where the browser keeps no IndexedDB: the history then lasts this session only. */
  runsPersistent: boolean
  runsError: string | null
  /** Runs ticked for the side-by-side comparison, in the order they were ticked. */
  pickedRunIds: string[]
  /** The run whose model Evaluate and Deploy show now; null once training starts or is reset. */
  currentRunId: string | null
  /** The run being read back from IndexedDB for Restore. */
  restoringRunId: string | null
  togglePickedRun: (id: string) => void
  clearPickedRuns: () => void
  restoreRun: (id: string) => Promise<void>
  deleteRun: (id: string) => Promise<void>
  dismissRunsError: () => void
  /** Reads the runs of the project just opened (the history shows that project's runs only). */
  loadRuns: (projectId: string) => Promise<void>
}

const BUSY = ['starting', 'training', 'paused', 'stopping']

/** Why a run cannot be restored now (null when it can), in words for the button's tooltip. */
export function restoreBlockedReason(state: StudioState, run: RunSummary): string | null {
  if (BUSY.includes(state.trainingStatus)) {
    return 'Training is under way: stop it or let it finish before restoring a run.'
  }
  const source = state.recipe?.source
  const data = run.recipe.source
  if (!source || source.kind !== data.kind || source.name !== data.name) {
    return `Run ${run.number} was trained on ${run.datasetName}: load that data on the Data step to restore it.`
  }
  return null
}

/** A stored run as the current result, the shape the training slice gives a run that just ended. */
function trainedOf(record: RunRecord, table: Table | null): TrainedModel {
  // Spread so the record's stop reason reaches the page wherever the training slice keeps one.
  const why = { stopReason: record.stopReason, restoredEpoch: record.restoredEpoch }
  return {
    ...why,
    recipe: record.fittedRecipe,
    backend: record.backend,
    epochs: record.epochs,
    stoppedEarly: record.stopReason === 'stopped',
    testRows: record.testRows,
    testLabels: record.testLabels ?? labelsOf(record, table),
    testOutputs: record.testOutputs,
    metrics: record.metrics,
    baselineMetrics: record.baselineMetrics,
    linearBaselineMetrics: record.linearBaselineMetrics ?? null,
    model: record.model,
    // Restoring creates no tensors: nothing of the run lives in TensorFlow.js until it predicts.
    leakedTensors: 0,
  }
}

/** A record saved before runs kept their test labels: read from the same data, loaded again. */
function labelsOf(record: RunRecord, table: Table | null): Float32Array {
  if (!table || record.fittedRecipe.source.kind !== 'table') return new Float32Array(0)
  return encodeTarget(record.fittedRecipe, table, record.testRows)
}

/** What a plan depends on: two recipes alike here prepare the same rows. */
function preparationOf(recipe: Recipe): string {
  const { source, target, steps, split, balance, seed } = recipe
  return JSON.stringify([source, target, steps, split, balance, seed])
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export const createRunsSlice: Slice<RunsSlice> = (set, get, store) => {
  /** Records whose save failed (storage full): restorable until the page closes. */
  const unsaved = new Map<string, RunRecord>()
  let loaded: Promise<void> = Promise.resolve()
  const loadRuns = (projectId: string) => {
    set({ runs: [], runsLoaded: false, pickedRunIds: [], currentRunId: null, runsError: null })
    loaded = runsStore.list(projectId).then(
      (records) => {
        if (get().projectId !== projectId) return
        // Runs recorded while the history was being read stay beside the ones read.
        const recorded = get().runs.filter((run) => !records.some((r) => r.id === run.id))
        set({ runs: newestFirst([...records.map(runSummaryOf), ...recorded]), runsLoaded: true })
      },
      (error: unknown) =>
        set({
          runsLoaded: true,
          runsError: `The run history saved in this browser could not be read (${messageOf(error)}). New runs are still kept; reload the page to try again.`,
        }),
    )
    return loaded
  }

  const record = async (
    trained: TrainedModel,
    start: RunStart & { projectId: string | undefined },
  ) => {
    await loaded
    const finishedAt = Date.now()
    const id = crypto.randomUUID()
    const number = nextRunNumber(get().runs)
    const kept = {
      ...buildRunRecord(trained, start, { id, number, finishedAt }),
      projectId: start.projectId,
    }
    // A newer run or a reset since the end means this model is no longer the one on screen.
    const current = get().trained === trained
    // Another project opened meanwhile: the run is kept in its own project, not listed here.
    if (get().projectId === (start.projectId ?? null))
      set({
        runs: newestFirst([runSummaryOf(kept), ...get().runs]),
        ...(current && { currentRunId: id }),
      })
    try {
      await runsStore.put(kept)
    } catch (error) {
      unsaved.set(id, kept)
      set({
        runsError: `Run ${number} could not be saved in this browser (${messageOf(error)}). It can be restored until the page closes; delete older runs to make room.`,
      })
    }
  }

  // Runs are recorded from the training slice's state rather than from inside it: the recipe is
  // taken as the run started, because the analyst may edit it while the run trains.
  let start: (RunStart & { projectId: string | undefined }) | null = null
  store.subscribe((state, previous) => {
    const status = state.trainingStatus
    if (status === 'starting' && previous.trainingStatus !== 'starting' && !start && state.recipe) {
      // The project it started in, even if the analyst opens another before it ends.
      start = {
        recipe: state.recipe,
        startedAt: Date.now(),
        projectId: state.projectId ?? undefined,
      }
    }
    if (status === 'done' && state.trained && state.trained !== previous.trained && start) {
      void record(state.trained, start)
      start = null
    }
    if (status === 'idle' || status === 'error') start = null
    if (!state.trained && state.currentRunId) set({ currentRunId: null })
  })

  /** Puts the run's recipe in the editor; the data is prepared again only where it must be. */
  const putRecipeBack = (recipe: Recipe) => {
    const current = get().recipe
    if (recipe.source.kind === 'table' && current?.target.column !== recipe.target.column) {
      get().chooseTarget(recipe.target.column)
    }
    const samePreparation = current !== null && preparationOf(current) === preparationOf(recipe)
    // The same preparation needs no new plan: the one on screen is the run's.
    if (samePreparation) set({ recipe })
    else get().restoreRecipe(recipe)
  }

  return {
    runs: [],
    runsLoaded: false,
    runsPersistent: runsStore.persistent,
    runsError: null,
    pickedRunIds: [],
    currentRunId: null,
    restoringRunId: null,
    togglePickedRun: (id) => {
      const picked = get().pickedRunIds
      set({
        pickedRunIds: picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id],
      })
    },
    clearPickedRuns: () => set({ pickedRunIds: [] }),
    dismissRunsError: () => set({ runsError: null }),
    loadRuns,
    restoreRun: async (id) => {
      const run = get().runs.find((r) => r.id === id)
      if (!run || get().restoringRunId) return
      const blocked = restoreBlockedReason(get(), run)
      if (blocked) return set({ runsError: blocked })
      set({ restoringRunId: id })
      let kept: RunRecord | undefined
      try {
        kept = unsaved.get(id) ?? (await runsStore.get(id))
      } catch (error) {
        return set({
          restoringRunId: null,
          runsError: `Run ${run.number} could not be read back (${messageOf(error)}). Reload the page and try again.`,
        })
      }
      // Training may have started while the record was read.
      const late = restoreBlockedReason(get(), run)
      if (!kept || late) {
        return set({
          restoringRunId: null,
          runsError:
            late ??
            `Run ${run.number} is no longer stored in this browser (another tab may have deleted it). Reload the page to see the runs kept.`,
        })
      }
      putRecipeBack(kept.recipe)
      set({
        trainingStatus: 'done',
        trained: trainedOf(kept, get().dataset?.table ?? null),
        epochs: kept.epochs,
        backendChoice: { backend: kept.backend, requested: kept.backend, probes: [], notes: [] },
        tensorsInUse: null,
        trainingError: null,
        currentRunId: id,
        restoringRunId: null,
        runsError: null,
      })
    },
    deleteRun: async (id) => {
      const run = get().runs.find((r) => r.id === id)
      if (!run) return
      try {
        await runsStore.remove(id)
      } catch (error) {
        return set({
          runsError: `Run ${run.number} could not be deleted (${messageOf(error)}). Reload the page and try again.`,
        })
      }
      unsaved.delete(id)
      set({
        runs: get().runs.filter((r) => r.id !== id),
        pickedRunIds: get().pickedRunIds.filter((p) => p !== id),
        ...(get().currentRunId === id && { currentRunId: null }),
      })
    },
  }
}
