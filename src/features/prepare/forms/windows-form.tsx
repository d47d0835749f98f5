import { Group, NativeSelect } from '@mantine/core'
import { ColumnChecklist } from '../fields/column-checklist'
import { CommitNumberInput } from '../../../ui/commit-number-input'
import type { StepFormProps } from './step-form-props'

export function WindowsForm({ step, columns, onChange }: StepFormProps<'windows'>) {
  const numeric = columns.filter((c) => c.kind === 'numeric')
  const whole = (key: 'lookback' | 'horizon' | 'stride', label: string, description: string) => (
    <CommitNumberInput
      key={`${key}${step[key]}`}
      label={label}
      description={description}
      value={step[key]}
      min={1}
      max={365}
      allowDecimal={false}
      onCommit={(v) => v !== null && onChange({ ...step, [key]: v })}
    />
  )
  return (
    <>
      <NativeSelect
        label="Series order"
        value={step.orderBy ?? ''}
        data={[
          { value: '', label: 'File order' },
          ...numeric.map((c) => ({ value: c.name, label: c.name })),
        ]}
        onChange={(e) => onChange({ ...step, orderBy: e.currentTarget.value || null })}
      />
      <ColumnChecklist
        label="Columns with lag inputs"
        description="Each gets its past values as inputs; the target can be one of them."
        value={step.columns}
        columns={numeric}
        onChange={(names) => onChange({ ...step, columns: names })}
      />
      <Group grow align="start">
        {whole('lookback', 'Look-back', 'Rows of history')}
        {whole('horizon', 'Horizon', 'Rows ahead to predict')}
        {whole('stride', 'Stride', 'Keep every n-th window')}
      </Group>
    </>
  )
}
