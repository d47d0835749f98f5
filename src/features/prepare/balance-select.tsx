import { Badge, Group, NativeSelect, Text } from '@mantine/core'
import type { BalanceSpec } from '../../core/recipe/recipe-schema'
import { useStudio } from '../../state/studio-store'

const METHODS: { value: BalanceSpec['method']; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'class-weights', label: 'Class weights' },
  { value: 'oversample', label: 'Oversample training rows' },
]

/** Class imbalance, for classification: weights in the loss, or repeated training rows. */
export function BalanceSelect() {
  const balance = useStudio((s) => s.recipe?.balance.method ?? 'none')
  const classes = useStudio((s) => s.recipe?.target.classes)
  const weights = useStudio((s) => s.plan?.classWeights ?? null)
  const setBalance = useStudio((s) => s.setBalance)
  return (
    <div>
      <NativeSelect
        label="Class imbalance"
        description="Applied to the training rows only"
        value={balance}
        data={METHODS}
        onChange={(e) => setBalance({ method: e.currentTarget.value as BalanceSpec['method'] })}
        w={230}
      />
      {weights && (
        <Group gap={4} mt={6} aria-label="Class weights">
          <Text size="xs" c="dimmed">
            Weights:
          </Text>
          {weights.map((w, i) => (
            <Badge key={classes?.[i] ?? i} variant="light" color="grape" tt="none">
              {classes?.[i] ?? `class ${i}`} × {w.toFixed(2)}
            </Badge>
          ))}
        </Group>
      )}
    </div>
  )
}
