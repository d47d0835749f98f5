import { NativeSelect, Switch } from '@mantine/core'
import type { ImputeStrategy } from '../../../core/recipe/step-schema'
import { ColumnChecklist } from '../fields/column-checklist'
import { CommitTextInput } from '../fields/commit-text-input'
import { inputColumns, options, type StepFormProps } from './step-form-props'

const STRATEGIES: Record<ImputeStrategy, string> = {
  median: 'Median of the training rows (numbers)',
  mean: 'Mean of the training rows (numbers)',
  mode: 'Most frequent training value',
  constant: 'A constant you choose',
  'forward-fill': 'The previous row’s value (series in file order)',
  'drop-rows': 'Drop rows with a missing value',
}

/** A typed constant: a number when it reads as one, otherwise the text as a category. */
function parseConstant(text: string): number | string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : trimmed
}

export function ImputeForm({ step, columns, target, onChange }: StepFormProps<'impute'>) {
  const constant = step.constant === undefined ? '' : String(step.constant)
  return (
    <>
      <ColumnChecklist
        label="Columns to fill"
        value={step.columns}
        columns={inputColumns(columns, target)}
        onChange={(names) => onChange({ ...step, columns: names })}
      />
      <NativeSelect
        label="Fill with"
        value={step.strategy}
        data={options(STRATEGIES)}
        onChange={(e) => onChange({ ...step, strategy: e.currentTarget.value as ImputeStrategy })}
      />
      {step.strategy === 'constant' && (
        <CommitTextInput
          key={constant}
          label="Constant"
          description="A number for numeric columns, a category for the others."
          value={constant}
          onCommit={(text) => {
            const value = parseConstant(text)
            const next = { ...step }
            if (value === undefined) delete next.constant
            else next.constant = value
            onChange(next)
          }}
        />
      )}
      <Switch
        label="Add a “was missing” input per column"
        checked={step.indicator}
        onChange={(e) => onChange({ ...step, indicator: e.currentTarget.checked })}
      />
    </>
  )
}
