import { NumberInput } from '@mantine/core'

/**
 * A number field for one training setting: it reports only values the config accepts, so a
 * half-typed entry ("0.", "") leaves the setting as it was.
 */
export function ConfigNumber({
  label,
  value,
  onValid,
  valid,
  integer = false,
  step,
  min,
  max,
  suffix,
  disabled,
}: {
  label: string
  value: number
  onValid: (value: number) => void
  valid: (value: number) => boolean
  integer?: boolean
  step?: number
  min?: number
  max?: number
  suffix?: string
  disabled: boolean
}) {
  return (
    <NumberInput
      label={label}
      size="xs"
      value={value}
      min={min}
      max={max}
      step={step}
      suffix={suffix}
      allowDecimal={!integer}
      decimalScale={integer ? 0 : 6}
      disabled={disabled}
      onChange={(v) => typeof v === 'number' && valid(v) && onValid(v)}
    />
  )
}
