import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { explainedColumns } from '../../../core/evaluate/explain/explain-job'
import { formatNumber } from '../../../ui/format'
import { ChartCard } from '../classification/chart-card'
import type { EvaluateSectionProps } from '../evaluate-section'
import { ExplainProgress } from './explain-progress'
import { outputNoun } from './output-choice'
import { useExplain } from './use-explain'

const ICE_COLOR = 'var(--mantine-color-gray-4)'
const MEAN_COLOR = 'var(--mantine-color-blue-7)'

/** Partial dependence: the model's average answer as one column takes each of its values. */
export function DependenceCard(props: EvaluateSectionProps) {
  const { testSet, trained } = props
  const { state, start, cancel } = useExplain('dependence', props)
  const columns = explainedColumns(trained.recipe)
  const [column, setColumn] = useState(columns[0] ?? '')
  const [output, setOutput] = useState(0)
  const result = state.status === 'done' ? state.result : null
  const data = (result?.points ?? []).map((p) => ({
    value: p.value ?? 'missing',
    mean: p.mean,
    ...Object.fromEntries(p.ice.map((v, i) => [`ice${i}`, v])),
  }))
  const iceCount = result?.points[0]?.ice.length ?? 0
  const noun = result ? outputNoun(testSet, result.output) : ''
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={4}>How one column moves the prediction</Title>
        <Text size="sm" c="dimmed">
          Partial dependence: every test row is given the same value of the column and the
          model&apos;s answers are averaged, value by value (numbers from the 5th to the 95th
          percentile). Grey lines follow single rows; where they cross the average, the column acts
          with others.
        </Text>
        <Group align="end" gap="sm">
          <NativeSelect
            label="Column"
            size="xs"
            w={260}
            value={column}
            onChange={(e) => setColumn(e.currentTarget.value)}
            data={columns}
          />
          {testSet.task === 'multiclass' && (
            <NativeSelect
              label="Probability of"
              size="xs"
              w={180}
              value={String(output)}
              onChange={(e) => setOutput(Number(e.currentTarget.value))}
              data={testSet.classes.map((c, i) => ({ value: String(i), label: c }))}
            />
          )}
          <Button
            size="xs"
            onClick={() => start({ kind: 'dependence', column, output })}
            disabled={state.status === 'running' || !column}
          >
            Show partial dependence
          </Button>
        </Group>
        <ExplainProgress state={state} what="Partial dependence" onCancel={cancel} />
        {result && (
          <ChartCard
            title={`Partial dependence on ${result.column}`}
            heading={`Partial dependence on ${result.column}`}
            label={`Partial dependence on ${result.column}`}
            points={data.length}
            help={`Average ${noun} over the test rows with ${result.column} set to each value.`}
            csv={{
              header: [result.column, `Average ${noun}`],
              rows: () => result.points.map((p) => [p.value, p.mean]),
            }}
          >
            <ResponsiveContainer>
              {result.numeric ? (
                <LineChart data={data} margin={{ left: 10, right: 20, bottom: 10 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="value"
                    type="number"
                    domain={['dataMin', 'dataMax']}
                    tickFormatter={(v: number) => formatNumber(v, 2)}
                  />
                  <YAxis tickFormatter={(v: number) => formatNumber(v, 3)} width={60} />
                  <Tooltip formatter={(v) => formatNumber(Number(v), 4)} />
                  {Array.from({ length: iceCount }, (_, i) => (
                    <Line
                      key={i}
                      dataKey={`ice${i}`}
                      stroke={ICE_COLOR}
                      dot={false}
                      isAnimationActive={false}
                      legendType="none"
                      name={`Row ${i + 1}`}
                    />
                  ))}
                  <Line
                    dataKey="mean"
                    stroke={MEAN_COLOR}
                    strokeWidth={3}
                    dot
                    isAnimationActive={false}
                    name="Average"
                  />
                </LineChart>
              ) : (
                <BarChart data={data} margin={{ left: 10, right: 20, bottom: 10 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="value" interval={0} tick={{ fontSize: 11 }} />
                  <YAxis tickFormatter={(v: number) => formatNumber(v, 3)} width={60} />
                  <Tooltip formatter={(v) => formatNumber(Number(v), 4)} />
                  <Bar dataKey="mean" fill={MEAN_COLOR} isAnimationActive={false} name="Average" />
                </BarChart>
              )}
            </ResponsiveContainer>
          </ChartCard>
        )}
      </Stack>
    </Paper>
  )
}
