import { Group, NumberInput, Text } from '@mantine/core'
import { useState } from 'react'
import type { SplitSpec } from '../../core/recipe/recipe-schema'
import { checkShares, percentOf, type SharesInPercent } from './split-shares'

interface Props {
  readonly split: SplitSpec
  readonly onApply: (split: Pick<SplitSpec, 'train' | 'validation' | 'test'>) => void
}

type Part = keyof SharesInPercent

const LABELS: Record<Part, string> = {
  train: 'Train %',
  validation: 'Validation %',
  test: 'Test %',
}

/**
 * Train, validation and test shares in percent. They apply only once they make 100%; until
 * then the recipe keeps the last valid split and a message says what is off.
 */
export function SplitSharesInputs({ split, onApply }: Props) {
  const [shares, setShares] = useState<SharesInPercent>({
    train: percentOf(split.train),
    validation: percentOf(split.validation),
    test: percentOf(split.test),
  })
  const check = checkShares(shares)
  const change = (part: Part, value: number | string) => {
    const next = { ...shares, [part]: typeof value === 'number' ? value : null }
    setShares(next)
    const result = checkShares(next)
    if (
      result.ok &&
      (result.split.train !== split.train ||
        result.split.validation !== split.validation ||
        result.split.test !== split.test)
    )
      onApply(result.split)
  }
  return (
    <div>
      <Group gap="xs" wrap="nowrap" align="start">
        {(Object.keys(LABELS) as Part[]).map((part) => (
          <NumberInput
            key={part}
            label={LABELS[part]}
            value={shares[part] ?? ''}
            onChange={(v) => change(part, v)}
            min={0}
            max={100}
            decimalScale={1}
            w={110}
            error={!check.ok}
          />
        ))}
      </Group>
      {!check.ok && (
        <Text size="xs" c="red" mt={4} role="alert">
          {check.message}
        </Text>
      )}
    </div>
  )
}
