import { NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core'
import type { BalanceSpec } from '../../core/recipe/recipe-schema'
import { useStudio } from '../../state/studio-store'
import { CommitNumberInput } from '../../ui/commit-number-input'

type Choice = 'none' | 'balanced' | 'custom' | 'oversample'

function choiceOf(balance: BalanceSpec): Choice {
  if (balance.method === 'class-weights') return balance.weights ? 'custom' : 'balanced'
  return balance.method
}

/** Loss weight per class: none, sklearn's 'balanced', or the analyst's own (`recipe.balance`). */
export function ClassWeightFields({ busy }: { busy: boolean }) {
  const balance = useStudio((s) => s.recipe?.balance)
  const classes = useStudio((s) => s.plan?.recipe.target.classes ?? s.recipe?.target.classes)
  const fitted = useStudio((s) => s.plan?.classWeights ?? null)
  const setBalance = useStudio((s) => s.setBalance)
  if (!balance || !classes) return null
  const choice = choiceOf(balance)
  const choose = (next: Choice) => {
    if (next === 'none' || next === 'oversample') return setBalance({ method: next })
    if (next === 'balanced') return setBalance({ method: 'class-weights' })
    // Custom starts from the weights in use, so the analyst adjusts rather than starts over.
    const start = classes.map((_, i) => fitted?.[i] ?? 1)
    setBalance({ method: 'class-weights', weights: start.map((w) => Number(w.toFixed(3))) })
  }
  const weights = balance.weights ?? []
  return (
    <Stack gap="xs">
      <NativeSelect
        label="Class weights"
        size="xs"
        value={choice}
        disabled={busy}
        onChange={(e) => choose(e.currentTarget.value as Choice)}
        data={[
          { value: 'none', label: 'None: every row counts the same' },
          { value: 'balanced', label: 'Balanced: rare classes count more' },
          { value: 'custom', label: 'Custom weight per class' },
          ...(choice === 'oversample'
            ? [{ value: 'oversample', label: 'None: rare rows repeated (Prepare)' }]
            : []),
        ]}
      />
      {choice === 'balanced' && fitted && (
        <Text size="xs" c="dimmed">
          {classes.map((c, i) => `${c} × ${(fitted[i] ?? 1).toFixed(2)}`).join(' · ')}
        </Text>
      )}
      {choice === 'custom' && (
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          {classes.map((label, i) => (
            // Applied on leaving the field: each change prepares the data again.
            <CommitNumberInput
              key={`${label}:${String(weights[i] ?? 1)}`}
              label={`Weight of class ${label}`}
              size="xs"
              value={weights[i] ?? 1}
              min={0.01}
              step={0.1}
              decimalScale={4}
              disabled={busy}
              onCommit={(w) =>
                w !== null &&
                w > 0 &&
                setBalance({
                  method: 'class-weights',
                  weights: classes.map((_, j) => (j === i ? w : (weights[j] ?? 1))),
                })
              }
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}
