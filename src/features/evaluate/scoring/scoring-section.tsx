import { Stack } from '@mantine/core'
import { useMemo } from 'react'
import type { CostSettings } from '../../../core/evaluate/scoring/cost'
import { sweepThresholds } from '../../../core/evaluate/scoring/threshold-sweep'
import type { EvaluateSectionProps } from '../evaluate-section'
import { CostPanel } from './cost-panel'
import { GainsPanel } from './gains-panel'
import { KsGiniPanel } from './ks-gini-panel'
import { useApproveClass, useScoringChoices } from './scoring-choices'
import { ThresholdPanel } from './threshold-panel'

/**
 * The `Threshold & cost` tab of a binary model: the decision threshold, the cost of its mistakes,
 * and the separation figures credit-scoring teams report (KS, Gini, lift, gains). All of it is
 * a sort and a scan of the test rows, quick enough for the page even at 100 000 rows.
 */
export function ScoringSection({ testSet }: EvaluateSectionProps) {
  const sweep = useMemo(() => sweepThresholds(testSet.actual, testSet.outputs), [testSet])
  const [approveClass, setApproveClass] = useApproveClass(testSet.classes)
  const wrongApproval = useScoringChoices((s) => s.wrongApproval)
  const wrongRejection = useScoringChoices((s) => s.wrongRejection)
  const setChoices = useScoringChoices((s) => s.set)
  const costs = useMemo<CostSettings>(
    () => ({ wrongApproval, wrongRejection, approveClass }),
    [wrongApproval, wrongRejection, approveClass],
  )
  return (
    <Stack gap="md">
      <ThresholdPanel
        testSet={testSet}
        approveClass={costs.approveClass}
        onApproveClass={setApproveClass}
      />
      <CostPanel
        testSet={testSet}
        sweep={sweep}
        costs={costs}
        onCosts={({ wrongApproval, wrongRejection }) =>
          setChoices({ wrongApproval, wrongRejection })
        }
      />
      <KsGiniPanel testSet={testSet} sweep={sweep} />
      <GainsPanel testSet={testSet} />
    </Stack>
  )
}
