import { Text } from '@mantine/core'
import { ColumnChecklist } from '../fields/column-checklist'
import type { StepFormProps } from './step-form-props'

export function DropDuplicatesForm({ step, columns, onChange }: StepFormProps<'drop-duplicates'>) {
  return (
    <>
      <ColumnChecklist
        label="Compare columns"
        description="Rows equal in these columns count as duplicates; none chosen compares every column."
        value={step.columns}
        columns={columns}
        onChange={(names) => onChange({ ...step, columns: names })}
      />
      <Text size="xs" c="dimmed">
        The first row of each group is kept.
      </Text>
    </>
  )
}
