import { NativeSelect } from '@mantine/core'
import type { StepOf } from '../../../core/recipe/step-schema'
import { ColumnSelect } from '../fields/column-select'
import { inputColumns, options, type StepFormProps } from './step-form-props'

const TYPES: Record<StepOf<'cast'>['to'], string> = {
  numeric: 'Numbers',
  categorical: 'Categories',
  datetime: 'Dates',
}

export function CastForm({ step, columns, target, onChange }: StepFormProps<'cast'>) {
  return (
    <>
      <ColumnSelect
        label="Column"
        value={step.column}
        columns={inputColumns(columns, target)}
        onChange={(column) => onChange({ ...step, column })}
      />
      <NativeSelect
        label="Read as"
        value={step.to}
        data={options(TYPES)}
        onChange={(e) => onChange({ ...step, to: e.currentTarget.value as StepOf<'cast'>['to'] })}
      />
    </>
  )
}
