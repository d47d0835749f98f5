import { Button, Group, Paper, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useStudio } from '../../state/studio-store'
import { RunCompareChart } from './run-compare-chart'
import { RunCompareTable } from './run-compare-table'

/** The runs ticked in the history, side by side: overlaid curves, then settings and results. */
export function RunCompare() {
  const runs = useStudio((s) => s.runs)
  const picked = useStudio((s) => s.pickedRunIds)
  const clear = useStudio((s) => s.clearPickedRuns)
  const compared = useMemo(
    () => picked.flatMap((id) => runs.filter((r) => r.id === id)),
    [runs, picked],
  )
  if (compared.length < 2) return null
  const numbers = compared.map((r) => r.number)
  const title = `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}`
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="run-compare-title">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={4} id="run-compare-title">
          Comparing runs {title}
        </Title>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={clear}>
          Clear comparison
        </Button>
      </Group>
      <RunCompareChart runs={compared} />
      <RunCompareTable runs={compared} />
    </Paper>
  )
}
