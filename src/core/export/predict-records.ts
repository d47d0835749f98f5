import type * as tf from '@tensorflow/tfjs'
import { decodeOutputs, featureWidth, transformFeatures } from '../recipe/transform'
import type { Recipe } from '../recipe/recipe-schema'
import { tableFromRecords, type RawRecord } from '../table/records'
import { predictMatrix } from '../train/engine'

/**
 * Model outputs for raw records, through the recipe: what the page, the bundle and every later
 * export use, so they all give the same answers for the same rows.
 */
export async function predictRecords(
  model: tf.LayersModel,
  recipe: Recipe,
  records: readonly RawRecord[],
): Promise<Float64Array> {
  const table = tableFromRecords(records, recipe.source.columns)
  const x = transformFeatures(recipe, table)
  const outputs = await predictMatrix(model, {
    values: x.values,
    rows: x.rows,
    width: featureWidth(recipe),
  })
  return decodeOutputs(recipe, outputs)
}
