import * as tf from '@tensorflow/tfjs'

/** A saved Layers model as the two files TensorFlow.js writes: model.json and weights.bin. */
export interface SavedModelFiles {
  readonly modelJson: string
  readonly weights: ArrayBuffer
}

export const WEIGHTS_FILE = 'weights.bin'

export async function saveModelFiles(model: tf.LayersModel): Promise<SavedModelFiles> {
  let files: SavedModelFiles | null = null
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      const data = artifacts.weightData
      const weights = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data
      files = {
        modelJson: JSON.stringify({
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
          convertedBy: null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        }),
        weights,
      }
      return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) })
    }),
  )
  if (!files) throw new Error('The model could not be saved.')
  return files
}

interface ModelJson {
  modelTopology: object
  weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[]
}

/** Loads model.json + weights.bin from memory: the same files a user unzips from a bundle. */
export async function loadModelFiles(files: SavedModelFiles): Promise<tf.LayersModel> {
  const json = JSON.parse(files.modelJson) as ModelJson
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: files.weights,
    }),
  )
}
