import { describe, expect, it } from 'vitest'
import { compareMetrics } from '../../../core/evaluate/baselines/compare-baselines'
import { metricsVerdict } from './metrics-verdict'

describe('metricsVerdict', () => {
  it('says by how much the network beats the logistic regression on ROC AUC', () => {
    const rows = compareMetrics(
      [{ key: 'auc', label: 'ROC AUC', value: 0.8 }],
      [{ key: 'auc', label: 'ROC AUC', value: 0.75 }],
      null,
    )
    expect(metricsVerdict(rows, 'binary', 'Logistic regression')).toBe(
      'On ROC AUC the network beats the logistic regression by 0.05 (6.7%): 0.8 against 0.75.',
    )
  })

  it('reads RMSE as lower is better and says when the linear model wins', () => {
    const rows = compareMetrics(
      [{ key: 'rmse', label: 'RMSE', value: 3.5 }],
      [{ key: 'rmse', label: 'RMSE', value: 2.8 }],
      null,
    )
    expect(metricsVerdict(rows, 'regression', 'Linear regression')).toMatch(
      /^On RMSE the linear regression beats the network by 0\.7 \(25\.0%\): 3\.5 against 2\.8, lower is better\./,
    )
  })

  it('falls back to the prior baseline when no linear model was fitted', () => {
    const rows = compareMetrics([{ key: 'auc', label: 'ROC AUC', value: 0.8 }], null, null)
    expect(metricsVerdict(rows, 'binary', 'Logistic regression')).toMatch(/No logistic regression/)
  })
})
