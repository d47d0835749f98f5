import { evaluatePredictions } from '../../evaluate/evaluate-split'
import type { ResizedImages } from '../../images/prepare/rgba-image'
import { predictMatrix } from '../../model/predict-matrix'
import type { Recipe } from '../../recipe/recipe-schema'
import { decodeOutputs } from '../../recipe/transform'
import type { QuantizationCheck } from '../card/quantization-check'
import { loadModelFiles } from '../model-artifacts'
import type { SavedModelFiles } from '../model-files'
import { quantizeModelFiles, WEIGHT_QUANTIZATIONS } from '../quantize'
import { pictureMatrix, picturePreparation } from './picture-inputs'

export interface PictureQuantizationInput {
  readonly model: SavedModelFiles
  readonly recipe: Recipe
  /** Every picture of the dataset resized as the recipe says (the Prepare step's pictures). */
  readonly images: ResizedImages
  readonly testRows: Int32Array
  /** As the run gave them, in `testRows` order. */
  readonly testLabels: Float32Array
}

/**
 * The test pictures scored with each weight storage, float32 first, as the table check does:
 * the same QuantizationCheck, so the Download tab shows one table for both kinds of model.
 */
export async function checkPictureQuantizations(
  input: PictureQuantizationInput,
  onEach?: (check: QuantizationCheck) => void,
): Promise<QuantizationCheck[]> {
  const x = pictureMatrix(picturePreparation(input.recipe), input.images, input.testRows)
  const checks: QuantizationCheck[] = []
  let reference: Float64Array | null = null
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
