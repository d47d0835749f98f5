import { describe, expect, it } from 'vitest'
import { checkModel } from './check-model'
import { outputHead } from './head'
import type { ModelInput } from './model-input'
import {
  defaultMlpSpec,
  modelSpecOf,
  modelSpecSchema,
  TEMPLATE_IDS,
  type LayerSpec,
} from './model-spec'
import { MODEL_TEMPLATES, proposeModel, templateSpec } from './templates'

const INPUTS: { readonly [K in ModelInput['kind']]: ModelInput } = {
  table: { kind: 'table', shape: [59], description: '59 prepared inputs' },
  sequence: { kind: 'sequence', shape: [12, 1], description: '12 time steps × 1 series' },
  tokens: {
    kind: 'tokens',
    shape: [24],
    vocabularySize: 8872,
    description: '24 token ids, vocabulary 8,872',
  },
  image: { kind: 'image', shape: [8, 8, 1], description: '8×8 grey pictures' },
}
const KINDS = Object.keys(INPUTS) as ModelInput['kind'][]
const threeClasses = outputHead({ column: 'y', task: 'multiclass', classes: ['a', 'b', 'c'] })

const types = (layers: readonly LayerSpec[]) => layers.map((l) => l.type)

describe('MODEL_TEMPLATES', () => {
  it('lists every template id once, each fitting at least one kind of input', () => {
    expect(MODEL_TEMPLATES.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort())
    for (const t of MODEL_TEMPLATES) expect(t.fits.length).toBeGreaterThan(0)
  })

  for (const template of MODEL_TEMPLATES) {
    for (const kind of template.fits) {
      it(`${template.id} on ${kind} input passes the model check and saves as a valid spec`, () => {
        const spec = templateSpec(template.id, INPUTS[kind])
        const check = checkModel(spec, INPUTS[kind], threeClasses)
        expect(check.firstError).toBeNull()
        expect(check.layers.at(-1)?.output).toEqual([3])
        expect(modelSpecSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec)
        expect(spec).toMatchObject({ template: template.id, proposed: false })
      })
    }
  }

  // A table, token or picture template on data it is not made for is marked at the layer that
  // cannot read it. Flat templates on token ids are the exception: a Dense layer can read ids as
  // numbers, so only the picker's `fits` warns there.
  for (const template of MODEL_TEMPLATES) {
    for (const kind of KINDS.filter((k) => !template.fits.includes(k) && k !== 'tokens')) {
      it(`${template.id} on ${kind} input is refused at a named layer`, () => {
        const spec = templateSpec(template.id, INPUTS[kind])
        const check = checkModel(spec, INPUTS[kind], threeClasses)
        expect(check.firstError?.message).toMatch(
          /reads a sequence|reads pictures|turns token ids into vectors|one prediction per row/,
        )
      })
    }
  }

  it('marks the text templates as not fitting table data, with the Embedding as the culprit', () => {
    const check = checkModel(templateSpec('text-bilstm', INPUTS.table), INPUTS.table, threeClasses)
    expect(check.firstError).toMatchObject({ id: 'l1' })
    expect(check.firstError?.message).toMatch(/Text to tokens/)
  })
})

describe('templateSpec adapts to the input', () => {
  const image = (h: number, w: number, c: number): ModelInput => ({
    kind: 'image',
    shape: [h, w, c],
    description: 'pictures',
  })

  it('pools an 8×8 digit twice, a 32×32 photo three times and a 4×4 icon once', () => {
    const pools = (input: ModelInput) =>
      templateSpec('image-cnn', input).layers.filter((l) => l.type === 'maxPooling2d').length
    expect(pools(image(8, 8, 1))).toBe(2)
    expect(pools(image(32, 32, 3))).toBe(3)
    expect(pools(image(4, 4, 1))).toBe(1)
    const check = checkModel(
      templateSpec('image-cnn', image(8, 8, 1)),
      image(8, 8, 1),
      threeClasses,
    )
    // 8×8 → 4×4 → 2×2 with 32 filters: 128 values reach the Flatten.
    expect(check.layers.find((l) => l.name === 'flatten_1')?.output).toEqual([128])
  })

  it('fits the 1D CNN kernel and pools to the window length', () => {
    const sequence = (steps: number): ModelInput => ({
      kind: 'sequence',
      shape: [steps, 2],
      description: 'window',
    })
    const twelve = templateSpec('cnn-1d', sequence(12)).layers
    expect(types(twelve).filter((t) => t === 'maxPooling1d')).toHaveLength(2)
    const two = templateSpec('cnn-1d', sequence(2)).layers
    expect(types(two)).not.toContain('maxPooling1d')
    expect(two.every((l) => l.type !== 'conv1d' || l.kernelSize === 2)).toBe(true)
    expect(
      checkModel(templateSpec('cnn-1d', sequence(1)), sequence(1), threeClasses).firstError,
    ).toBeNull()
  })

  it('sizes the Embedding from the data: input "auto", wider vectors for a large vocabulary', () => {
    const small = templateSpec('text-transformer', INPUTS.tokens).layers[0]
    expect(small).toMatchObject({ type: 'embedding', inputDim: null, outputDim: 32 })
    const large = templateSpec('text-bilstm', { ...INPUTS.tokens, vocabularySize: 50_000 })
      .layers[0]
    expect(large).toMatchObject({ type: 'embedding', inputDim: null, outputDim: 64 })
    const check = checkModel(
      templateSpec('text-transformer', INPUTS.tokens),
      INPUTS.tokens,
      threeClasses,
    )
    expect(check.layers[0]?.params).toBe(8872 * 32)
  })

  it('builds the wide MLP as Dense without activation → BatchNorm → ReLU → Dropout, twice', () => {
    expect(types(templateSpec('wide-mlp', INPUTS.table).layers)).toEqual([
      'dense',
      'batchNormalization',
      'activation',
      'dropout',
      'dense',
      'batchNormalization',
      'activation',
      'dropout',
      'dense',
    ])
    const first = templateSpec('wide-mlp', INPUTS.table).layers[0]
    expect(first).toMatchObject({ type: 'dense', activation: 'linear', useBias: false })
  })

  it('builds the text Transformer in the order Keras examples use', () => {
    expect(types(templateSpec('text-transformer', INPUTS.tokens).layers)).toEqual([
      'embedding',
      'positionEmbedding',
      'transformerEncoder',
      'globalAveragePooling1d',
      'dropout',
      'dense',
    ])
  })

  it('gives logistic regression no hidden layer on a table, only a Flatten on pictures', () => {
    expect(templateSpec('linear', INPUTS.table).layers).toEqual([])
    expect(types(templateSpec('linear', INPUTS.image).layers)).toEqual(['flatten'])
    const check = checkModel(templateSpec('linear', INPUTS.table), INPUTS.table, threeClasses)
    expect(check.totalParams).toBe(59 * 3 + 3)
  })

  it('keeps the loss the analyst chose for a number target', () => {
    const previous = modelSpecOf([], { regressionLoss: 'huber', huberDelta: 2.5 })
    for (const id of TEMPLATE_IDS) {
      expect(templateSpec(id, INPUTS.table, previous)).toMatchObject({
        regressionLoss: 'huber',
        huberDelta: 2.5,
      })
    }
  })
})

describe('proposeModel', () => {
  it('picks an MLP for tables, an LSTM for windows, a text model for tokens, a CNN for pictures', () => {
    const picked = Object.fromEntries(KINDS.map((k) => [k, proposeModel(INPUTS[k]).template]))
    expect(picked).toEqual({
      table: 'mlp',
      sequence: 'lstm-forecaster',
      tokens: 'text-transformer',
      image: 'image-cnn',
    })
  })

  it('proposes for a table exactly the MLP every recipe had before templates', () => {
    expect(proposeModel(INPUTS.table)).toEqual(defaultMlpSpec())
  })

  it('marks its pick as proposed and keeps the previous loss', () => {
    const previous = modelSpecOf([], { regressionLoss: 'meanAbsoluteError' })
    const spec = proposeModel(INPUTS.sequence, previous)
    expect(spec.proposed).toBe(true)
    expect(spec.regressionLoss).toBe('meanAbsoluteError')
    expect(
      checkModel(spec, INPUTS.sequence, outputHead({ column: 'y', task: 'regression' })).firstError,
    ).toBeNull()
  })
})
