import { NativeSelect } from '@mantine/core'
import type { ColumnAtStep } from '../columns-at-step'
import { columnLabel } from './column-label'

interface Props {
  readonly label: string
  readonly value: string
  readonly columns: readonly ColumnAtStep[]
  readonly onChange: (name: string) => void
  readonly description?: string
}

/** One column of the table at this step; a chosen column no longer there stays, marked. */
export function ColumnSelect({ label, value, columns, onChange, description }: Props) {
  const missing = value !== '' && !columns.some((c) => c.name === value)
  const options = [
    ...(missing ? [{ value, label: `${value} (not in the table here)` }] : []),
    ...columns.map((c) => ({ value: c.name, label: columnLabel(c) })),
  ]
  return (
    <NativeSelect
      label={label}
      description={description}
      value={value}
      data={options}
      error={missing ? `"${value}" is not in the table at this step.` : undefined}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  )
}
