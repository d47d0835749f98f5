import { evaluatePredictions } from '../../evaluate/evaluate-split'
import type { Metric } from '../../evaluate/metrics'
import type { Recipe } from '../../recipe/recipe-schema'
import { decodeOutputs, targetWidth, transformFeatures } from '../../recipe/transform'
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
 * The test rows as model inputs through the fitted recipe (the predict path). A recipe with
 * windows reads each row's history from the rows before it, so it transforms the whole table and
 * picks the test rows after; others transform the test rows alone.
 */
async function testOutputs(
  model: SavedModelFiles,
  { recipe, table, testRows }: QuantizationCheckInput,
): Promise<Float64Array> {
  const windows = recipe.steps.some((s) => s.enabled && s.op === 'windows')
  const source: Table = windows
    ? table
    : { rowCount: testRows.length, columns: table.columns.map((c) => pickRows(c, testRows)) }
  const x = transformFeatures(recipe, source)
  const loaded = await loadModelFiles(model)
  try {
    const all = decodeOutputs(recipe, await predictMatrix(loaded, x))
    if (!windows) return all
    const width = targetWidth(recipe)
    const out = new Float64Array(testRows.length * width)
    testRows.forEach((row, i) => out.set(all.subarray(row * width, (row + 1) * width), i * width))
    return out
  } finally {
    loaded.dispose()
  }
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
  for (const quantization of WEIGHT_QUANTIZATIONS) {
    const files = quantizeModelFiles(input.model, quantization)
    const outputs = await testOutputs(files, input)
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
