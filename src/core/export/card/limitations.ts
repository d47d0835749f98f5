import {
  compareMetrics,
  headlineKey,
  lowerIsBetter,
} from '../../evaluate/baselines/compare-baselines'
import type { FinishedRun } from '../../train/run-history'
import type { InputColumn } from '../input-schema'
import { cardNumber, cardPercent } from './card-format'
import { linearBaselineName } from './baseline-names'
import type { ModelCardInput } from './model-card'

/** Below this many test rows a metric moves visibly with another split. */
const SMALL_TEST_SET = 1000
/** A class below this share of the test rows counts as rare. */
const RARE_CLASS = 0.35
/** Column names that often stand for a protected characteristic or a close proxy of one. */
const SENSITIVE =
  /\b(age|sex|gender|female|male|race|ethnic|religion|nationality|foreign|marital|married|single|divorced|widowed|disab|pregnan|personal)/i

function testSetSize(run: FinishedRun): string | null {
  const n = run.testRows.length
  if (n >= SMALL_TEST_SET) return null
  const accuracy = run.metrics.find((m) => m.key === 'accuracy')?.value
  const spread =
    accuracy === undefined
      ? ''
      : ` With ${n} rows, the test accuracy of ${cardNumber(accuracy)} is only known to about ±${cardNumber(1.96 * Math.sqrt((accuracy * (1 - accuracy)) / n), 3)} (95% interval); another split could score differently.`
  return `The test set is small: ${cardNumber(n)} rows.${spread || ' Every test metric would move with another split.'}`
}

function classShares(run: FinishedRun): number[] {
  const { task, classes = [] } = run.recipe.target
  const labels = run.testLabels
  if (task === 'binary') {
    const positive = labels.reduce((n, v) => n + v, 0)
    return [1 - positive / labels.length, positive / labels.length]
  }
  const k = classes.length
  const counts = new Array<number>(k).fill(0)
  for (let i = 0; i < labels.length; i++)
    if (labels[i] === 1) counts[i % k] = (counts[i % k] ?? 0) + 1
  const rows = labels.length / k
  return counts.map((c) => c / rows)
}

function imbalance(run: FinishedRun): string | null {
  const { task, classes = [] } = run.recipe.target
  if (task === 'regression' || run.testLabels.length === 0) return null
  const shares = classShares(run)
  const rarest = shares.indexOf(Math.min(...shares))
  const share = shares[rarest] ?? 1
  if (share >= Math.min(RARE_CLASS, 0.8 / shares.length)) return null
  const recall = task === 'binary' ? run.metrics.find((m) => m.key === 'recall')?.value : undefined
  return `The classes are imbalanced: "${classes[rarest] ?? rarest}" is only ${cardPercent(share)} of the test rows. Accuracy flatters the model here (always predicting the common class would score ${cardPercent(1 - share)}); read precision, recall and ROC AUC instead.${recall === undefined || rarest !== 1 ? '' : ` At the 0.5 threshold the model finds ${cardPercent(recall)} of them (recall).`}`
}

function versusBaselines(run: FinishedRun): string[] {
  const { task } = run.recipe.target
  const key = headlineKey(task)
  const row = compareMetrics(run.metrics, run.linearBaselineMetrics, run.baselineMetrics).find(
    (r) => r.key === key,
  )
  if (!row) return []
  const sign = lowerIsBetter(key) ? -1 : 1
  const out: string[] = []
  if (row.prior !== null && sign * row.model <= sign * row.prior)
    out.push(
      `The network does not beat the baseline that ignores the inputs on ${row.label}: ${cardNumber(row.model)} against ${cardNumber(row.prior)}. It has learned nothing useful yet.`,
    )
  const linear = linearBaselineName(run.recipe).toLowerCase()
  if (row.linear === null)
    out.push(`No ${linear} could be fitted, so the network is compared with the baseline only.`)
  else if (sign * row.model <= sign * row.linear)
    out.push(
      `The network does not beat a ${linear} on ${row.label}: ${cardNumber(row.model)} against ${cardNumber(row.linear)}${sign < 0 ? ', lower is better' : ''}. The simpler model is at least as good on this data and easier to explain.`,
    )
  return out
}

function extrapolation(schema: readonly InputColumn[]): string | null {
  const ranged = schema.filter((c) => c.kind === 'numeric' && c.min !== null && c.max !== null)
  if (ranged.length === 0) return null
  const shown = ranged
    .slice(0, 6)
    .map((c) => `${c.name} ${cardNumber(c.min)} to ${cardNumber(c.max)}`)
    .join('; ')
  return `Predictions for values outside the ranges seen in the data are extrapolation and may be unreliable: ${shown}${ranged.length > 6 ? `, and ${ranged.length - 6} more columns (see Input columns)` : ''}.${schema.some((c) => c.kind === 'categorical') ? ' A category never seen in training is scored as none of the known ones.' : ''}`
}

function sensitiveColumns(schema: readonly InputColumn[]): string {
  const found = schema
    .filter((c) => SENSITIVE.test(c.name.replace(/[._-]/g, ' ')))
    .map((c) => c.name)
  const named = found.length
    ? ` The inputs include columns that may stand for protected characteristics or proxies of them (${found.slice(0, 6).join(', ')}${found.length > 6 ? ', …' : ''}).`
    : ''
  return `No fairness audit was done beyond the Evaluate step's Fairness view, which compares outcomes between groups of one column at a time on the test rows.${named} If the model informs decisions about people, check its outcomes across groups, and the law that applies, first.`
}

/** Honest limits of this model, computed from its run: what a reader should know before use. */
export function cardLimitations(input: ModelCardInput): string[] {
  const { run, inputSchema, quantization } = input
  const items = [
    testSetSize(run),
    imbalance(run),
    ...versusBaselines(run),
    extrapolation(inputSchema),
    run.stopReason === 'stopped'
      ? `Training was stopped by hand after ${run.epochs.length} of ${run.recipe.training.epochs} planned epochs.`
      : null,
    quantization === 'float32'
      ? null
      : `The weights are stored as ${quantization}: predictions differ slightly from the studio's${input.quantizationCheck ? ' (see Weight storage for the measured change)' : ', by the change the studio showed before download'}.`,
    sensitiveColumns(inputSchema),
    `The model learned from one snapshot of "${run.recipe.source.name}". If the population or the way the data is recorded changes, its accuracy will change too: score fresh labelled rows from time to time.`,
  ]
  return items.filter((item): item is string => item !== null)
}
