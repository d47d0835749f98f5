import { NativeSelect, Switch } from '@mantine/core'
import { CommitNumberInput } from '../../ui/commit-number-input'

/**
 * Compact controls for one layer parameter. The visible label is the parameter ("Units"); the
 * accessible name adds the layer ("Units of layer 2"), so a screen reader and a test can tell the
 * cards' fields apart.
 */
interface FieldProps {
  readonly label: string
  readonly layer: number
  readonly hint?: string
}

const nameOf = (label: string, layer: number) => `${label} of layer ${layer}`

/** Labels stay on one line so the grid's inputs line up; a long one ends in … (full on hover). */
const oneLine = {
  label: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' },
} as const

interface NumberFieldProps extends FieldProps {
  readonly value: number | null
  readonly min?: number
  readonly max?: number
  readonly step?: number
  /** Integers only (units, sizes) or any decimal (rates, penalties). */
  readonly integer?: boolean
  /** Shown when empty: the field may be left empty ("auto"). */
  readonly placeholder?: string
  readonly onChange: (value: number | null) => void
}

export function NumberField({ label, layer, hint, value, integer, ...props }: NumberFieldProps) {
  const { min, max, step, placeholder, onChange } = props
  return (
    <CommitNumberInput
      key={String(value)}
      size="xs"
      label={label}
      title={label}
      styles={oneLine}
      aria-label={nameOf(label, layer)}
      description={hint}
      value={value}
      min={min}
      max={max}
      step={step ?? (integer ? 1 : 0.01)}
      allowDecimal={!integer}
      clampBehavior="strict"
      placeholder={placeholder}
      onCommit={(next) => {
        // An emptied field means "auto" only where the layer has an automatic value.
        if (next === null && placeholder === undefined) return
        onChange(next)
      }}
    />
  )
}

interface SelectFieldProps<T extends string> extends FieldProps {
  readonly value: T
  readonly options: readonly T[] | Readonly<Record<T, string>>
  readonly onChange: (value: T) => void
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, layer, hint, value, options, onChange } = props
  const data = Array.isArray(options)
    ? options.map((o: T) => ({ value: o, label: o }))
    : Object.entries<string>(options as Record<T, string>).map(([v, l]) => ({ value: v, label: l }))
  return (
    <NativeSelect
      size="xs"
      label={label}
      styles={oneLine}
      aria-label={nameOf(label, layer)}
      description={hint}
      value={value}
      data={data}
      onChange={(e) => onChange(e.currentTarget.value as T)}
    />
  )
}

interface SwitchFieldProps extends FieldProps {
  readonly checked: boolean
  readonly onChange: (checked: boolean) => void
}

export function SwitchField({ label, layer, checked, onChange }: SwitchFieldProps) {
  return (
    <Switch
      size="xs"
      label={label}
      aria-label={nameOf(label, layer)}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      style={{ alignSelf: 'end', paddingBottom: 6 }}
    />
  )
}
