import { findColumn, type Table } from '../../table/table'
import type { BalanceSpec, SplitSpec, TargetSpec } from '../recipe-schema'
import { count, percent, stat } from './format'
import { classCounts } from './target'
import type { SeriesPlan } from './time-series'

/**
 * A class with fewer rows than this share of the commonest class's is rare enough for the loss
 * to weigh it up: for two classes, a minority under 20% of the rows. Ten classes of about 10%
 * each are balanced, so the rule compares classes with each other, not with the whole.
 */
export const IMBALANCED_RATIO = 0.25

const PARTS = { train: 0.8, validation: 0.1, test: 0.1 } as const

/** The split and class balance proposed for a target, each with its reason for the analyst. */
export interface ProposedChoices {
  readonly split: SplitSpec
  readonly balance: BalanceSpec
  readonly why: { readonly split: string; readonly balance: string }
}

function classMix(labels: readonly string[], counts: readonly number[], total: number): string {
  const mix = labels
    .map((label, i) => ({ label, n: counts[i] ?? 0 }))
    .sort((a, b) => b.n - a.n)
    .map((c) => `${c.label} ${percent(c.n / total)}`)
  return mix.length > 4
    ? `${mix.slice(0, 3).join(', ')} … ${mix[mix.length - 1] ?? ''}`
    : mix.join(', ')
}

function proposeSplit(
  target: TargetSpec,
  series: SeriesPlan | null,
  mix: string,
): { split: SplitSpec; why: string } {
  if (series) {
    const periods = series.cadence.periods
    return {
      split: { method: 'chronological', orderBy: series.dateColumn, ...PARTS },
      why: `Time series: rows are put in "${series.dateColumn}" order and cut in time, the earliest 80% to train, the next 10% to validate and the latest 10% to test, so the model is scored on ${periods} after the ones it learned from, as it will be used. A shuffled split would let it peek at the future.`,
    }
  }
  if (target.task === 'regression') {
    return {
      split: { method: 'random', ...PARTS },
      why: 'Random split (seeded, so it repeats): 80% of rows train the model, 10% validate it while it trains and 10% are kept apart for the final test.',
    }
  }
  return {
    split: { method: 'stratified', ...PARTS },
    why: `Stratified split (seeded): 80% train, 10% validate, 10% test, each part keeping the class mix (${mix}), so a rare class is in every part and the test score is not luck of the draw.`,
  }
}

function proposeBalance(
  target: TargetSpec,
  labels: readonly string[],
  counts: readonly number[],
  total: number,
): { balance: BalanceSpec; why: string } {
  if (target.task === 'regression' || labels.length < 2)
    return { balance: { method: 'none' }, why: 'Regression: there are no classes to balance.' }
  let rare = 0
  let common = 0
  counts.forEach((n, i) => {
    if (n < (counts[rare] ?? 0)) rare = i
    if (n > (counts[common] ?? 0)) common = i
  })
  const nRare = counts[rare] ?? 0
  const nCommon = counts[common] ?? 0
  const of = `${percent(nRare / total)} of rows (${count(nRare)} of ${count(total)})`
  if (nRare >= IMBALANCED_RATIO * nCommon) {
    return {
      balance: { method: 'none' },
      why: `The rarest class, "${labels[rare] ?? ''}", is ${of}: balanced enough to train as is.`,
    }
  }
  const ratio = nCommon / Math.max(1, nRare)
  return {
    balance: { method: 'class-weights' },
    why: `The rarest class, "${labels[rare] ?? ''}", is only ${of}, under a quarter of the commonest, "${labels[common] ?? ''}" (${count(nCommon)}). Class weights make a mistake on it cost ${stat(ratio)}× one on "${labels[common] ?? ''}", so the model cannot do well by always answering "${labels[common] ?? ''}". The weights come from the training rows; validation and test keep the true mix. Oversampling would repeat the same rare rows many times, which invites memorising them.`,
  }
}

/**
 * The split and the class balance for a target, with reasons: chronological for a time series,
 * stratified for classes, random for other numbers; class weights when a class has under a quarter
 * of the commonest class's rows.
 */
export function chooseSplitAndBalance(
  table: Table,
  target: TargetSpec,
  series: SeriesPlan | null,
): ProposedChoices {
  const column = findColumn(table, target.column)
  const labels = target.classes ?? []
  const counts = classCounts(column, labels)
  const total = counts.reduce((a, b) => a + b, 0)
  const split = proposeSplit(target, series, classMix(labels, counts, total))
  const balance = proposeBalance(target, labels, counts, total)
  return {
    split: split.split,
    balance: balance.balance,
    why: { split: split.why, balance: balance.why },
  }
}
