import { expect, it } from 'vitest'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'

it('a finished German credit run carries the logistic regression metrics beside its own', async () => {
  const { table, recipeFor } = bundledTable('GermanCredit.csv')
  const run = await trainForReal(withTraining(recipeFor('Class'), { epochs: 2 }), table)
  const linear = run.linearBaselineMetrics
  expect(linear?.map((m) => m.key)).toEqual(run.metrics.map((m) => m.key))
  // Fitted on the run's own training rows: the same number the unit fit gives, far above chance.
  expect(linear?.find((m) => m.key === 'auc')?.value).toBeGreaterThan(0.7)
})
