import { compareMetrics, headlineKey } from '../../evaluate/baselines/compare-baselines'
import { tableStepImpl } from '../../recipe/pipeline/registry'
import type { Recipe } from '../../recipe/recipe-schema'
import type { Step } from '../../recipe/step-schema'
import type { InputColumn } from '../input-schema'
import { linearBaselineName, priorBaselineName } from './baseline-names'
import type { CardSection, CardTable } from './card-blocks'
import { cardChange, cardNumber, cardPercent } from './card-format'
import { cardLimitations } from './limitations'
import type { ModelCardInput } from './model-card'
import { modelSummary } from './model-summary'

const TASK_LABELS = {
  binary: 'binary classification',
  multiclass: 'multiclass classification',
  regression: 'regression (a number)',
} as const

const QUANTIZATION_TEXT = {
  float32:
    'Weights are stored as trained, in 32-bit floating point: the bundle gives the same predictions as the studio.',
  float16:
    'Weights are stored as 16-bit floating point (half the size). TensorFlow.js turns them back into 32-bit numbers as it loads the model; predictions differ from the studio’s by a tiny amount (see the test metrics change shown before download).',
  uint8:
    'Weights are stored as 8-bit integers with a minimum and a step per weight (a quarter of the size). TensorFlow.js turns them back into 32-bit numbers as it loads the model; predictions move slightly against the studio’s, by the change shown before download.',
} as const

function summarySection({ run, dataset }: ModelCardInput): CardSection {
  const { target, source } = run.recipe
  const what =
    target.task === 'binary'
      ? `the probability that "${target.column}" is "${target.classes?.[1] ?? 'positive'}" (the other outcome is "${target.classes?.[0] ?? 'negative'}")`
      : target.task === 'multiclass'
        ? `a probability for each of the ${target.classes?.length ?? 0} values of "${target.column}": ${(target.classes ?? []).map((c) => `"${c}"`).join(', ')}`
        : `the value of "${target.column}", in its own units`
  return {
    id: 'summary',
    title: 'Summary and intended use',
    blocks: [
      {
        kind: 'paragraph',
        text: `A neural network for ${TASK_LABELS[target.task]}, trained in Model Studio on data from "${dataset.name}" (${cardNumber(dataset.rows)} rows). For one ${source.kind === 'table' ? 'row of the input columns below' : 'picture'} it gives ${what}.`,
      },
      {
        kind: 'paragraph',
        text: `Intended use: scoring new ${source.kind === 'table' ? 'rows' : 'pictures'} that come from the same source and population as the training data, to support a person's decision. It is not meant to decide on its own about people, nor for data unlike what it was trained on (see Limitations).`,
      },
    ],
  }
}

function dataSection({ run, dataset }: ModelCardInput): CardSection {
  const { recipe } = run
  const { split } = recipe
  return {
    id: 'data',
    title: 'Data',
    blocks: [
      {
        kind: 'table',
        table: {
          caption: 'Data source',
          head: ['Field', 'Value'],
          rows: [
            ['Source file', dataset.name],
            ['SHA-256', dataset.sha256 ?? 'not recorded (the file was not at hand)'],
            ['Rows', cardNumber(dataset.rows)],
            ['Target', `${recipe.target.column} (${TASK_LABELS[recipe.target.task]})`],
            [
              'Split',
              `${split.method}: ${cardPercent(split.train)} training, ${cardPercent(split.validation)} validation, ${cardPercent(split.test)} test (${cardNumber(run.testRows.length)} test rows)`,
            ],
            ['Class balance', balanceText(recipe)],
          ],
        },
      },
    ],
  }
}

function balanceText(recipe: Recipe): string {
  const { method } = recipe.balance
  if (recipe.target.task === 'regression') return 'not applicable'
  if (method === 'class-weights') return 'class weights in the loss (training rows only)'
  if (method === 'oversample') return 'rarer classes oversampled (training rows only)'
  return 'none: rows as they are'
}

function columnRange(column: InputColumn): string {
  if (column.kind === 'numeric')
    return column.min === null || column.max === null
      ? 'range not recorded'
      : `${cardNumber(column.min)} to ${cardNumber(column.max)}`
  if (column.categories.length === 0) return 'categories not recorded'
  const shown = column.categories.slice(0, 8).join(', ')
  const more = column.categories.length - 8
  return more > 0 ? `${shown} and ${more} more` : shown
}

function columnsSection({ inputSchema }: ModelCardInput): CardSection {
  const table: CardTable = {
    caption: 'Input columns',
    head: ['Column', 'Kind', 'Values seen', 'Missing values'],
    rows: inputSchema.map((c) => [
      c.name,
      c.type && c.type !== c.kind ? `${c.kind} (${c.type})` : c.kind,
      columnRange(c),
      c.missingSeen ? 'seen in the data' : 'none seen',
    ]),
  }
  return {
    id: 'columns',
    title: 'Input columns',
    blocks: inputSchema.length
      ? [
          {
            kind: 'paragraph',
            text: `The model reads ${inputSchema.length} raw column${inputSchema.length === 1 ? '' : 's'}, as they appear in the data file; the preparation below turns them into the network's inputs.`,
          },
          { kind: 'table', table },
        ]
      : [{ kind: 'paragraph', text: 'The model reads pictures, not table columns.' }],
  }
}

function describeStep(step: Step): string {
  if (step.op === 'image-resize') return 'Resize every picture to the model’s input size'
  if (step.op === 'image-normalise') return 'Scale pixel values for the network'
  try {
    return tableStepImpl(step).describe(step)
  } catch {
    return step.op
  }
}

function stepsSection({ run }: ModelCardInput): CardSection {
  const steps = run.recipe.steps.filter((s) => s.enabled)
  return {
    id: 'preparation',
    title: 'Preparation steps',
    blocks: [
      {
        kind: 'paragraph',
        text: 'Applied in this order to every row, the same way for training, for the studio’s predictions and in the bundle. Everything a step learns (means, categories, limits) was fitted on the training rows only.',
      },
      steps.length
        ? { kind: 'list', ordered: true, items: steps.map(describeStep) }
        : {
            kind: 'paragraph',
            text: 'No preparation steps: columns enter the network as they are.',
          },
    ],
  }
}

function modelSection({ run }: ModelCardInput): CardSection {
  const summary = modelSummary(run.model, run.recipe)
  return {
    id: 'model',
    title: 'Model',
    blocks: [
      {
        kind: 'paragraph',
        text: `A TensorFlow.js Layers model with ${cardNumber(summary.totalParams)} parameters; input shape ${summary.inputShape}.`,
      },
      {
        kind: 'table',
        table: {
          caption: 'Model summary',
          head: ['Layer', 'Type', 'Output shape', 'Parameters'],
          numeric: [false, false, false, true],
          rows: [
            ...summary.layers.map((l) => [l.name, l.type, l.outputShape, cardNumber(l.params)]),
            ['Total', '', '', cardNumber(summary.totalParams)],
          ],
        },
      },
    ],
  }
}

function trainingSection({ run }: ModelCardInput): CardSection {
  const { training, seed } = run.recipe
  const stop =
    run.stopReason === 'early-stopping'
      ? 'early stopping (validation loss stopped improving)'
      : run.stopReason === 'stopped'
        ? 'stopped by hand'
        : 'all planned epochs'
  const rows: string[][] = [
    ['Seed', String(training.seed ?? seed)],
    ['Optimizer', training.optimizer],
    ['Learning rate', cardNumber(training.learningRate, 6)],
    ['Batch size', cardNumber(training.batchSize)],
    ['Epochs', `${run.epochs.length} of ${training.epochs} planned (${stop})`],
    ['Backend', run.backend],
  ]
  if (training.schedule && training.schedule.kind !== 'constant')
    rows.push(['Learning rate schedule', training.schedule.kind])
  if (training.earlyStopping)
    rows.push([
      'Early stopping',
      `patience ${training.earlyStopping.patience}${training.earlyStopping.restoreBestWeights ? ', best weights restored' : ''}`,
    ])
  if (run.restoredEpoch !== null) rows.push(['Weights from epoch', String(run.restoredEpoch)])
  const hasValidation = run.epochs.some((e) => e.valLoss !== null)
  return {
    id: 'training',
    title: 'Training',
    blocks: [
      {
        kind: 'table',
        table: { caption: 'Training settings', head: ['Setting', 'Value'], rows },
      },
      {
        kind: 'curves',
        epochs: run.epochs,
        table: {
          caption: 'Training curves',
          head: hasValidation ? ['Epoch', 'Loss', 'Validation loss'] : ['Epoch', 'Loss'],
          numeric: [true, true, true],
          rows: run.epochs.map((e) => [
            String(e.epoch),
            cardNumber(e.loss),
            ...(hasValidation ? [cardNumber(e.valLoss)] : []),
          ]),
        },
      },
    ],
  }
}

function metricsSection({ run }: ModelCardInput): CardSection {
  const { recipe } = run
  const rows = compareMetrics(run.metrics, run.linearBaselineMetrics, run.baselineMetrics)
  const prior = priorBaselineName(recipe)
  const key = headlineKey(recipe.target.task)
  return {
    id: 'metrics',
    title: 'Test metrics',
    blocks: [
      {
        kind: 'paragraph',
        text: `Measured on the ${cardNumber(run.testRows.length)} test rows, which played no part in training or in fitting the preparation. The ${linearBaselineName(recipe).toLowerCase()} and the baseline are fitted on the same training rows, for comparison; the headline metric is ${rows.find((r) => r.key === key)?.label ?? key}.`,
      },
      {
        kind: 'table',
        table: {
          caption: 'Test metrics',
          head: ['Metric', 'Model', linearBaselineName(recipe), prior],
          numeric: [false, true, true, true],
          rows: rows.map((r) => [
            r.label,
            cardNumber(r.model),
            cardNumber(r.linear),
            cardNumber(r.prior),
          ]),
        },
      },
    ],
  }
}

/** What the chosen storage did on the test rows, when the check ran; nothing when it did not. */
export function measuredChange({ run, quantization, quantizationCheck }: ModelCardInput): string[] {
  if (quantization === 'float32' || !quantizationCheck) return []
  const reference = quantizationCheck.find((c) => c.quantization === 'float32')
  const chosen = quantizationCheck.find((c) => c.quantization === quantization)
  if (!reference || !chosen) return []
  const key = headlineKey(run.recipe.target.task)
  const before = reference.metrics.find((m) => m.key === key)
  const after = chosen.metrics.find((m) => m.key === key)
  if (!before || !after) return []
  const what = run.recipe.target.task === 'regression' ? 'a prediction' : 'a probability'
  return [
    `Measured on the ${cardNumber(run.testRows.length)} test rows before download: ${before.label} ${cardNumber(before.value)} with float32, ${cardNumber(after.value)} with ${quantization} (${cardChange(after.value - before.value)}); no output moved by more than ${cardNumber(chosen.largestChange, 6)} (${what}).`,
  ]
}

/** Every section of the card, in reading order. */
export function cardSections(input: ModelCardInput): CardSection[] {
  return [
    summarySection(input),
    dataSection(input),
    columnsSection(input),
    stepsSection(input),
    modelSection(input),
    trainingSection(input),
    metricsSection(input),
    {
      id: 'weights',
      title: 'Weight storage',
      blocks: [
        { kind: 'paragraph', text: QUANTIZATION_TEXT[input.quantization] },
        ...measuredChange(input).map((text) => ({ kind: 'paragraph' as const, text })),
      ],
    },
    {
      id: 'limitations',
      title: 'Limitations',
      blocks: [{ kind: 'list', items: cardLimitations(input) }],
    },
  ]
}
