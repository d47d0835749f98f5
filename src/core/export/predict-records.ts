import type * as tf from '@tensorflow/tfjs'
import { decodeOutputs, targetWidth, transformFeatures } from '../recipe/transform'
import { sourceColumns, type Recipe } from '../recipe/recipe-schema'
import { tableFromRecords, type RawRecord } from '../table/records'
import { predictMatrix } from '../model/predict-matrix'

/**
 * Model outputs for raw records, through the recipe: what the page, the bundle and every later
 * export use, so they all give the same answers for the same rows. A row the recipe cannot score
 * (a time-series row without enough history) gets NaN.
 */
export async function predictRecords(
  model: tf.LayersModel,
  recipe: Recipe,
  records: readonly RawRecord[],
): Promise<Float64Array> {
  const table = tableFromRecords(records, sourceColumns(recipe))
  const x = transformFeatures(recipe, table)
  const outputs = decodeOutputs(recipe, await predictMatrix(model, x))
  const width = targetWidth(recipe)
  x.unpredictable.forEach((flag, row) => {
    if (flag === 1) outputs.fill(Number.NaN, row * width, (row + 1) * width)
  })
  return outputs
}
