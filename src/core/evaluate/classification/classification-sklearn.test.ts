import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { calibrationCurve } from './calibration'
import {
  averagePrecision,
  oneVsRest,
  precisionRecallCurve,
  rankCounts,
  rocArea,
  rocCurve,
} from './curves'
import { cellIndices, classReport, confusionMatrix, predictedClasses } from './report'
import { thinnedIndices } from './thin-points'

/** Curves and reports written by ../fixtures/make-metric-fixtures.py with scikit-learn 1.2. */
interface SklearnCurves {
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] }
  pr: { precision: number[]; recall: number[]; thresholds: number[] }
  averagePrecision: number
  calibration: { observed: number[]; predicted: number[]; counts: number[] }
}
interface SklearnReport {
  precision: number[]
  recall: number[]
  f1: number[]
  support: number[]
  accuracy: number
  macro: { precision: number; recall: number; f1: number }
  weighted: { precision: number; recall: number; f1: number }
}
interface Fixtures {
  binary: {
    name: string
    expected: Record<string, number>
    labels: number[]
    probabilities: number[]
    curves: SklearnCurves
    report: SklearnReport
    confusion: number[][]
    confusionAt03: number[][]
  }[]
  multiclass: {
    name: string
    classCount: number
    labels: number[]
    probabilities: number[]
    curves: SklearnCurves[]
    report: SklearnReport
    confusion: number[][]
  }[]
}

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/metric-fixtures.json', import.meta.url), 'utf8'),
) as Fixtures

function expectClose(got: ArrayLike<number>, expected: readonly number[], what: string) {
  expect(got.length, `${what}: number of points`).toBe(expected.length)
  for (let i = 0; i < expected.length; i++) {
    expect(got[i], `${what}[${i}]`).toBeCloseTo(expected[i] ?? Number.NaN, 12)
  }
}

function expectCurves(labels: ArrayLike<number>, scores: ArrayLike<number>, want: SklearnCurves) {
  const counts = rankCounts(labels, scores)
  const roc = rocCurve(counts)
  expectClose(roc.fpr, want.roc.fpr, 'ROC false positive rate')
  expectClose(roc.tpr, want.roc.tpr, 'ROC true positive rate')
  expectClose(roc.thresholds, want.roc.thresholds, 'ROC thresholds')
  const pr = precisionRecallCurve(counts)
  expectClose(pr.precision, want.pr.precision, 'precision')
  expectClose(pr.recall, want.pr.recall, 'recall')
  expectClose(pr.thresholds, want.pr.thresholds, 'PR thresholds')
  expect(averagePrecision(counts)).toBeCloseTo(want.averagePrecision, 12)
  const bins = calibrationCurve(labels, scores)
  expectClose(
    bins.map((b) => b.observed),
    want.calibration.observed,
    'calibration observed share',
  )
  expectClose(
    bins.map((b) => b.predicted),
    want.calibration.predicted,
    'calibration mean prediction',
  )
  expect(bins.map((b) => b.count)).toEqual(want.calibration.counts)
}

function expectReport(matrix: number[][], want: SklearnReport) {
  const report = classReport(matrix)
  expectClose(
    report.perClass.map((c) => c.precision),
    want.precision,
    'precision per class',
  )
  expectClose(
    report.perClass.map((c) => c.recall),
    want.recall,
    'recall per class',
  )
  expectClose(
    report.perClass.map((c) => c.f1),
    want.f1,
    'F1 per class',
  )
  expect(report.perClass.map((c) => c.support)).toEqual(want.support)
  expect(report.accuracy).toBeCloseTo(want.accuracy, 12)
  for (const average of ['macro', 'weighted'] as const) {
    for (const key of ['precision', 'recall', 'f1'] as const) {
      expect(report[average][key], `${average} ${key}`).toBeCloseTo(want[average][key], 12)
    }
  }
}

describe('binary curves, confusion matrix and report against scikit-learn', () => {
  it.each(fixtures.binary.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expectCurves(c.labels, c.probabilities, c.curves)
    expect(rocArea(rocCurve(rankCounts(c.labels, c.probabilities)))).toBeCloseTo(
      c.expected.auc ?? Number.NaN,
      12,
    )
    const at05 = predictedClasses('binary', c.probabilities, 2)
    expect(confusionMatrix(c.labels, at05, 2)).toEqual(c.confusion)
    expectReport(c.confusion, c.report)
    const at03 = predictedClasses('binary', c.probabilities, 2, 0.3)
    expect(confusionMatrix(c.labels, at03, 2)).toEqual(c.confusionAt03)
  })

  it('covers tied scores (fewer curve points than rows) and a rare positive class', () => {
    const [ties, imbalanced] = fixtures.binary
    expect(ties?.curves.roc.fpr.length).toBeLessThan((ties?.labels.length ?? 0) / 10)
    const positives = imbalanced?.labels.filter((y) => y === 1).length ?? 0
    expect(positives / (imbalanced?.labels.length ?? 1)).toBeLessThan(0.1)
  })
})

describe('multiclass, one class against the rest, against scikit-learn', () => {
  it.each(fixtures.multiclass.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const predicted = predictedClasses('multiclass', c.probabilities, c.classCount)
    const matrix = confusionMatrix(c.labels, predicted, c.classCount)
    expect(matrix).toEqual(c.confusion)
    expectReport(matrix, c.report)
    c.curves.forEach((want, k) => {
      const { labels, scores } = oneVsRest(c.labels, c.probabilities, c.classCount, k)
      expectCurves(labels, scores, want)
    })
  })
})

describe('confusion-matrix cells', () => {
  it('list exactly the rows counted in the cell, every one with that actual and prediction', () => {
    const c = fixtures.multiclass[0]
    if (!c) throw new Error('no multiclass fixture')
    const predicted = predictedClasses('multiclass', c.probabilities, c.classCount)
    for (let a = 0; a < c.classCount; a++) {
      for (let p = 0; p < c.classCount; p++) {
        const rows = cellIndices(c.labels, predicted, a, p)
        expect(rows).toHaveLength(c.confusion[a]?.[p] ?? -1)
        for (const i of rows) expect([c.labels[i], predicted[i]]).toEqual([a, p])
      }
    }
  })
})

describe('calibrationCurve', () => {
  it('puts a score on a bin edge into the lower bin, as numpy searchsorted does', () => {
    const bins = calibrationCurve([1, 0, 1], [0.5, 0.5000001, 1])
    expect(bins.map((b) => [b.lower, b.count])).toEqual([
      [0.4, 1],
      [0.5, 1],
      [0.9, 1],
    ])
  })

  it('refuses scores that are not probabilities, saying which', () => {
    expect(() => calibrationCurve([1], [1.5])).toThrow(/1.5.*outside 0 to 1/)
  })
})

describe('thinnedIndices', () => {
  it('keeps every point of a short curve and the ends of a long one', () => {
    expect(thinnedIndices(4, 10)).toEqual([0, 1, 2, 3])
    const long = thinnedIndices(10_001, 501)
    expect(long).toHaveLength(501)
    expect([long[0], long.at(-1)]).toEqual([0, 10_000])
    expect(new Set(long).size).toBe(501)
  })
})
