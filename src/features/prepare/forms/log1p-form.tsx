import { ColumnChecklist } from '../fields/column-checklist'
import { numericColumns, type StepFormProps } from './step-form-props'

export function Log1pForm({ step, columns, target, onChange }: StepFormProps<'log1p'>) {
  return (
    <ColumnChecklist
      label="Columns to transform"
      description="Values at or below −1 have no logarithm and become missing."
      value={step.columns}
      columns={numericColumns(columns, target)}
      onChange={(names) => onChange({ ...step, columns: names })}
    />
  )
}
