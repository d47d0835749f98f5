import { describe, expect, it } from 'vitest'
import { compareMetrics } from './compare-baselines'

describe('compareMetrics', () => {
  it('matches baselines by key and marks the lower log loss and the higher AUC as best', () => {
    const rows = compareMetrics(
      [
        { key: 'auc', label: 'ROC AUC', value: 0.78 },
        { key: 'logLoss', label: 'Log loss', value: 0.52 },
      ],
      // Listed in another order, with a metric the model lacks: only keys count.
      [
        { key: 'logLoss', label: 'Log loss', value: 0.49 },
        { key: 'brier', label: 'Brier', value: 0.16 },
        { key: 'auc', label: 'ROC AUC', value: 0.76 },
      ],
      [
        { key: 'auc', label: 'ROC AUC', value: 0.5 },
        { key: 'logLoss', label: 'Log loss', value: 0.61 },
      ],
    )
    expect(rows).toEqual([
      { key: 'auc', label: 'ROC AUC', model: 0.78, linear: 0.76, prior: 0.5, best: 'model' },
      { key: 'logLoss', label: 'Log loss', model: 0.52, linear: 0.49, prior: 0.61, best: 'linear' },
    ])
  })

  it('gives a tie to the simpler predictor and skips a missing linear baseline', () => {
    const rows = compareMetrics([{ key: 'accuracy', label: 'Accuracy', value: 0.7 }], null, [
      { key: 'accuracy', label: 'Accuracy', value: 0.7 },
    ])
    expect(rows[0]).toMatchObject({ linear: null, prior: 0.7, best: 'prior' })
  })
})
