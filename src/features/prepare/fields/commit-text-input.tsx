import { TextInput, type TextInputProps } from '@mantine/core'
import { useState } from 'react'

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'onBlur'> {
  readonly value: string
  readonly onCommit: (text: string) => void
}

/** Text applied when the analyst leaves the field; key it by its value to follow outside changes. */
export function CommitTextInput({ value, onCommit, ...props }: Props) {
  const [draft, setDraft] = useState(value)
  return (
    <TextInput
      {...props}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => {
        if (draft !== value) onCommit(draft)
      }}
    />
  )
}
