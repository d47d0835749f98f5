import { checkModel, formatShape } from '../../model/check-model'
import { outputHead } from '../../model/head'
import { modelInputOf } from '../../recipe/model-input'
import type { Recipe } from '../../recipe/recipe-schema'
import type { SavedModelFiles } from '../model-files'

export interface LayerSummary {
  readonly name: string
  /** The TensorFlow.js class: Dense, Dropout, LSTM… */
  readonly type: string
  /** "(None, 64)"; "—" where it cannot be read. */
  readonly outputShape: string
  readonly params: number
}

export interface ModelSummary {
  readonly layers: readonly LayerSummary[]
  readonly totalParams: number
  /** "(None, 59)": one row's input as the network takes it. */
  readonly inputShape: string
}

interface TopologyLayer {
  class_name?: string
  config?: { name?: string; units?: number; batch_input_shape?: (number | null)[] }
}

interface ModelJson {
  modelTopology?: { config?: { layers?: TopologyLayer[] } | TopologyLayer[] }
  weightsManifest?: { weights: { name: string; shape: number[] }[] }[]
}

/**
 * The layers as Keras' `model.summary()` lists them, read from the files that ship (model.json's
 * topology and its weight shapes), so the card describes the model in the bundle, not the spec
 * it came from. Output shapes come from the recipe's model check, matched by layer name; a layer
 * the check does not know (an imported model) shows what its topology says, or "—".
 */
export function modelSummary(files: SavedModelFiles, recipe: Recipe): ModelSummary {
  const json = JSON.parse(files.modelJson) as ModelJson
  const config = json.modelTopology?.config
  const topology = (Array.isArray(config) ? config : (config?.layers ?? [])).filter(
    (l) => l.class_name !== 'InputLayer',
  )
  const weights = (json.weightsManifest ?? []).flatMap((g) => g.weights)
  const shapes = checkedShapes(recipe)
  const layers = topology.map((layer, i): LayerSummary => {
    const name = layer.config?.name ?? `layer_${i + 1}`
    const params = weights
      .filter((w) => w.name.startsWith(`${name}/`))
      .reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0)
    const units = layer.config?.units
    return {
      name,
      type: layer.class_name ?? 'Layer',
      outputShape: shapes.get(name) ?? (units === undefined ? '—' : formatShape([units])),
      params,
    }
  })
  const firstShape = topology[0]?.config?.batch_input_shape
  return {
    layers,
    totalParams: layers.reduce((n, l) => n + l.params, 0),
    inputShape: firstShape
      ? `(${firstShape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`
      : '—',
  }
}

function checkedShapes(recipe: Recipe): Map<string, string> {
  try {
    const check = checkModel(
      recipe.model,
      modelInputOf(recipe),
      outputHead(recipe.target, recipe.model),
    )
    return new Map(check.layers.map((l) => [l.name, formatShape(l.output)]))
  } catch {
    // A recipe the model check cannot read (an imported model): the topology has to do.
    return new Map()
  }
}
