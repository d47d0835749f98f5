import { NumberInput, type NumberInputProps } from '@mantine/core'
import { useState } from 'react'

interface Props extends Omit<NumberInputProps, 'value' | 'onChange' | 'onBlur'> {
  readonly value: number | null
  /** Called with the typed number on blur or Enter; null when the field was emptied. */
  readonly onCommit: (value: number | null) => void
}

/**
 * A number field that applies when the person leaves it or presses Enter, not on every key: each
 * applied edit is one step of undo (and may start work such as preparing data). Key it by its
 * value outside, so a change from elsewhere (undo, a template) shows at once.
 */
export function CommitNumberInput({ value, onCommit, ...props }: Props) {
  const [draft, setDraft] = useState<number | string>(value ?? '')
  const commit = () => {
    const next = draft === '' ? null : Number(draft)
    if (next !== value && (next === null || Number.isFinite(next))) onCommit(next)
  }
  return (
    <NumberInput
      {...props}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit()
      }}
    />
  )
}
