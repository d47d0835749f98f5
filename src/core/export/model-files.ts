/** A saved Layers model as the two files TensorFlow.js writes: model.json and weights.bin. */
export interface SavedModelFiles {
  readonly modelJson: string
  readonly weights: ArrayBuffer
}

export const WEIGHTS_FILE = 'weights.bin'
