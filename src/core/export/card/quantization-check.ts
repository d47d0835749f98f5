import { evaluatePredictions } from '../../evaluate/evaluate-split'
import type { Metric } from '../../evaluate/metrics'
import type { Recipe } from '../../recipe/recipe-schema'
import { prepareData } from '../../recipe/pipeline/prepare-data'
import {
  decodeOutputs,
  featureMatrix,
  transformFeatures,
  type FeatureMatrix,
} from '../../recipe/transform'
import type { Column, Table } from '../../table/table'
import { predictMatrix } from '../../train/engine'
import { loadModelFiles } from '../model-artifacts'
import type { SavedModelFiles } from '../model-files'
import { quantizeModelFiles, WEIGHT_QUANTIZATIONS, type WeightQuantization } from '../quantize'

/** One way of storing the weights, scored on the test rows before anyone downloads it. */
export interface QuantizationCheck {
  readonly quantization: WeightQuantization
  readonly weightsBytes: number
  /** The Test metrics' keys, measured with the weights as this storage gives them back. */
  readonly metrics: Metric[]
  /** The largest change of any output against float32, in output units. */
  readonly largestChange: number
}

export interface QuantizationCheckInput {
  readonly model: SavedModelFiles
  readonly recipe: Recipe
  /** The data the model was trained on, as loaded. */
  readonly table: Table
  readonly testRows: Int32Array
  /** As `encodeTarget` gives them, in `testRows` order. */
  readonly testLabels: Float32Array
}

function pickRows(column: Column, rows: Int32Array): Column {
  return column.kind === 'numeric'
    ? { ...column, values: Float64Array.from(rows, (r) => column.values[r] ?? Number.NaN) }
    : { ...column, codes: Int32Array.from(rows, (r) => column.codes[r] ?? -1) }
}

/**
 * The test rows as model inputs. Most recipes go through the predict path (`transformFeatures`)
 * on the test rows alone. A recipe with windows reads each row's history from the rows before
 * it, and the predict path keeps rows a filter would drop, so a window there could reach across
 * them: its test rows are prepared as training prepared them (the fitted recipe, refitted on the
 * same rows, fits the same).
 */
function testMatrix({ recipe, table, testRows }: QuantizationCheckInput): FeatureMatrix {
  if (!recipe.steps.some((s) => s.enabled && s.op === 'windows'))
    return transformFeatures(recipe, {
      rowCount: testRows.length,
      columns: table.columns.map((c) => pickRows(c, testRows)),
    })
  const prepared = prepareData(recipe, table)
  if (prepared.error) throw new Error(prepared.error.message)
  return featureMatrix(prepared.recipe, prepared.table, testRows)
}

/**
 * Every weight storage scored on the test rows, float32 first: what each costs in size and in
 * test metrics, measured by loading the quantised files as a user of the bundle would.
 */
export async function checkQuantizations(
  input: QuantizationCheckInput,
  onEach?: (check: QuantizationCheck) => void,
): Promise<QuantizationCheck[]> {
  const checks: QuantizationCheck[] = []
  let reference: Float64Array | null = null
  const x = testMatrix(input)
  for (const quantization of WEIGHT_QUANTIZATIONS) {
    const files = quantizeModelFiles(input.model, quantization)
    const loaded = await loadModelFiles(files)
    let outputs: Float64Array
    try {
      outputs = decodeOutputs(input.recipe, await predictMatrix(loaded, x))
    } finally {
      loaded.dispose()
    }
    reference ??= outputs
    let largestChange = 0
    for (let i = 0; i < outputs.length; i++)
      largestChange = Math.max(largestChange, Math.abs((outputs[i] ?? 0) - (reference[i] ?? 0)))
    const check = {
      quantization,
      weightsBytes: files.weights.byteLength,
      metrics: evaluatePredictions(input.recipe, input.testLabels, outputs),
      largestChange,
    }
    checks.push(check)
    onEach?.(check)
  }
  return checks
}
