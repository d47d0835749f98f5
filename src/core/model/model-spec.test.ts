import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { proposeRecipe } from '../recipe/propose'
import { parseRecipe } from '../recipe/recipe-schema'
import { parseDelimitedText } from '../table/parse-delimited'
import { buildModel } from './build-model'
import { outputHead } from './head'
import { LAYER_CATALOGUE, LAYER_TYPES, layer, stackOf } from './layer-catalogue'
import { tableInput } from './model-input'
import { modelSpecOf, modelSpecSchema, type LayerSpec, type ModelSpec } from './model-spec'

/** One layer of every type, each with settings away from the catalogue's defaults. */
const EVERY_LAYER: LayerSpec[] = stackOf([
  layer('dense', {
    units: 17,
    activation: 'selu',
    useBias: false,
    kernelInitializer: 'leCunNormal',
    l1: 0.01,
    l2: 0.02,
  }),
  layer('dropout', { rate: 0.35 }),
  layer('batchNormalization', { momentum: 0.9, epsilon: 0.01 }),
  layer('layerNormalization', { epsilon: 0.0005 }),
  layer('activation', { activation: 'softplus' }),
  layer('gaussianNoise', { stddev: 0.3 }),
  layer('conv1d', {
    filters: 5,
    kernelSize: 4,
    strides: 2,
    padding: 'valid',
    activation: 'elu',
    kernelInitializer: 'heNormal',
    l1: 0,
    l2: 0.001,
  }),
  layer('conv2d', {
    filters: 6,
    kernelSize: 5,
    strides: 3,
    padding: 'valid',
    activation: 'swish',
    kernelInitializer: 'randomNormal',
    l1: 0.5,
    l2: 0,
  }),
  layer('maxPooling1d', { poolSize: 3, strides: 1, padding: 'same' }),
  layer('averagePooling1d', { poolSize: 4, strides: 2, padding: 'same' }),
  layer('maxPooling2d', { poolSize: 3, strides: 2, padding: 'same' }),
  layer('averagePooling2d', { poolSize: 5, strides: 5, padding: 'same' }),
  layer('globalAveragePooling1d'),
  layer('globalAveragePooling2d'),
  layer('flatten'),
  layer('reshape', { targetShape: [4, -1, 2] }),
  layer('simpleRnn', { units: 9, activation: 'relu', returnSequences: true, l2: 0.1 }),
  layer('lstm', {
    units: 11,
    activation: 'gelu',
    kernelInitializer: 'zeros',
    returnSequences: true,
  }),
  layer('gru', { units: 13, activation: 'sigmoid', kernelInitializer: 'heUniform' }),
  layer('bidirectional', {
    layer: 'simpleRnn',
    mergeMode: 'ave',
    units: 7,
    activation: 'linear',
    returnSequences: true,
    kernelInitializer: 'glorotNormal',
    l1: 0.2,
    l2: 0.3,
  }),
  layer('embedding', { inputDim: 1000, outputDim: 24, l1: 0.001, l2: 0 }),
  layer('positionEmbedding'),
  layer('transformerEncoder', {
    heads: 4,
    keyDim: 12,
    ffUnits: 96,
    dropout: 0.25,
    activation: 'gelu',
  }),
])

const spec: ModelSpec = modelSpecOf(EVERY_LAYER, {
  template: 'text-transformer',
  regressionLoss: 'huber',
  huberDelta: 2.5,
})

const german = parseDelimitedText(
  readFileSync(new URL('../../../public/datasets/GermanCredit.csv', import.meta.url), 'utf8'),
).table

describe('model spec v2', () => {
  it('holds one layer of every type, none left at its defaults', () => {
    expect(EVERY_LAYER.map((l) => l.type).sort()).toEqual([...LAYER_TYPES].sort())
    const changed = EVERY_LAYER.filter(
      (l) =>
        JSON.stringify({ ...l, id: undefined }) !==
        JSON.stringify(LAYER_CATALOGUE[l.type].defaults()),
    )
    // Flatten, global pooling and position embedding have no settings to change.
    expect(EVERY_LAYER.length - changed.length).toBe(4)
  })

  it('comes back unchanged through JSON and the schema', () => {
    expect(modelSpecSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec)
  })

  it('comes back unchanged inside a recipe saved and read again', () => {
    const recipe = { ...proposeRecipe(german, 'GermanCredit.csv', 'Class'), model: spec }
    expect(parseRecipe(JSON.parse(JSON.stringify(recipe))).model).toEqual(spec)
  })

  describe('a version 1 spec', () => {
    const v1 = {
      version: 1,
      layers: [
        { type: 'dense', units: 64, activation: 'relu' },
        { type: 'dropout', rate: 0.2 },
        { type: 'dense', units: 32, activation: 'tanh' },
      ],
    }

    beforeAll(async () => {
      await tf.setBackend('cpu')
    })

    it('migrates to the same layers, numbered, with the settings v1 always used', () => {
      expect(modelSpecSchema.parse(v1)).toEqual(
        modelSpecOf(
          stackOf([
            layer('dense', { units: 64, activation: 'relu' }),
            layer('dropout', { rate: 0.2 }),
            layer('dense', { units: 32, activation: 'tanh' }),
          ]),
          { template: 'mlp' },
        ),
      )
    })

    it('builds the network v1 built: the same parameter count on 5 inputs', () => {
      const migrated = modelSpecSchema.parse(v1)
      const model = buildModel(
        migrated,
        tableInput(5),
        outputHead({ column: 'y', task: 'regression' }),
        1,
      )
      // 5·64+64, then 64·32+32, then the head 32·1+1.
      expect(model.countParams()).toBe(384 + 2080 + 33)
      model.dispose()
    })
  })

  describe('refuses', () => {
    const withLayer = (l: Record<string, unknown>) => ({ ...spec, layers: [l] })
    const issuesOf = (value: unknown) => {
      const result = modelSpecSchema.safeParse(value)
      expect(result.success).toBe(false)
      return result.error?.issues.map((i) => ({ path: i.path, code: i.code })) ?? []
    }

    it('a layer type it does not know', () => {
      expect(issuesOf(withLayer({ id: 'l1', type: 'capsule', units: 3 }))).toEqual([
        { path: ['layers', 0, 'type'], code: 'invalid_union' },
      ])
    })

    it('a negative number of units', () => {
      expect(issuesOf(withLayer({ ...layer('dense'), id: 'l1', units: -4 }))).toEqual([
        { path: ['layers', 0, 'units'], code: 'too_small' },
      ])
    })

    it('a dropout rate of 1, which would switch every value off', () => {
      expect(issuesOf(withLayer({ id: 'l1', type: 'dropout', rate: 1 }))).toEqual([
        { path: ['layers', 0, 'rate'], code: 'too_big' },
      ])
    })
  })
})
