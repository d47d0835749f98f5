import { fitRecipe } from '../core/recipe/fit'
import { proposeRecipe } from '../core/recipe/propose'
import type { Recipe } from '../core/recipe/recipe-schema'
import { splitRows, type SplitRows } from '../core/recipe/split'
import { detectTask, type TaskDetection } from '../core/recipe/task'
import type { LayerSpec } from '../core/model/model-spec'
import { findColumn } from '../core/table/table'
import type { TrainConfig } from '../core/train/train-config'
import type { Slice } from './slice'

/** The recipe as it will be fitted: split sizes and fitted widths, shown before training. */
export interface RecipePlan {
  readonly split: SplitRows
  readonly fitted: Recipe
}

export interface RecipeSlice {
  targetColumn: string | null
  detection: TaskDetection | null
  recipe: Recipe | null
  plan: RecipePlan | null
  chooseTarget: (column: string | null) => void
  setSeed: (seed: number) => void
  setTrainConfig: (config: Partial<TrainConfig>) => void
  setLayer: (index: number, layer: LayerSpec) => void
}

export const createRecipeSlice: Slice<RecipeSlice> = (set, get) => {
  /** Re-plans after any recipe change; an impossible recipe keeps the message, not a stale plan. */
  const replan = (recipe: Recipe | null) => {
    const table = get().dataset?.table
    if (!recipe || !table) return set({ recipe, plan: null })
    const split = splitRows(table, recipe)
    set({ recipe, plan: { split, fitted: fitRecipe(recipe, table, split.train) } })
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
      const recipe = get().recipe
      if (recipe && Number.isInteger(seed)) replan({ ...recipe, seed })
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
  }
}
