import { NativeSelect } from '@mantine/core'
import type { StepOf } from '../../../core/recipe/step-schema'
import { ColumnChecklist } from '../fields/column-checklist'
import { numericColumns, options, type StepFormProps } from './step-form-props'

const METHODS: Record<StepOf<'scale'>['method'], string> = {
  standard: 'Standard: mean 0, standard deviation 1',
  'min-max': 'Min-max: 0 to 1',
  robust: 'Robust: median 0, IQR 1 (resists outliers)',
}

export function ScaleForm({ step, columns, target, onChange }: StepFormProps<'scale'>) {
  return (
    <>
      <NativeSelect
        label="Scaling method"
        value={step.method}
        data={options(METHODS)}
        onChange={(e) =>
          onChange({ ...step, method: e.currentTarget.value as StepOf<'scale'>['method'] })
        }
      />
      <ColumnChecklist
        label="Columns to scale"
        value={step.columns}
        columns={numericColumns(columns, target)}
        onChange={(names) => onChange({ ...step, columns: names })}
      />
    </>
  )
}
