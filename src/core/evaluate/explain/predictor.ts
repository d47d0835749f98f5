import type * as tf from '@tensorflow/tfjs'
import type { Recipe } from '../../recipe/recipe-schema'
import { decodeOutputs, targetWidth, transformFeatures } from '../../recipe/transform'
import type { Table } from '../../table/table'
import { predictMatrix } from '../../model/predict-matrix'

/**
 * Model outputs for raw rows, through the fitted recipe (decoded: probabilities, or values in
 * target units), `width` per row. A row the recipe cannot score gets NaN.
 */
export type Predictor = (rows: Table) => Promise<Float64Array>

export function tablePredictor(model: tf.LayersModel, recipe: Recipe): Predictor {
  const width = targetWidth(recipe)
  return async (rows) => {
    const x = transformFeatures(recipe, rows)
    const outputs = decodeOutputs(recipe, await predictMatrix(model, x))
    x.unpredictable.forEach((flag, row) => {
      if (flag === 1) outputs.fill(Number.NaN, row * width, (row + 1) * width)
    })
    return outputs
  }
}
