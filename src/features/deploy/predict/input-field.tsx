import { NumberInput, Select, TextInput } from '@mantine/core'
import type { InputColumn } from '../../../core/export/input-schema'
import { formatNumber } from '../../../ui/format'
import { fieldText, rangeWarning } from './form-values'

interface InputFieldProps {
  readonly input: InputColumn
  readonly value: string
  readonly onChange: (value: string) => void
  /** What the record checks said about this column, if anything. */
  readonly problem: string | null
}

function rangeText(input: InputColumn): string {
  if (input.min === null || input.max === null) return ''
  if (input.type === 'datetime')
    return `Seen ${fieldText(input, input.min)} to ${fieldText(input, input.max)}`
  return `Seen ${formatNumber(input.min)} to ${formatNumber(input.max)}`
}

/** One column of the predict form: a number, a date or a category picker, by the column's kind. */
export function InputField({ input, value, onChange, problem }: InputFieldProps) {
  const warning = problem ?? rangeWarning(input, value)
  const common = {
    label: input.name,
    size: 'xs' as const,
    error: warning,
    styles: { error: { color: problem ? undefined : 'var(--mantine-color-orange-8)' } },
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
