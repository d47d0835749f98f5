import type { Recipe } from '../../recipe/recipe-schema'
import type { SavedModelFiles } from '../model-files'
import { encodeModel, GraphBuilder, tensorInput } from './onnx-graph'
import { networkOps } from './onnx-network'
import { preparationOps } from './onnx-prepare'

export interface OnnxInput {
  readonly name: string
  readonly type: 'float' | 'string'
  /** Values per row (1 for a raw column). */
  readonly width: number
}

export interface OnnxExport {
  readonly bytes: Uint8Array
  /** 'raw-columns': one graph input per raw column, preparation inside; 'features': prepared inputs. */
  readonly inputs: 'raw-columns' | 'features'
  readonly inputList: readonly OnnxInput[]
  readonly output: { readonly name: string; readonly meaning: string }
  /** Plain-language lines: the steps inside the graph, and those the caller must apply first. */
  readonly baked: readonly string[]
  readonly notBaked: readonly string[]
}

/** The raw columns the fitted inputs come from, in the data's column order. */
function rawInputs(recipe: Recipe) {
  if (recipe.source.kind !== 'table') throw new Error('Only table models can be exported to ONNX.')
  const used = new Set((recipe.features ?? []).flatMap((f) => f.sources))
  return recipe.source.columns.filter((c) => used.has(c.name))
}

function outputOf(g: GraphBuilder, recipe: Recipe, network: string) {
  const { task, classes = [], scale } = recipe.target
  if (task === 'regression') {
    const value = scale
      ? g.op('Add', [g.op('Mul', [network, g.scalar(scale.std)]), g.scalar(scale.mean)])
      : network
    return {
      name: g.op('Identity', [value], {}, { output: 'prediction' }),
      width: 1,
      meaning: `the predicted ${recipe.target.column}, in its own units`,
    }
  }
  if (task === 'binary')
    return {
      name: g.op('Identity', [network], {}, { output: 'probability' }),
      width: 1,
      meaning: `the probability that ${recipe.target.column} is "${classes[1] ?? ''}"`,
    }
  return {
    name: g.op('Identity', [network], {}, { output: 'probabilities' }),
    width: classes.length,
    meaning: `the probability of each class, in the order ${classes.map((c) => `"${c}"`).join(', ')}`,
  }
}

/**
 * The network, and the preparation where ONNX can express it, as an ONNX model (opset 17 with
 * ai.onnx.ml 3, IR 8). With every step expressible the graph takes one input per raw column
 * (numbers as float with NaN for missing, categories as text with "" for missing); otherwise it
 * takes the prepared inputs and says which steps to apply first.
 */
export function exportOnnx(model: SavedModelFiles, recipe: Recipe): OnnxExport {
  const columns = rawInputs(recipe)
  const width = recipe.features?.length ?? 0
  let g = new GraphBuilder()
  const inputs = columns.map((c) => ({
    name: c.name,
    tensor: c.name,
    kind: c.kind === 'numeric' ? ('number' as const) : ('text' as const),
  }))
  const prepared = preparationOps(g, recipe, inputs)
  let features: string
  let inputList: OnnxInput[]
  let baked: string[] = []
  let notBaked: string[] = []
  if ('features' in prepared) {
    features = prepared.features
    baked = prepared.baked
    inputList = columns.map((c) => ({
      name: c.name,
      type: c.kind === 'numeric' ? 'float' : 'string',
      width: 1,
    }))
  } else {
    g = new GraphBuilder()
    features = 'features'
    inputList = [{ name: 'features', type: 'float', width }]
    notBaked = [
      `ONNX cannot express ${prepared.notExpressible}, so the file takes the ${width} prepared inputs (in the order of recipe.json's "features") and every preparation step must be applied first, as the bundle's runtime does.`,
    ]
  }
  const network = networkOps(g, features, model)
  const output = outputOf(g, recipe, network)
  const bytes = encodeModel(
    g,
    inputList.map((i) => tensorInput(i.name, i.type, i.width)),
    [tensorInput(output.name, 'float', output.width)],
    `Model Studio: ${recipe.target.column} (${recipe.target.task}) from ${recipe.source.name}. Output: ${output.meaning}.`,
  )
  return {
    bytes,
    inputs: 'features' in prepared ? 'raw-columns' : 'features',
    inputList,
    output: { name: output.name, meaning: output.meaning },
    baked,
    notBaked,
  }
}
