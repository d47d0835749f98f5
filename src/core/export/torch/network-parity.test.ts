import * as tf from '@tensorflow/tfjs'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModel } from '../../model/build-model'
import { outputHead } from '../../model/head'
import { layer, stackOf } from '../../model/layer-catalogue'
import type { ModelInput } from '../../model/model-input'
import { modelSpecOf, type LayerSpec } from '../../model/model-spec'
import { createRng } from '../../random'
import { saveModelFiles } from '../model-artifacts'
import networkSource from './network.py?raw'
import { networkJson } from './pytorch-export'
import { folderWith, PYTHON, run, torchMissing } from './torch-test-kit'

const missing = torchMissing()

const table: ModelInput = { kind: 'table', shape: [9], description: '9 inputs' }
const sequence: ModelInput = { kind: 'sequence', shape: [12, 3], description: '12 × 3' }
const tokens: ModelInput = { kind: 'tokens', shape: [10], vocabularySize: 40, description: '10' }
const image: ModelInput = { kind: 'image', shape: [8, 8, 2], description: '8 × 8 × 2' }
const target = { column: 'y', task: 'multiclass' as const, classes: ['a', 'b', 'c'] }

/** Random rows for the input: token ids for tokens, values in [-2, 2) otherwise. */
function rowsFor(input: ModelInput, rows: number): Float32Array {
  const width = input.shape.reduce((a, b) => a * b, 1)
  const rng = createRng(7)
  return Float32Array.from({ length: rows * width }, () =>
    input.kind === 'tokens' ? Math.floor(rng() * (input.vocabularySize ?? 2)) : rng() * 4 - 2,
  )
}

/**
 * The studio's tfjs network, its weights saved as the browser saves them, loaded into network.py:
 * the largest difference between the two models' probabilities on the same 16 rows.
 */
async function gapOf(layers: LayerSpec[], input: ModelInput): Promise<number> {
  const spec = modelSpecOf(layers)
  const model = buildModel(spec, input, outputHead(target), 11)
  const values = rowsFor(input, 16)
  const x = tf.tensor(values, [16, ...input.shape])
  const expected = (await (model.predict(x) as tf.Tensor).data()) as Float32Array
  const files = await saveModelFiles(model)
  x.dispose()
  model.dispose()
  const width = values.length / 16
  const csv = [
    Array.from({ length: width }, (_, i) => `x${i}`).join(','),
    ...Array.from({ length: 16 }, (_, r) =>
      Array.from(values.subarray(r * width, (r + 1) * width)).join(','),
    ),
  ].join('\n')
  const recipeLike = { target, model: spec } as Parameters<typeof networkJson>[0]
  const dir = folderWith({
    'network.py': networkSource,
    'network.json': JSON.stringify(networkJson(recipeLike, input)),
    'inputs.csv': csv,
  })
  mkdirSync(join(dir, 'browser-model'))
  writeFileSync(join(dir, 'browser-model', 'model.json'), files.modelJson)
  writeFileSync(join(dir, 'browser-model', 'weights.bin'), new Uint8Array(files.weights))
  run(PYTHON, ['network.py', '--inputs', 'inputs.csv', '--out', 'out.csv'], dir)
  const actual = readFileSync(join(dir, 'out.csv'), 'utf8')
    .trim()
    .split('\n')
    .flatMap((l) => l.split(',').map(Number))
  expect(actual).toHaveLength(expected.length)
  return Math.max(...Array.from(expected, (v, i) => Math.abs(v - (actual[i] ?? NaN))))
}

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe.skipIf(missing !== null)(
  `network.py with the browser's weights gives the studio's outputs (${missing ?? ''})`,
  () => {
    const cases: [string, ModelInput, Omit<LayerSpec, 'id'>[]][] = [
      [
        'Dense stack with batch and layer normalisation, dropout and noise',
        table,
        [
          layer('dense', { units: 8, activation: 'relu' }),
          layer('batchNormalization'),
          layer('dropout', { rate: 0.3 }),
          layer('dense', { units: 6, activation: 'gelu', useBias: false }),
          layer('layerNormalization'),
          layer('gaussianNoise', { stddev: 0.2 }),
          layer('dense', { units: 5, activation: 'swish' }),
          layer('activation', { activation: 'elu' }),
          layer('reshape', { targetShape: [5, 1] }),
          layer('flatten'),
        ],
      ],
      [
        'Conv1D stack: same and strided valid padding, max and average pooling, Flatten',
        sequence,
        [
          layer('conv1d', { filters: 5, kernelSize: 3, padding: 'same', activation: 'relu' }),
          layer('maxPooling1d', { poolSize: 2 }),
          layer('conv1d', { filters: 4, kernelSize: 3, strides: 2, activation: 'tanh' }),
          layer('averagePooling1d', { poolSize: 2, padding: 'same' }),
          layer('flatten'),
        ],
      ],
      [
        'LSTM then GRU then SimpleRNN (hard-sigmoid gates, reset before the recurrent kernel)',
        sequence,
        [
          layer('lstm', { units: 7, returnSequences: true }),
          layer('gru', { units: 6, returnSequences: true }),
          layer('simpleRnn', { units: 5 }),
        ],
      ],
      [
        'Bidirectional GRU (sequences, concatenated) and Bidirectional LSTM (averaged)',
        sequence,
        [
          layer('bidirectional', { layer: 'gru', units: 4, returnSequences: true }),
          layer('bidirectional', { layer: 'lstm', units: 3, mergeMode: 'ave' }),
        ],
      ],
      [
        'Embedding, LSTM and global average pooling',
        tokens,
        [
          layer('embedding', { inputDim: 40, outputDim: 6 }),
          layer('lstm', { units: 4, returnSequences: true }),
          layer('globalAveragePooling1d'),
        ],
      ],
      [
        'Conv2D stack with pooling and global average pooling',
        image,
        [
          layer('conv2d', { filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
          layer('maxPooling2d', { poolSize: 2, padding: 'same' }),
          layer('conv2d', { filters: 3, kernelSize: 2 }),
          layer('averagePooling2d', { poolSize: 2, strides: 1 }),
          layer('globalAveragePooling2d'),
        ],
      ],
    ]
    it.each(cases)('%s', async (name, input, layers) => {
      const gap = await gapOf(stackOf(layers), input)
      console.log(`network parity, ${name}: largest difference ${gap.toExponential(1)}`)
      expect(gap).toBeLessThan(1e-4)
    })
  },
)
