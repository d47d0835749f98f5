import { Alert, Stack, Tabs } from '@mantine/core'
import { useEffect, useMemo } from 'react'
import { testSetOf } from '../../core/evaluate/test-set'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'
import { ClassificationSection } from './classification/classification-section'
import type { EvaluateSectionProps } from './evaluate-section'
import { ExplainSection } from './explain/explain-section'
import { FairnessSection } from './fairness/fairness-section'
import { TestMetricsSection } from './metrics/test-metrics-section'
import { RegressionSection } from './regression/regression-section'
import { ScoringSection } from './scoring/scoring-section'
import { useThreshold } from './threshold-store'

export function EvaluateStep() {
  const trained = useStudio((s) => s.trained)
  const dataset = useStudio((s) => s.dataset)
  const opened = useStudio((s) => s.openedBundle)
  const testSet = useMemo(() => (trained ? testSetOf(trained) : null), [trained])
  // A new model starts at the neutral threshold: the last model's choice says nothing about it.
  useEffect(() => useThreshold.getState().setThreshold(0.5), [trained])
  if (!trained || !testSet) {
    return (
      <EmptyState title="No trained model yet">
        Train a model on the Train step: its test metrics appear here.
      </EmptyState>
    )
  }
  if (trained.testRows.length === 0) {
    return (
      <EmptyState title="No test rows for this model">
        {opened?.notTested ??
          'This model has no test rows to evaluate. Load its data and open it again on Deploy.'}
      </EmptyState>
    )
  }
  const table =
    trained.recipe.source.kind === 'table' && dataset?.name === trained.recipe.source.name
      ? dataset.table
      : null
  const props: EvaluateSectionProps = { trained, testSet, table }
  const classes = testSet.task !== 'regression'
  return (
    <Stack gap="md">
      {trained.stoppedEarly && (
        <Alert color="yellow" title="Stopped early">
          Training was stopped by hand after {trained.epochs.length} epochs; these results describe
          the model at that point.
        </Alert>
      )}
      <Tabs defaultValue="performance" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="performance">Performance</Tabs.Tab>
          {testSet.task === 'binary' && <Tabs.Tab value="threshold">Threshold & cost</Tabs.Tab>}
          <Tabs.Tab value="explain">Explain</Tabs.Tab>
          {classes && <Tabs.Tab value="fairness">Fairness</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="performance" pt="md">
          <Stack gap="md">
            <TestMetricsSection {...props} />
            {classes ? <ClassificationSection {...props} /> : <RegressionSection {...props} />}
          </Stack>
        </Tabs.Panel>
        {testSet.task === 'binary' && (
          <Tabs.Panel value="threshold" pt="md">
            <ScoringSection {...props} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="explain" pt="md">
          <ExplainSection {...props} />
        </Tabs.Panel>
        {classes && (
          <Tabs.Panel value="fairness" pt="md">
            <FairnessSection {...props} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  )
}
