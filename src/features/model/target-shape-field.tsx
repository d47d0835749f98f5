import { TextInput } from '@mantine/core'
import { useState } from 'react'
import type { LayerOf } from '../../core/model/model-spec'
import { formatTargetShape, parseTargetShape } from './target-shape'

interface Props {
  readonly layer: LayerOf<'reshape'>
  readonly number: number
  readonly onChange: (layer: LayerOf<'reshape'>) => void
}

/** The new shape typed as "3, 4"; text that is no shape says why and leaves the layer as it was. */
export function TargetShapeField({ layer, number, onChange }: Props) {
  const shown = formatTargetShape(layer.targetShape)
  const [draft, setDraft] = useState(shown)
  const [error, setError] = useState<string | null>(null)
  const commit = () => {
    const parsed = parseTargetShape(draft)
    if ('error' in parsed) return setError(parsed.error)
    setError(null)
    if (formatTargetShape(parsed.shape) !== shown) onChange({ ...layer, targetShape: parsed.shape })
  }
  return (
    <TextInput
      size="xs"
      label="Target shape"
      aria-label={`Target shape of layer ${number}`}
      description="sizes per row, -1 = worked out"
      value={draft}
      error={error}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit()
      }}
      style={{ gridColumn: 'span 2' }}
    />
  )
}
