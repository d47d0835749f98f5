import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatNumber } from '../../../ui/format'
import { CsvDownload } from '../../../ui/download-buttons'
import { ChartCard } from '../classification/chart-card'
import type { EvaluateSectionProps } from '../evaluate-section'
import { ExplainProgress } from './explain-progress'
import { useExplain } from './use-explain'

const SHOWN = 15

/** Permutation importance: how much the score falls when one raw column is shuffled. */
export function ImportanceCard(props: EvaluateSectionProps) {
  const { state, start, cancel } = useExplain('importance', props)
  const [repeats, setRepeats] = useState(5)
  const result = state.status === 'done' ? state.result : null
  const header = ['Column', 'Mean loss', 'Std', 'Min', 'Max']
  const rows = () =>
    (result?.importances ?? []).map((i) => [i.column, i.mean, i.std, i.min, i.max] as const)
  const top = (result?.importances ?? []).slice(0, SHOWN).map((i) => ({
    column: i.column,
    mean: i.mean,
    spread: [i.mean - i.min, i.max - i.mean],
  }))
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={4}>Which columns matter</Title>
        <Text size="sm" c="dimmed">
          Permutation importance: each column&apos;s values are shuffled among the test rows,
          breaking its link with the target, and the model is scored again. The more the score
          falls, the more the model relies on that column. Repeated shuffles show how steady the
          answer is.
        </Text>
        <Group align="end" gap="sm">
          <NumberInput
            label="Repeats"
            size="xs"
            w={100}
            min={1}
            max={30}
            value={repeats}
            allowDecimal={false}
            onChange={(v) => typeof v === 'number' && v >= 1 && v <= 30 && setRepeats(v)}
          />
          <Button
            size="xs"
            onClick={() => start({ kind: 'importance', repeats, seed: props.trained.recipe.seed })}
            disabled={state.status === 'running'}
          >
            Run permutation importance
          </Button>
        </Group>
        <ExplainProgress state={state} what="Permutation importance" onCancel={cancel} />
        {result && (
          <>
            <Text size="sm">
              {result.scoreLabel} on {result.rows.toLocaleString('en-US')} test rows:{' '}
              <b>{formatNumber(result.baseline)}</b>. Bars: mean {result.lossLabel} over {repeats}{' '}
              shuffles; whiskers: the least and most of them.
            </Text>
            <ChartCard
              title="Permutation importance"
              heading={`Permutation importance (${result.lossLabel})`}
              label="Permutation importance per column"
              points={top.length}
              help={`The ${Math.min(SHOWN, result.importances.length)} most important of ${result.importances.length} columns. A bar near zero (or below) means shuffling the column changes nothing: the model does not use it.`}
              csv={{ header, rows }}
            >
              <ResponsiveContainer>
                <BarChart data={top} layout="vertical" margin={{ left: 20, right: 20 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" tickFormatter={(v: number) => formatNumber(v, 3)} />
                  <YAxis
                    type="category"
                    dataKey="column"
                    width={180}
                    tick={{ fontSize: 11 }}
                    interval={0}
                  />
                  <Tooltip formatter={(v) => formatNumber(Number(v), 4)} />
                  <Bar dataKey="mean" fill="var(--mantine-color-blue-6)" isAnimationActive={false}>
                    <ErrorBar
                      dataKey="spread"
                      width={4}
                      stroke="var(--mantine-color-gray-7)"
                      direction="x"
                    />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                Every column
              </Text>
              <CsvDownload title="Permutation importance" header={header} rows={rows} />
            </Group>
            <Table aria-label="Permutation importance" striped fz="xs" maw={720}>
              <Table.Thead>
                <Table.Tr>
                  {header.map((h) => (
                    <Table.Th key={h} ta={h === 'Column' ? undefined : 'right'}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.importances.map((i) => (
                  <Table.Tr key={i.column} data-column={i.column}>
                    <Table.Td>{i.column}</Table.Td>
                    <Table.Td ta="right" data-value={i.mean}>
                      {formatNumber(i.mean)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(i.std)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.min)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.max)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  )
}
