import { Group, NativeSelect } from '@mantine/core'
import type { StepOf } from '../../../core/recipe/step-schema'
import { ColumnChecklist } from '../fields/column-checklist'
import { CommitNumberInput } from '../../../ui/commit-number-input'
import { numericColumns, type StepFormProps } from './step-form-props'

type OutliersStep = StepOf<'outliers'>

export function OutliersForm({ step, columns, target, onChange }: StepFormProps<'outliers'>) {
  return (
    <>
      <ColumnChecklist
        label="Columns"
        value={step.columns}
        columns={numericColumns(columns, target)}
        onChange={(names) => onChange({ ...step, columns: names })}
      />
      <Group grow align="start">
        <NativeSelect
          label="Bounds from"
          value={step.method}
          data={[
            { value: 'iqr', label: 'IQR: quartiles ± t × IQR' },
            { value: 'z-score', label: 'z-score: mean ± t × std' },
          ]}
          onChange={(e) =>
            onChange({ ...step, method: e.currentTarget.value as OutliersStep['method'] })
          }
        />
        <CommitNumberInput
          key={step.threshold}
          label="Threshold t"
          value={step.threshold}
          min={0}
          step={0.5}
          decimalScale={3}
          onCommit={(v) => v !== null && onChange({ ...step, threshold: v })}
        />
      </Group>
      <NativeSelect
        label="Outside the bounds"
        description="Dropping applies to training rows only: validation and test keep every row."
        value={step.action}
        data={[
          { value: 'clip', label: 'Clip values to the bounds (every split)' },
          { value: 'drop', label: 'Drop the training rows' },
        ]}
        onChange={(e) =>
          onChange({ ...step, action: e.currentTarget.value as OutliersStep['action'] })
        }
      />
    </>
  )
}
