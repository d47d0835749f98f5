import { Stack } from '@mantine/core'
import { useMemo, useState } from 'react'
import { defaultApproveClass } from '../../../core/evaluate/scoring/approve-class'
import type { CostSettings } from '../../../core/evaluate/scoring/cost'
import { sweepThresholds } from '../../../core/evaluate/scoring/threshold-sweep'
import type { EvaluateSectionProps } from '../evaluate-section'
import { CostPanel } from './cost-panel'
import { GainsPanel } from './gains-panel'
import { KsGiniPanel } from './ks-gini-panel'
import { ThresholdPanel } from './threshold-panel'

/**
 * The `Threshold & cost` tab of a binary model: the decision threshold, the cost of its mistakes,
 * and the separation figures credit-scoring teams report (KS, Gini, lift, gains). All of it is
 * a sort and a scan of the test rows, quick enough for the page even at 100 000 rows.
 */
export function ScoringSection({ testSet }: EvaluateSectionProps) {
  const sweep = useMemo(() => sweepThresholds(testSet.actual, testSet.outputs), [testSet])
  // The German credit data's documented costs: a bad loan granted costs five times a good one lost.
  const [costs, setCosts] = useState<CostSettings>({
    wrongApproval: 5,
    wrongRejection: 1,
    approveClass: defaultApproveClass(testSet.classes),
  })
  return (
    <Stack gap="md">
      <ThresholdPanel
        testSet={testSet}
        approveClass={costs.approveClass}
        onApproveClass={(approveClass) => setCosts({ ...costs, approveClass })}
      />
      <CostPanel testSet={testSet} sweep={sweep} costs={costs} onCosts={setCosts} />
      <KsGiniPanel testSet={testSet} sweep={sweep} />
      <GainsPanel testSet={testSet} />
    </Stack>
  )
}
