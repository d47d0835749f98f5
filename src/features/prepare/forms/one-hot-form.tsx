import { NativeSelect, Switch } from '@mantine/core'
import { ColumnSelect } from '../fields/column-select'
import { CommitNumberInput } from '../../../ui/commit-number-input'
import { categoricalColumns, type StepFormProps } from './step-form-props'

export function OneHotForm({ step, columns, target, onChange }: StepFormProps<'one-hot'>) {
  const capped = step.maxCategories !== null
  return (
    <>
      <ColumnSelect
        label="Column"
        value={step.column}
        columns={categoricalColumns(columns, target)}
        onChange={(column) => onChange({ ...step, column })}
      />
      <Switch
        label="Limit the number of inputs (rare categories share “other”)"
        checked={capped}
        onChange={(e) => onChange({ ...step, maxCategories: e.currentTarget.checked ? 10 : null })}
      />
      {capped && (
        <CommitNumberInput
          key={step.maxCategories}
          label="Most inputs"
          description="The most frequent training categories get an input each; the rest share “other”."
          value={step.maxCategories}
          min={1}
          allowDecimal={false}
          onCommit={(v) => onChange({ ...step, maxCategories: v })}
        />
      )}
      <NativeSelect
        label="A category never seen in training"
        value={step.unseen}
        data={[
          { value: 'zeros', label: 'Turns every input off' },
          { value: 'other', label: 'Goes to “other” (when there is one)' },
        ]}
        onChange={(e) => onChange({ ...step, unseen: e.currentTarget.value as 'other' | 'zeros' })}
      />
    </>
  )
}
