import { NumberInput, Select, TextInput } from '@mantine/core'
import type { InputColumn } from '../../../core/export/input-schema'
import { formatNumber } from '../../../ui/format'
import { fieldText, rangeWarning } from './form-values'

interface InputFieldProps {
  readonly input: InputColumn
  readonly value: string
  readonly onChange: (value: string) => void
  /** What the record checks said about this column: an error blocks scoring, a warning not. */
  readonly problem: { readonly message: string; readonly blocking: boolean } | null
}

function rangeText(input: InputColumn): string {
  if (input.min === null || input.max === null) return ''
  if (input.type === 'datetime')
    return `Seen ${fieldText(input, input.min)} to ${fieldText(input, input.max)}`
  return `Seen ${formatNumber(input.min)} to ${formatNumber(input.max)}`
}

/** One column of the predict form: a number, a date or a category picker, by the column's kind. */
export function InputField({ input, value, onChange, problem }: InputFieldProps) {
  // The range is said in the form's own words; the checks' warning covers everything else.
  const message =
    problem?.blocking === true
      ? problem.message
      : (rangeWarning(input, value) ?? problem?.message ?? null)
  const common = {
    label: input.name,
    size: 'xs' as const,
    error: message,
    styles: { error: { color: problem?.blocking ? undefined : 'var(--mantine-color-orange-8)' } },
  }
  if (input.kind === 'categorical') {
    return (
      <Select
        {...common}
        description={`${input.categories.length} categories seen`}
        data={[...input.categories]}
        value={value === '' ? null : value}
        onChange={(v) => onChange(v ?? '')}
        searchable
        clearable
        placeholder="missing"
        nothingFoundMessage="No such category in the training data"
        comboboxProps={{ withinPortal: true }}
      />
    )
  }
  if (input.type === 'datetime') {
    return (
      <TextInput
        {...common}
        type="date"
        description={rangeText(input)}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    )
  }
  return (
    <NumberInput
      {...common}
      description={rangeText(input)}
      value={value}
      onChange={(v) => onChange(String(v))}
      placeholder="missing"
      thousandSeparator=","
      hideControls
    />
  )
}
