import * as tf from '@tensorflow/tfjs'
import * as ort from 'onnxruntime-web'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRng } from '../../random'
import { buildModel } from '../../model/build-model'
import { outputHead } from '../../model/head'
import { layer, stackOf } from '../../model/layer-catalogue'
import type { ModelInput } from '../../model/model-input'
import { modelSpecOf, type LayerSpec } from '../../model/model-spec'
import { saveModelFiles } from '../model-artifacts'
import { checkWithPython, hasOnnxChecker } from './onnx-checker'
import { encodeModel, GraphBuilder, tensorInput } from './onnx-graph'
import { networkOps } from './onnx-network'

const sequence: ModelInput = {
  kind: 'sequence',
  shape: [12, 3],
  description: '12 steps × 3 series',
}
const tokens: ModelInput = {
  kind: 'tokens',
  shape: [10],
  vocabularySize: 40,
  description: '10 tokens',
}
const image: ModelInput = { kind: 'image', shape: [8, 8, 2], description: '8 × 8 × 2' }
const head = outputHead({ column: 'y', task: 'multiclass', classes: ['a', 'b', 'c'] })

/** Random rows for the input: token ids for tokens, normal values otherwise. */
function rowsFor(input: ModelInput, rows: number): Float32Array {
  const width = input.shape.reduce((a, b) => a * b, 1)
  const rng = createRng(7)
  return Float32Array.from({ length: rows * width }, () =>
    input.kind === 'tokens' ? Math.floor(rng() * (input.vocabularySize ?? 2)) : rng() * 4 - 2,
  )
}

/** The network alone in ONNX against TensorFlow.js on the same rows: the largest difference. */
async function gapOf(layers: LayerSpec[], input: ModelInput): Promise<number> {
  const model = buildModel(modelSpecOf(layers), input, head, 11)
  const width = input.shape.reduce((a, b) => a * b, 1)
  const values = rowsFor(input, 16)
  const x = tf.tensor(values, [16, ...input.shape])
  const expected = (await (model.predict(x) as tf.Tensor).data()) as Float32Array
  const files = await saveModelFiles(model)
  x.dispose()
  model.dispose()
  const g = new GraphBuilder()
  const out = networkOps(g, 'features', files)
  const bytes = encodeModel(
    g,
    [tensorInput('features', 'float', width)],
    [tensorInput(out, 'float', 3)],
    'test',
  )
  if (hasOnnxChecker) expect(checkWithPython(bytes)).toBe('ok')
  const session = await ort.InferenceSession.create(bytes)
  const result = await session.run({ features: new ort.Tensor('float32', values, [16, width]) })
  const actual = result[out]?.data as Float32Array
  return Math.max(...Array.from(expected, (v, i) => Math.abs(v - (actual[i] ?? NaN))))
}

beforeAll(async () => {
  await tf.setBackend('cpu')
  ort.env.wasm.numThreads = 1
})

describe('ONNX layers against TensorFlow.js', () => {
  const cases: [string, ModelInput, Omit<LayerSpec, 'id'>[]][] = [
    [
      'Conv1D, pooling and Flatten',
      sequence,
      [
        layer('conv1d', { filters: 5, kernelSize: 3, padding: 'same', activation: 'relu' }),
        layer('maxPooling1d', { poolSize: 2 }),
        layer('conv1d', {
          filters: 4,
          kernelSize: 3,
          padding: 'valid',
          strides: 2,
          activation: 'tanh',
        }),
        layer('averagePooling1d', { poolSize: 2, padding: 'same' }),
        layer('flatten'),
      ],
    ],
    [
      'Conv1D and global average pooling',
      sequence,
      [layer('conv1d', { filters: 6, kernelSize: 2 }), layer('globalAveragePooling1d')],
    ],
    [
      'LSTM (sequences, then last state)',
      sequence,
      [layer('lstm', { units: 7, returnSequences: true }), layer('lstm', { units: 5 })],
    ],
    [
      'GRU',
      sequence,
      [layer('gru', { units: 6, returnSequences: true }), layer('gru', { units: 4 })],
    ],
    ['SimpleRNN', sequence, [layer('simpleRnn', { units: 5 })]],
    [
      'Embedding with an LSTM',
      tokens,
      [layer('embedding', { inputDim: 40, outputDim: 6 }), layer('lstm', { units: 4 })],
    ],
    [
      'Embedding with global pooling',
      tokens,
      [layer('embedding', { inputDim: 40, outputDim: 5 }), layer('globalAveragePooling1d')],
    ],
    [
      'Conv2D, pooling and Flatten',
      image,
      [
        layer('conv2d', { filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
        layer('maxPooling2d', { poolSize: 2 }),
        layer('conv2d', { filters: 3, kernelSize: 2, padding: 'valid' }),
        layer('averagePooling2d', { poolSize: 2 }),
        layer('flatten'),
      ],
    ],
    [
      'Conv2D and global average pooling',
      image,
      [layer('conv2d', { filters: 5, kernelSize: 3 }), layer('globalAveragePooling2d')],
    ],
  ]
  it.each(cases)('%s', async (_, input, layers) => {
    expect(await gapOf(stackOf(layers), input)).toBeLessThan(1e-4)
  })
})
