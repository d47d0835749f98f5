import type { SavedModelFiles } from './model-files'

/** How a bundle's weights are stored: as trained, or smaller at some loss of accuracy. */
export const WEIGHT_QUANTIZATIONS = ['float32', 'float16', 'uint8'] as const
export type WeightQuantization = (typeof WEIGHT_QUANTIZATIONS)[number]

/**
 * The model files with weights stored as `quantization`, in TensorFlow.js's own manifest format
 * (`tf.loadLayersModel` dequantises as it loads). Owned by the card helper.
 */
export function quantizeModelFiles(
  files: SavedModelFiles,
  quantization: WeightQuantization,
): SavedModelFiles {
  if (quantization === 'float32') return files
  throw new Error('quantizeModelFiles: not built yet (card helper)')
}
