import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { binaryMetrics } from '../metrics'
import { costCurve, costOf, decisionsOf } from './cost'
import { decileTable, gainsCurve } from './gains'
import { classCdfs, gini, ksStatistic } from './ks-gini'
import { confusionAt, countsAt, sweepThresholds } from './threshold-sweep'
import { thinIndices } from './thin'
import { defaultApproveClass } from './approve-class'

/** Cases and reference values written by fixtures/make-scoring-fixtures.py (sklearn, scipy, pandas). */
interface Case {
  name: string
  labels: number[]
  scores: number[]
  confusion: Record<string, { tp: number; fp: number; tn: number; fn: number }>
  ks: number
  ksRoc: number
  ksThreshold: number
  ksTpr: number
  ksFpr: number
  gini: number
  costs: {
    wrongApproval: number
    wrongRejection: number
    approveClass: 0 | 1
    cheapestThreshold: number
    cheapestCost: number
    curveLength: number
    costAt: Record<string, number>
  }[]
  deciles: { eventClass: 0 | 1; rows: Record<string, number>[] }[]
  gains: { share: number[]; gain: number[] }
}

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/scoring-fixtures.json', import.meta.url), 'utf8'),
) as { binary: Case[] }
const cases = fixtures.binary.map((c) => [c.name, c] as const)

describe('threshold, cost, KS, Gini, lift and gains against scikit-learn, scipy and pandas', () => {
  it.each(cases)('%s: confusion counts at a threshold (sklearn confusion_matrix)', (_, c) => {
    for (const [t, expected] of Object.entries(c.confusion)) {
      expect(confusionAt(c.labels, c.scores, Number(t)), `threshold ${t}`).toEqual(expected)
    }
  })

  it.each(cases)('%s: KS equals ks_2samp and max |TPR − FPR| of roc_curve', (_, c) => {
    const ks = ksStatistic(sweepThresholds(c.labels, c.scores))
    expect(ks.ks).toBeCloseTo(c.ks, 12)
    expect(ks.ks).toBeCloseTo(c.ksRoc, 12)
    expect(ks.threshold).toBe(c.ksThreshold)
    expect(ks.tpr).toBeCloseTo(c.ksTpr, 12)
    expect(ks.fpr).toBeCloseTo(c.ksFpr, 12)
  })

  it.each(cases)('%s: the KS chart shows the gap at the KS threshold', (_, c) => {
    const sweep = sweepThresholds(c.labels, c.scores)
    const ks = ksStatistic(sweep)
    const at = classCdfs(sweep).find((p) => p.score === ks.threshold)
    expect(Math.abs((at?.negativeBelow ?? 0) - (at?.positiveBelow ?? 0))).toBeCloseTo(ks.ks, 12)
  })

  it.each(cases)('%s: Gini = 2 · roc_auc_score − 1', (_, c) => {
    expect(gini(c.labels, c.scores)).toBeCloseTo(c.gini, 12)
  })

  it.each(cases)('%s: cost at a threshold and the exact cheapest threshold', (_, c) => {
    const sweep = sweepThresholds(c.labels, c.scores)
    for (const settings of c.costs) {
      for (const [t, expected] of Object.entries(settings.costAt)) {
        expect(costOf(confusionAt(c.labels, c.scores, Number(t)), settings)).toBe(expected)
      }
      const curve = costCurve(sweep, settings)
      expect(curve.totals).toHaveLength(settings.curveLength)
      expect(curve.cheapest.threshold).toBe(settings.cheapestThreshold)
      expect(curve.cheapest.cost).toBe(settings.cheapestCost)
      // No threshold in between does better: the scan covers every decision the model can make.
      for (let t = 0; t <= 1; t += 0.001) {
        expect(costOf(confusionAt(c.labels, c.scores, t), settings)).toBeGreaterThanOrEqual(
          settings.cheapestCost,
        )
      }
    }
  })

  it.each(cases)('%s: deciles as pandas groups them', (_, c) => {
    for (const { eventClass, rows } of c.deciles) {
      const table = decileTable(c.labels, c.scores, eventClass)
      expect(table).toHaveLength(rows.length)
      rows.forEach((expected, d) => {
        const got = table[d] as unknown as Record<string, number>
        for (const [key, value] of Object.entries(expected)) {
          expect(got[key], `decile ${d} ${key}`).toBeCloseTo(value, 12)
        }
      })
    }
  })

  it.each(cases)('%s: the continuous gains curve', (_, c) => {
    const curve = gainsCurve(c.labels, c.scores, 1)
    expect(curve.share).toHaveLength(c.gains.share.length)
    c.gains.share.forEach((v, i) => expect(curve.share[i]).toBeCloseTo(v, 12))
    c.gains.gain.forEach((v, i) => expect(curve.gain[i]).toBeCloseTo(v, 12))
  })
})

describe('threshold sweep', () => {
  it('agrees with the Test metrics table at 0.5', () => {
    const c = fixtures.binary[1] as Case
    const sweep = sweepThresholds(c.labels, c.scores)
    const index = sweep.thresholds.findLastIndex((t) => t >= 0.5)
    const counts = countsAt(sweep, index)
    const precision = binaryMetrics(c.labels, c.scores).find((m) => m.key === 'precision')
    expect(counts.tp / (counts.tp + counts.fp)).toBeCloseTo(precision?.value ?? NaN, 12)
    expect(counts).toEqual(confusionAt(c.labels, c.scores, 0.5))
  })

  it('names the same mistakes wrong approvals whichever class the analyst approves', () => {
    const counts = { tp: 40, fp: 10, tn: 30, fn: 20 }
    expect(decisionsOf(counts, 1)).toEqual({
      approvals: 50,
      rejections: 50,
      wrongApprovals: 10,
      wrongRejections: 20,
    })
    expect(decisionsOf(counts, 0)).toEqual({
      approvals: 50,
      rejections: 50,
      wrongApprovals: 20,
      wrongRejections: 10,
    })
  })

  it('offers "approve nobody" (threshold 1) only when no score reaches 1', () => {
    expect(Array.from(sweepThresholds([0, 1], [0.2, 0.9]).thresholds)).toEqual([1, 0.9, 0.2])
    expect(Array.from(sweepThresholds([0, 1], [0.2, 1]).thresholds)).toEqual([1, 0.2])
  })
})

describe('thinIndices', () => {
  it('keeps a long curve to about the asked size, with its ends and the points asked for', () => {
    const kept = thinIndices(100_000, 400, [31_337])
    expect(kept.length).toBeLessThanOrEqual(401)
    expect(kept[0]).toBe(0)
    expect(kept.at(-1)).toBe(99_999)
    expect(kept).toContain(31_337)
    expect(thinIndices(5, 400)).toEqual([0, 1, 2, 3, 4])
  })
})

describe('defaultApproveClass', () => {
  it('approves the positive class unless its name says it is the bad outcome', () => {
    expect(defaultApproveClass(['Good', 'Bad'])).toBe(0)
    expect(defaultApproveClass(['paid', 'default'])).toBe(0)
    expect(defaultApproveClass(['no', 'yes'])).toBe(1)
    expect(defaultApproveClass(['rejected', 'approved'])).toBe(1)
    expect(defaultApproveClass(['setosa', 'versicolor'])).toBe(1)
  })
})
