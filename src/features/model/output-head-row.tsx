import { Group, NativeSelect } from '@mantine/core'
import type { LayerCheck } from '../../core/model/check-model'
import { formatShape } from '../../core/model/check-model'
import { lossLabel, type OutputHead } from '../../core/model/head'
import type { ModelSpec, RegressionLoss } from '../../core/model/model-spec'
import { useStudio } from '../../state/studio-store'
import { CommitNumberInput } from '../../ui/commit-number-input'
import { FixedRow } from './fixed-rows'

const REGRESSION_LOSS_LABELS: Record<RegressionLoss, string> = {
  meanSquaredError: 'mean squared error',
  meanAbsoluteError: 'mean absolute error',
  huber: 'Huber',
}

interface Props {
  readonly head: OutputHead
  readonly check: LayerCheck | undefined
  readonly spec: ModelSpec
  readonly regression: boolean
}

/** The output layer follows the target; a number target lets the analyst choose the loss. */
export function OutputHeadRow({ head, check, spec, regression }: Props) {
  const setRegressionLoss = useStudio((s) => s.setRegressionLoss)
  return (
    <FixedRow
      kind="Output"
      of="the output layer"
      title={`Dense (${head.units}, ${head.activation})`}
      detail={`${lossLabel(head.loss)} loss`}
      shape={formatShape(check?.output ?? [head.units])}
      params={check?.output ? check.params : null}
      error={check?.error}
    >
      {regression && (
        <Group gap="xs" mt={6} pl={70} align="end">
          <NativeSelect
            size="xs"
            label="Regression loss"
            value={spec.regressionLoss}
            data={Object.entries(REGRESSION_LOSS_LABELS).map(([value, label]) => ({
              value,
              label,
            }))}
            onChange={(e) => setRegressionLoss(e.currentTarget.value as RegressionLoss)}
          />
          {spec.regressionLoss === 'huber' && (
            <CommitNumberInput
              key={spec.huberDelta}
              size="xs"
              w={120}
              label="Huber delta"
              description="in target units"
              value={spec.huberDelta}
              min={0.0001}
              step={0.1}
              onCommit={(delta) => delta !== null && delta > 0 && setRegressionLoss('huber', delta)}
            />
          )}
        </Group>
      )}
    </FixedRow>
  )
}
