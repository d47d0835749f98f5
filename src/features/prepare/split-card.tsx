import { Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import {
  CHRONOLOGICAL_REASON,
  needsChronologicalSplit,
} from '../../core/recipe/pipeline/prepare-data'
import type { SplitSpec } from '../../core/recipe/recipe-schema'
import type { RecipePlan } from '../../state/recipe-slice'
import { useStudio } from '../../state/studio-store'
import { BalanceSelect } from './balance-select'
import { CommitNumberInput } from '../../ui/commit-number-input'
import { SplitSharesInputs } from './split-shares-inputs'
import { SplitSizeBadges } from './split-size-badges'

const METHODS: { value: SplitSpec['method']; label: string }[] = [
  { value: 'random', label: 'Random' },
  { value: 'stratified', label: 'Stratified' },
  { value: 'chronological', label: 'Chronological' },
]

const EXPLAIN: Record<SplitSpec['method'], string> = {
  random: 'Rows shuffled with the seed.',
  stratified: 'Shuffled with the seed, each part keeping the class shares.',
  chronological: 'Oldest rows train, newer validate, newest test: as the model will be used.',
}

/** How rows are split into train, validation and test, and how class imbalance is handled. */
export function SplitCard({ plan }: { plan: RecipePlan }) {
  const recipe = useStudio((s) => s.recipe)
  const dataset = useStudio((s) => s.dataset)
  const setSplit = useStudio((s) => s.setSplit)
  const setSeed = useStudio((s) => s.setSeed)
  const [refused, setRefused] = useState(false)
  if (!recipe || !dataset) return null
  const { split } = recipe
  const classification = recipe.target.task !== 'regression'
  const orderColumns = dataset.table.columns.filter(
    (c, i) =>
      c.kind === 'numeric' &&
      c.name !== recipe.target.column &&
      dataset.types[i]?.type !== 'boolean',
  )
  const chooseMethod = (method: SplitSpec['method']) => {
    // A windows step makes a shuffled split a leak: refuse it here, where it was chosen.
    const refuse = method !== 'chronological' && needsChronologicalSplit(recipe)
    setRefused(refuse)
    if (!refuse) setSplit({ method })
  }
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label="Split">
      <Group justify="space-between" align="start" mb="sm">
        <div>
          <Title order={4}>Split</Title>
          <Text size="sm" c="dimmed">
            {EXPLAIN[split.method]} Every statistic of the steps below is learned from the training
            rows only.
          </Text>
        </div>
        <SplitSizeBadges plan={plan} />
      </Group>
      <Group align="start" gap="lg" wrap="wrap">
        <Stack gap={4} w={200}>
          <NativeSelect
            label="Split method"
            value={split.method}
            data={METHODS}
            onChange={(e) => chooseMethod(e.currentTarget.value as SplitSpec['method'])}
            error={refused ? CHRONOLOGICAL_REASON : undefined}
          />
        </Stack>
        {split.method === 'chronological' && (
          <NativeSelect
            label="Order by"
            value={split.orderBy ?? ''}
            data={[
              { value: '', label: 'File order' },
              ...orderColumns.map((c) => ({ value: c.name, label: c.name })),
            ]}
            onChange={(e) => setSplit({ orderBy: e.currentTarget.value || null })}
            w={200}
          />
        )}
        <SplitSharesInputs split={split} onApply={setSplit} />
        <CommitNumberInput
          key={recipe.seed}
          label="Seed"
          value={recipe.seed}
          onCommit={(v) => v !== null && setSeed(v)}
          min={0}
          max={2 ** 31 - 1}
          allowDecimal={false}
          w={120}
        />
        {classification && <BalanceSelect />}
      </Group>
    </Paper>
  )
}
