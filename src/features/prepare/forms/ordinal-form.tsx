import { Switch } from '@mantine/core'
import { ColumnSelect } from '../fields/column-select'
import { CommitNumberInput } from '../../../ui/commit-number-input'
import { CommitTextarea } from '../fields/commit-textarea'
import { categoricalColumns, type StepFormProps } from './step-form-props'

export function OrdinalForm({ step, columns, target, onChange }: StepFormProps<'ordinal'>) {
  const choices = categoricalColumns(columns, target)
  const known =
    step.fitted?.categories ?? choices.find((c) => c.name === step.column)?.categories ?? []
  return (
    <>
      <ColumnSelect
        label="Column"
        value={step.column}
        columns={choices}
        onChange={(column) => onChange({ ...step, column, order: null })}
      />
      <Switch
        label="My own order (otherwise the training categories sorted A to Z)"
        checked={step.order !== null}
        onChange={(e) => onChange({ ...step, order: e.currentTarget.checked ? [...known] : null })}
      />
      {step.order !== null && (
        <CommitTextarea
          key={step.order.join('\n')}
          label="Order, one category a line (first becomes 0)"
          lines={step.order}
          onCommit={(order) => onChange({ ...step, order })}
        />
      )}
      <CommitNumberInput
        key={step.unseenValue}
        label="Value for an unseen category"
        value={step.unseenValue}
        onCommit={(v) => onChange({ ...step, unseenValue: v ?? -1 })}
      />
    </>
  )
}
