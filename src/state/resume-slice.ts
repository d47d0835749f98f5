import { profileTable } from '../core/profile/profile-table'
import { inferColumnTypes } from '../core/table/infer-types'
import type { ActiveRun } from '../core/train/run-record'
import {
  findInterruptedRun,
  forgetActiveRun,
  type InterruptedRun,
} from '../workers/checkpoint-records'
import type { Slice } from './slice'

/** What the Train step offers about a run the last page left unfinished. */
export interface InterruptedRunOffer {
  readonly runId: string
  readonly datasetName: string
  /** Epochs completed at its last checkpoint, of how many. */
  readonly epoch: number
  readonly epochs: number
}

export interface ResumeSlice {
  interruptedRun: InterruptedRunOffer | null
  /** Set while `startTraining` picks up an interrupted run instead of starting afresh. */
  resumingRunId: string | null
  resumeError: string | null
  /** Looks in IndexedDB for a table run of the open project that stopped when the page closed. */
  findInterruptedRun: () => Promise<void>
  /** Puts the run's data and recipe back and trains on from its checkpoint. */
  resumeInterruptedRun: () => void
  /** Forgets the run and its checkpoint. */
  discardInterruptedRun: () => Promise<void>
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export const createResumeSlice: Slice<ResumeSlice> = (set, get) => {
  let found: ActiveRun | null = null

  /** The run's table as the Data step holds a loaded file (types inferred again, as on load). */
  const putDataBack = (run: ActiveRun) => {
    const types = inferColumnTypes(run.table)
    set({
      dataset: {
        name: run.datasetName,
        table: run.table,
        warnings: [],
        sampleId: null,
        types,
        inferredTypes: types,
        inferredTable: run.table,
        profile: profileTable(run.table, types),
        file: new Blob([]),
      },
      dataError: null,
    })
    // The target's task and a plan for the recipe as it was: Evaluate and Deploy read them.
    get().chooseTarget(run.recipe.target.column)
    set({ recipe: run.recipe })
    get().setSeed(run.recipe.seed)
  }

  const offerOf = ({ run, epoch }: InterruptedRun): InterruptedRunOffer => ({
    runId: run.runId,
    datasetName: run.datasetName,
    epoch,
    epochs: run.recipe.training.epochs,
  })

  return {
    interruptedRun: null,
    resumingRunId: null,
    resumeError: null,
    findInterruptedRun: async () => {
      try {
        const projectId = get().projectId
        const interrupted = await findInterruptedRun(projectId)
        // Other data loaded meanwhile wins: the offer would replace it.
        const loaded = get().dataset
        if (!interrupted || get().projectId !== projectId) return
        if (loaded && loaded.name !== interrupted.run.datasetName) return
        found = interrupted.run
        set({ interruptedRun: offerOf(interrupted), step: 'train' })
      } catch {
        // No IndexedDB (a private window may refuse it): nothing to offer.
      }
    },
    resumeInterruptedRun: () => {
      const run = found
      if (!run) return
      try {
        putDataBack(run)
        set({ interruptedRun: null, resumeError: null, resumingRunId: run.runId })
        get().startTraining()
      } catch (error) {
        set({
          resumeError: `Training of ${run.datasetName} could not be resumed (${messageOf(error)}). Load the data again and start training afresh.`,
        })
      } finally {
        set({ resumingRunId: null })
        found = null
      }
    },
    discardInterruptedRun: async () => {
      const offer = get().interruptedRun
      set({ interruptedRun: null, resumeError: null })
      found = null
      if (!offer) return
      try {
        await forgetActiveRun(offer.runId)
      } catch (error) {
        set({ resumeError: `The interrupted run could not be deleted (${messageOf(error)}).` })
      }
    },
  }
}
