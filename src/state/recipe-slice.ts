import {
  addStep,
  moveStep,
  removeStep,
  replaceStep,
  setStepEnabled,
  type StepDraft,
} from '../core/recipe/edit-steps'
import { planRecipe, type RecipePlan } from '../core/recipe/pipeline/plan'
import { proposeChoices, proposeRecipe, proposeSteps } from '../core/recipe/propose'
import type { BalanceSpec, Recipe, SplitSpec } from '../core/recipe/recipe-schema'
import type { Step } from '../core/recipe/step-schema'
import { detectTask, type TaskDetection } from '../core/recipe/task'
import { findColumn, type Table } from '../core/table/table'
import type { TrainConfig } from '../core/train/train-config'
import { PrepareClient } from '../workers/prepare-client'
import type { PlanProgress } from '../workers/prepare-protocol'
import { createPlanScheduler, type ScheduledRun } from './plan-scheduler'
import type { Slice } from './slice'

export type { PlanProgress, RecipePlan }

export interface RecipeSlice {
  targetColumn: string | null
  detection: TaskDetection | null
  /** The recipe as the analyst edits it (steps unfitted). */
  recipe: Recipe | null
  /**
   * The recipe prepared on the data: fitted steps, split sizes, previews, or the first error.
   * While a newer recipe is being planned this is still the previous recipe's plan.
   */
  plan: RecipePlan | null
  /** True while the current recipe is being planned (in a worker where the page has one). */
  planning: boolean
  /** Which step the running plan has reached; null when none runs or it has not reported yet. */
  planProgress: PlanProgress | null
  chooseTarget: (column: string | null) => void
  setSeed: (seed: number) => void
  /** Puts a whole recipe back (a restored run) and plans it; training state is the caller's. */
  restoreRecipe: (recipe: Recipe) => void
  setTrainConfig: (config: Partial<TrainConfig>) => void
  addStep: (draft: StepDraft, at?: number) => void
  updateStep: (id: string, step: Step) => void
  removeStep: (id: string) => void
  moveStep: (id: string, by: -1 | 1) => void
  setStepEnabled: (id: string, enabled: boolean) => void
  setSplit: (split: Partial<SplitSpec>) => void
  setBalance: (balance: BalanceSpec) => void
  /** Replaces the steps with the auto recipe for the data and target. */
  proposeSteps: () => void
}

/** True when the recipe prepares cleanly: training and the Model step can use it. */
export function planReady(plan: RecipePlan | null): plan is RecipePlan {
  return plan !== null && plan.error === null
}

/** A plan standing for a preparation that could not run at all (the worker failed). */
function failedPlan(recipe: Recipe, message: string): RecipePlan {
  return {
    recipe,
    classWeights: null,
    droppedMissingTarget: 0,
    droppedMissingOrder: 0,
    reports: [],
    previews: [],
    notes: [],
    error: { stepId: null, message },
    rows: { train: 0, validation: 0, test: 0 },
    inputs: 0,
  }
}

interface PlanInput {
  readonly recipe: Recipe
  readonly table: Table
}

export const createRecipeSlice: Slice<RecipeSlice> = (set, get) => {
  // Plans run in a worker that keeps the table; where there is no Worker (unit tests in Node)
  // they run in place, synchronously.
  const hasWorker = typeof Worker !== 'undefined'
  let client: PrepareClient | null = null
  const runInWorker = (
    { recipe, table }: PlanInput,
    onProgress: (progress: PlanProgress) => void,
  ): ScheduledRun<RecipePlan> => {
    const controller = new AbortController()
    client ??= new PrepareClient()
    return {
      result: client.plan(recipe, table, { onProgress, signal: controller.signal }),
      cancel: () => controller.abort(),
    }
  }
  let planned: PlanInput | null = null
  const scheduler = createPlanScheduler<PlanInput, PlanProgress, RecipePlan>({
    run: (input, onProgress) => {
      planned = input
      return runInWorker(input, onProgress)
    },
    onProgress: (planProgress) => set({ planProgress }),
    onResult: (plan) => set({ plan, planning: false, planProgress: null }),
    onError: (error) => {
      const recipe = planned?.recipe ?? get().recipe
      const message = error instanceof Error ? error.message : String(error)
      set({
        plan: recipe ? failedPlan(recipe, message) : null,
        planning: false,
        planProgress: null,
      })
    },
  })

  /**
   * Re-plans after any recipe change; an impossible recipe keeps its message in the plan. Only
   * the newest recipe's plan lands. `keepPlan`: an edit of the same data and target, whose
   * previous plan stays on screen while the new one is prepared.
   */
  const replan = (recipe: Recipe | null, keepPlan = false) => {
    const table = get().dataset?.table
    if (!recipe || !table) {
      scheduler.cancel()
      return set({ recipe, plan: null, planning: false, planProgress: null })
    }
    if (!hasWorker) {
      return set({ recipe, plan: planRecipe(recipe, table), planning: false, planProgress: null })
    }
    set(
      keepPlan
        ? { recipe, planning: true, planProgress: null }
        : { recipe, plan: null, planning: true, planProgress: null },
    )
    scheduler.request({ recipe, table })
  }
  /** Changes the recipe's preparation; a finished run no longer matches it. */
  const edit = (change: (recipe: Recipe) => Recipe) => {
    const recipe = get().recipe
    if (!recipe) return
    get().resetTraining()
    replan(change(recipe), true)
  }
  return {
    targetColumn: null,
    detection: null,
    recipe: null,
    plan: null,
    planning: false,
    planProgress: null,
    chooseTarget: (column) => {
      const dataset = get().dataset
      get().resetTraining()
      if (!dataset || column === null) {
        set({ targetColumn: null, detection: null })
        return replan(null)
      }
      const detection = detectTask(findColumn(dataset.table, column))
      const seed = get().recipe?.seed ?? 42
      set({ targetColumn: column, detection })
      const previous = get().recipe
      const proposal =
        detection.task === null
          ? null
          : proposeRecipe(dataset.table, dataset.name, column, seed, dataset.types)
      // A network the analyst built on this data survives a change of target (its output head
      // follows the new task by itself); new data or a proposed network get a fresh proposal.
      const keepModel =
        previous !== null &&
        !previous.model.proposed &&
        previous.source.kind === 'table' &&
        previous.source.name === dataset.name
      replan(proposal && keepModel ? { ...proposal, model: previous.model } : proposal)
    },
    restoreRecipe: (recipe) => replan(recipe, true),
    setSeed: (seed) => {
      if (Number.isInteger(seed)) edit((recipe) => ({ ...recipe, seed }))
    },
    setTrainConfig: (config) => {
      const recipe = get().recipe
      if (recipe) set({ recipe: { ...recipe, training: { ...recipe.training, ...config } } })
    },
    addStep: (draft, at) => edit((r) => ({ ...r, steps: addStep(r.steps, draft, at) })),
    updateStep: (id, step) => edit((r) => ({ ...r, steps: replaceStep(r.steps, id, step) })),
    removeStep: (id) => edit((r) => ({ ...r, steps: removeStep(r.steps, id) })),
    moveStep: (id, by) => edit((r) => ({ ...r, steps: moveStep(r.steps, id, by) })),
    setStepEnabled: (id, enabled) =>
      edit((r) => ({ ...r, steps: setStepEnabled(r.steps, id, enabled) })),
    setSplit: (split) => edit((r) => ({ ...r, split: { ...r.split, ...split } })),
    setBalance: (balance) => edit((r) => ({ ...r, balance })),
    proposeSteps: () => {
      const dataset = get().dataset
      if (!dataset) return
      // The split and balance come with the steps: windows need a chronological split.
      edit((r) => {
        const { split, balance } = proposeChoices(dataset.table, r.target.column, dataset.types)
        return {
          ...r,
          steps: proposeSteps(dataset.table, r.target.column, dataset.types),
          split,
          balance,
        }
      })
    },
  }
}
