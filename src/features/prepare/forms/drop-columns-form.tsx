import { ColumnChecklist } from '../fields/column-checklist'
import { inputColumns, type StepFormProps } from './step-form-props'

export function DropColumnsForm({
  step,
  columns,
  target,
  onChange,
}: StepFormProps<'drop-columns'>) {
  return (
    <ColumnChecklist
      label="Columns to drop"
      value={step.columns}
      columns={inputColumns(columns, target)}
      onChange={(names) => onChange({ ...step, columns: names })}
    />
  )
}
