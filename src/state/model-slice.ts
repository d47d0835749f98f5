import { checkModel, type ModelCheck } from '../core/model/check-model'
import { outputHead } from '../core/model/head'
import { freshLayerId, newLayer } from '../core/model/layer-catalogue'
import type {
  LayerSpec,
  LayerType,
  ModelSpec,
  RegressionLoss,
  TemplateId,
} from '../core/model/model-spec'
import { proposeModel, templateSpec } from '../core/model/templates'
import { modelInputOf } from '../core/recipe/model-input'
import type { Recipe } from '../core/recipe/recipe-schema'
import { planReady, type RecipePlan } from './recipe-slice'
import type { Slice } from './slice'

/** Edits kept for undo: enough for a long session, bounded so a project never grows with them. */
export const MODEL_HISTORY_LIMIT = 100

export interface ModelSlice {
  /** Earlier specs, oldest first (undo pops the last). */
  modelPast: readonly ModelSpec[]
  /** Specs undone, most recently undone last (redo pops it). */
  modelFuture: readonly ModelSpec[]
  canUndoModel: boolean
  canRedoModel: boolean
  /** Adds a layer of `type` with the catalogue's defaults at `at` (the end when left out); its id. */
  addLayer: (type: LayerType, at?: number) => string | null
  moveLayer: (id: string, toIndex: number) => void
  updateLayer: (id: string, layer: LayerSpec) => void
  removeLayer: (id: string) => void
  applyTemplate: (template: TemplateId) => void
  /** Replaces every hidden layer (an imported Keras model), as one edit the analyst can undo. */
  replaceLayers: (layers: LayerSpec[]) => void
  setRegressionLoss: (loss: RegressionLoss, huberDelta?: number) => void
  undoModel: () => void
  redoModel: () => void
}

/**
 * The network checked against what the prepared data gives it; null while the recipe has no
 * clean plan (nothing to check against yet). The model is the editing recipe's, the input and
 * target are the plan's: a model edit does not wait for the data to be prepared again.
 */
let lastCheck: { model: Recipe['model']; plan: RecipePlan; check: ModelCheck } | null = null

export function modelCheckOf(recipe: Recipe | null, plan: RecipePlan | null): ModelCheck | null {
  if (!recipe || !planReady(plan)) return null
  // Store selectors call this on every store change (several a second while training): the last
  // answer is kept for the same spec and plan.
  if (lastCheck?.model === recipe.model && lastCheck.plan === plan) return lastCheck.check
  const check = checkModel(
    recipe.model,
    modelInputOf(plan.recipe),
    outputHead(plan.recipe.target, recipe.model),
  )
  lastCheck = { model: recipe.model, plan, check }
  return check
}

const NO_HISTORY = {
  modelPast: [],
  modelFuture: [],
  canUndoModel: false,
  canRedoModel: false,
} as const satisfies Partial<ModelSlice>

export const createModelSlice: Slice<ModelSlice> = (set, get, store) => {
  const setModel = (model: ModelSpec) => {
    const recipe = get().recipe
    if (recipe) set({ recipe: { ...recipe, model } })
  }
  /**
   * An analyst's edit: remembered for undo and no longer the studio's proposal. The model is not
   * part of preparation, so the data is not planned again; a finished run stays, as it did when
   * layers were edited before this slice (the Train step trains the current recipe on Start).
   */
  const edit = (change: (model: ModelSpec) => ModelSpec) => {
    const model = get().recipe?.model
    if (!model) return
    const next = { ...change(model), proposed: false }
    const modelPast = [...get().modelPast, model].slice(-MODEL_HISTORY_LIMIT)
    set({ modelPast, modelFuture: [], canUndoModel: true, canRedoModel: false })
    setModel(next)
  }
  const editLayers = (change: (layers: LayerSpec[]) => LayerSpec[]) =>
    edit((model) => ({ ...model, layers: change([...model.layers]) }))

  // The model follows the data while it is the studio's proposal: when a new plan lands (a text
  // column tokenised, windows added), the proposal for its input replaces it.
  store.subscribe((state, previous) => {
    // Undo stays within one dataset: an older network was built for other inputs. (A network
    // survives a change of target on the same data, so its history does too.)
    const history = state.modelPast.length > 0 || state.modelFuture.length > 0
    if (state.dataset !== previous.dataset && history) set(NO_HISTORY)
    const { plan, recipe } = state
    if (plan === previous.plan || !recipe?.model.proposed || !planReady(plan)) return
    setModel(proposeModel(modelInputOf(plan.recipe), recipe.model))
  })

  return {
    ...NO_HISTORY,
    replaceLayers: (layers) => edit((model) => ({ ...model, template: null, layers: [...layers] })),
    addLayer: (type, at) => {
      const layers = get().recipe?.model.layers
      if (!layers) return null
      const id = freshLayerId(layers)
      const index = Math.max(0, Math.min(at ?? layers.length, layers.length))
      editLayers((all) => {
        all.splice(index, 0, newLayer(type, id))
        return all
      })
      return id
    },
    moveLayer: (id, toIndex) =>
      editLayers((all) => {
        const from = all.findIndex((l) => l.id === id)
        const to = Math.max(0, Math.min(toIndex, all.length - 1))
        const [moved] = from >= 0 && from !== to ? all.splice(from, 1) : []
        if (moved) all.splice(to, 0, moved)
        return all
      }),
    updateLayer: (id, layer) =>
      editLayers((all) => all.map((l) => (l.id === id ? { ...layer, id } : l))),
    removeLayer: (id) => editLayers((all) => all.filter((l) => l.id !== id)),
    applyTemplate: (template) => {
      const plan = get().plan
      if (!planReady(plan)) return
      edit((model) => templateSpec(template, modelInputOf(plan.recipe), model))
    },
    setRegressionLoss: (regressionLoss, huberDelta) =>
      edit((model) => ({ ...model, regressionLoss, huberDelta: huberDelta ?? model.huberDelta })),
    undoModel: () => {
      const { modelPast, modelFuture, recipe } = get()
      const previous = modelPast.at(-1)
      if (!previous || !recipe) return
      const past = modelPast.slice(0, -1)
      const future = [...modelFuture, recipe.model]
      set({
        modelPast: past,
        modelFuture: future,
        canUndoModel: past.length > 0,
        canRedoModel: true,
      })
      setModel(previous)
    },
    redoModel: () => {
      const { modelPast, modelFuture, recipe } = get()
      const next = modelFuture.at(-1)
      if (!next || !recipe) return
      const future = modelFuture.slice(0, -1)
      const past = [...modelPast, recipe.model].slice(-MODEL_HISTORY_LIMIT)
      set({
        modelPast: past,
        modelFuture: future,
        canUndoModel: true,
        canRedoModel: future.length > 0,
      })
      setModel(next)
    },
  }
}
