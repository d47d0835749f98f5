import { tableInput, type ModelInput } from '../model/model-input'
import type { Recipe } from './recipe-schema'

/**
 * What one row of the fitted recipe's prepared data gives the network: a flat table row, a window
 * of time steps × series, a text's token ids, or a picture.
 */
export function modelInputOf(recipe: Recipe): ModelInput {
  return tableInput(recipe.features?.length ?? 0)
}
