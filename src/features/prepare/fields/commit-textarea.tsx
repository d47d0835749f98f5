import { Textarea, type TextareaProps } from '@mantine/core'
import { useState } from 'react'

interface Props extends Omit<TextareaProps, 'value' | 'onChange' | 'onBlur'> {
  readonly lines: readonly string[]
  /** The non-empty lines, trimmed, once the analyst leaves the field. */
  readonly onCommit: (lines: string[]) => void
}

/** A list typed one item a line (categories in order, values to keep), applied on leaving it. */
export function CommitTextarea({ lines, onCommit, ...props }: Props) {
  const [draft, setDraft] = useState(lines.join('\n'))
  return (
    <Textarea
      autosize
      minRows={2}
      maxRows={8}
      {...props}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => {
        const next = draft
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '')
        if (next.join('\n') !== lines.join('\n')) onCommit(next)
      }}
    />
  )
}
