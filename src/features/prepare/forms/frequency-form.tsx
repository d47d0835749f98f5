import { Text } from '@mantine/core'
import { ColumnSelect } from '../fields/column-select'
import { categoricalColumns, type StepFormProps } from './step-form-props'

export function FrequencyForm({ step, columns, target, onChange }: StepFormProps<'frequency'>) {
  return (
    <>
      <ColumnSelect
        label="Column"
        value={step.column}
        columns={categoricalColumns(columns, target)}
        onChange={(column) => onChange({ ...step, column })}
      />
      <Text size="xs" c="dimmed">
        Unseen and missing categories become 0.
      </Text>
    </>
  )
}
