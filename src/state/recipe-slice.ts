import {
  addStep,
  moveStep,
  removeStep,
  replaceStep,
  setStepEnabled,
  type StepDraft,
} from '../core/recipe/edit-steps'
import { planRecipe, type RecipePlan } from '../core/recipe/pipeline/plan'
import { proposeRecipe, proposeSteps } from '../core/recipe/propose'
import type { BalanceSpec, Recipe, SplitSpec } from '../core/recipe/recipe-schema'
import type { Step } from '../core/recipe/step-schema'
import { detectTask, type TaskDetection } from '../core/recipe/task'
import type { LayerSpec } from '../core/model/model-spec'
import { findColumn } from '../core/table/table'
import type { TrainConfig } from '../core/train/train-config'
import type { Slice } from './slice'

export type { RecipePlan }

export interface RecipeSlice {
  targetColumn: string | null
  detection: TaskDetection | null
  /** The recipe as the analyst edits it (steps unfitted). */
  recipe: Recipe | null
  /** The recipe prepared on the data: fitted steps, split sizes, previews, or the first error. */
  plan: RecipePlan | null
  chooseTarget: (column: string | null) => void
  setSeed: (seed: number) => void
  setTrainConfig: (config: Partial<TrainConfig>) => void
  setLayer: (index: number, layer: LayerSpec) => void
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

export const createRecipeSlice: Slice<RecipeSlice> = (set, get) => {
  /** Re-plans after any recipe change; an impossible recipe keeps its message in the plan. */
  const replan = (recipe: Recipe | null) => {
    const table = get().dataset?.table
    if (!recipe || !table) return set({ recipe, plan: null })
    set({ recipe, plan: planRecipe(recipe, table) })
  }
  /** Changes the recipe's preparation; a finished run no longer matches it. */
  const edit = (change: (recipe: Recipe) => Recipe) => {
    const recipe = get().recipe
    if (!recipe) return
    get().resetTraining()
    replan(change(recipe))
  }
  return {
    targetColumn: null,
    detection: null,
    recipe: null,
    plan: null,
    chooseTarget: (column) => {
      const dataset = get().dataset
      get().resetTraining()
      if (!dataset || column === null)
        return set({ targetColumn: null, detection: null, recipe: null, plan: null })
      const detection = detectTask(findColumn(dataset.table, column))
      const seed = get().recipe?.seed ?? 42
      set({ targetColumn: column, detection })
      replan(
        detection.task === null
          ? null
          : proposeRecipe(dataset.table, dataset.name, column, seed, dataset.types),
      )
    },
    setSeed: (seed) => {
      if (Number.isInteger(seed)) edit((recipe) => ({ ...recipe, seed }))
    },
    setTrainConfig: (config) => {
      const recipe = get().recipe
      if (recipe) set({ recipe: { ...recipe, training: { ...recipe.training, ...config } } })
    },
    setLayer: (index, layer) => {
      const recipe = get().recipe
      if (!recipe) return
      const layers = recipe.model.layers.map((l, i) => (i === index ? layer : l))
      set({ recipe: { ...recipe, model: { ...recipe.model, layers } } })
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
      edit((r) => ({ ...r, steps: proposeSteps(dataset.table, r.target.column, dataset.types) }))
    },
  }
}
