import type * as tf from '@tensorflow/tfjs'
import type { ReasonCode } from '../../evaluate/explain/reason-codes'
import type { Recipe } from '../../recipe/recipe-schema'
import { decodeOutputs, targetWidth, transformFeatures } from '../../recipe/transform'
import type { Table } from '../../table/table'
import { predictMatrix } from '../../train/engine'
import type { InputColumn } from '../input-schema'
import { occlusionProbes, reasonsFromProbes } from './occlusion'

/** What scoring needs: the model, its fitted recipe and its input columns (with typical values). */
export interface ScoringModel {
  readonly model: tf.LayersModel
  readonly recipe: Recipe
  readonly schema: readonly InputColumn[]
}

export interface ScoredRows {
  /** `width` outputs per row (probabilities, or values in target units); NaN where unscorable. */
  readonly outputs: Float64Array
  readonly width: number
  /** Per row: what the recipe says about it ("outside the filter on age"), or null. */
  readonly notes: readonly (readonly string[] | null)[]
  /** Per row: its strongest reasons, at most `keep`. */
  readonly reasons: readonly ReasonCode[][]
}

/** Rows explained per model call: a probe per cell off its typical value, a few thousand in all. */
const REASON_CHUNK = 512

/**
 * The output a row's reasons explain, as on Evaluate: a binary model's probability of the
 * positive class, a multiclass model's predicted class, a regression's value.
 */
export function explainedOutput(recipe: Recipe, outputs: ArrayLike<number>, row: number): number {
  if (recipe.target.task !== 'multiclass') return 0
  const k = targetWidth(recipe)
  let best = 0
  for (let c = 1; c < k; c++)
    if ((outputs[row * k + c] as number) > (outputs[row * k + best] as number)) best = c
  return best
}

/** Decoded model outputs for rows of a raw table, NaN where the recipe cannot score a row. */
async function outputsOf(model: tf.LayersModel, recipe: Recipe, table: Table) {
  const x = transformFeatures(recipe, table)
  const outputs = decodeOutputs(recipe, await predictMatrix(model, x))
  const width = targetWidth(recipe)
  x.unpredictable.forEach((flag, row) => {
    if (flag === 1) outputs.fill(Number.NaN, row * width, (row + 1) * width)
  })
  return { outputs, notes: x.notes }
}

/**
 * Predictions, notes and reason codes for raw rows (a table with the recipe's source columns).
 * The predictions come from the whole table in one pass, exactly as `predictRecords` makes them;
 * reasons by occlusion against the typical row, in chunks, with `onProgress` after each and a
 * stop (null) when `shouldStop` says so.
 */
export async function scoreRows(
  scoring: ScoringModel,
  table: Table,
  options: {
    readonly keep: number
    readonly onProgress?: (done: number, total: number) => void
    readonly shouldStop?: () => boolean
  },
): Promise<ScoredRows | null> {
  const { model, recipe, schema } = scoring
  const width = targetWidth(recipe)
  const { outputs, notes } = await outputsOf(model, recipe, table)
  const reasons: ReasonCode[][] = []
  const total = table.rowCount
  for (let from = 0; from < total; from += REASON_CHUNK) {
    if (options.shouldStop?.()) return null
    const to = Math.min(total, from + REASON_CHUNK)
    const probes = occlusionProbes(table, from, to, schema)
    const { outputs: probeOutputs } = await outputsOf(model, recipe, probes.table)
    reasons.push(
      ...reasonsFromProbes({
        table,
        from,
        to,
        schema,
        probes,
        outputs,
        probeOutputs,
        width,
        outputOf: (row) => explainedOutput(recipe, outputs, row),
        keep: options.keep,
      }),
    )
    options.onProgress?.(to, total)
  }
  return { outputs, width, notes, reasons }
}
