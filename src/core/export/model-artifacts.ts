import * as tf from '@tensorflow/tfjs'
// The studio's own layers register their classes as their modules load: a saved model that holds
// one can only be read back once they are.
import '../model/layers/position-embedding'
import '../model/layers/transformer-encoder'
import { WEIGHTS_FILE, type SavedModelFiles } from './model-files'

function filesOf(artifacts: tf.io.ModelArtifacts): SavedModelFiles {
  const data = artifacts.weightData
  return {
    modelJson: JSON.stringify({
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
    }),
    weights:
      data === undefined
        ? new ArrayBuffer(0)
        : Array.isArray(data)
          ? tf.io.CompositeArrayBuffer.join(data)
          : data,
  }
}

/** The model as the files `tf.loadLayersModel` reads, without touching storage or the network. */
export async function saveModelFiles(model: tf.LayersModel): Promise<SavedModelFiles> {
  const saved: SavedModelFiles[] = []
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved.push(filesOf(artifacts))
      return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) })
    }),
  )
  const files = saved[0]
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
