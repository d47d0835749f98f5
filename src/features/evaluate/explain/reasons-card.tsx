import { Button, Group, List, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts'
import { predictedClasses } from '../../../core/evaluate/classification/report'
import type { ReasonCode } from '../../../core/evaluate/explain/reason-codes'
import type { TestSet } from '../../../core/evaluate/test-set'
import { formatNumber } from '../../../ui/format'
import { ChartCard } from '../classification/chart-card'
import type { EvaluateSectionProps } from '../evaluate-section'
import { ExplainProgress } from './explain-progress'
import { outputNoun } from './output-choice'
import { useExplain } from './use-explain'

const SHOWN = 8

function shown(value: ReasonCode['value']): string {
  if (value === null) return 'missing'
  return typeof value === 'number' ? formatNumber(value) : `“${value}”`
}

/** "Duration = 48 raises the probability of Bad by 0.12 (a typical row has 18)." */
export function reasonSentence(reason: ReasonCode, noun: string): string {
  const verb = reason.effect >= 0 ? 'raises' : 'lowers'
  return `${reason.column} = ${shown(reason.value)} ${verb} ${noun} by ${formatNumber(Math.abs(reason.effect), 3)} (a typical row has ${shown(reason.typical)}).`
}

/** The output a row's explanation reads: a binary model's score, or its predicted class. */
function outputFor(set: TestSet, index: number): number {
  if (set.task !== 'multiclass') return 0
  const k = set.classes.length
  return predictedClasses('multiclass', set.outputs.subarray(index * k, (index + 1) * k), k)[0] ?? 0
}

/** The test row with the highest (or lowest) score. */
function extremeRow(set: TestSet, highest: boolean): number {
  const k = set.task === 'multiclass' ? set.classes.length : 1
  let at = 0
  for (let i = 1; i < set.rows.length; i++) {
    const better = highest
      ? (set.outputs[i * k] as number) > (set.outputs[at * k] as number)
      : (set.outputs[i * k] as number) < (set.outputs[at * k] as number)
    if (better) at = i
  }
  return at
}

/** Reason codes for one test row, by occlusion against a typical row. */
export function ReasonsCard(props: EvaluateSectionProps) {
  const { testSet } = props
  const { state, start, cancel } = useExplain('reasons', props)
  const [row, setRow] = useState(1)
  const explain = (index: number) => {
    setRow(index + 1)
    start({ kind: 'reasons', testIndex: index, output: outputFor(testSet, index) })
  }
  const result = state.status === 'done' ? state.result : null
  const noun = result ? outputNoun(testSet, result.output) : ''
  const top = (result?.reasons ?? []).slice(0, SHOWN)
  const scoreWord = testSet.task === 'regression' ? 'prediction' : 'score'
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={4}>Why this prediction</Title>
        <Text size="sm" c="dimmed">
          Reason codes for one test row: each column in turn is set to its typical value (the
          median, or the most frequent category, in the loaded data) and the row is scored again.
          The difference is what the row&apos;s own value adds, up or down.
        </Text>
        <Group align="end" gap="sm">
          <NumberInput
            label={`Test row (1–${testSet.rows.length})`}
            size="xs"
            w={150}
            min={1}
            max={testSet.rows.length}
            allowDecimal={false}
            value={row}
            onChange={(v) => typeof v === 'number' && setRow(v)}
          />
          <Button
            size="xs"
            onClick={() => explain(Math.min(Math.max(row, 1), testSet.rows.length) - 1)}
            disabled={state.status === 'running'}
          >
            Explain row
          </Button>
          <Button
            size="xs"
            variant="light"
            onClick={() => explain(extremeRow(testSet, true))}
            disabled={state.status === 'running'}
          >
            Highest {scoreWord}
          </Button>
          <Button
            size="xs"
            variant="light"
            onClick={() => explain(extremeRow(testSet, false))}
            disabled={state.status === 'running'}
          >
            Lowest {scoreWord}
          </Button>
        </Group>
        <ExplainProgress state={state} what="Reason codes" onCancel={cancel} />
        {result && (
          <>
            <Text size="sm">
              Test row {result.testIndex + 1} (row {(testSet.rows[result.testIndex] ?? 0) + 1} of
              the data): {noun} is <b>{formatNumber(result.prediction, 4)}</b>.
            </Text>
            {top.length === 0 ? (
              <Text size="sm">
                Every column of this row has its typical value: nothing sets it apart.
              </Text>
            ) : (
              <List size="sm" spacing={2} aria-label="Reason codes">
                {top.map((r) => (
                  <List.Item key={r.column} data-effect={r.effect}>
                    {reasonSentence(r, noun)}
                  </List.Item>
                ))}
              </List>
            )}
            <ChartCard
              title={`Reason codes for test row ${result.testIndex + 1}`}
              heading={`What moves ${noun} for test row ${result.testIndex + 1}`}
              label={`Reason codes for test row ${result.testIndex + 1}`}
              points={top.length}
              help="Red raises the output, blue lowers it; the bars add up to the row's output minus a typical row's only roughly, since columns act together."
              csv={{
                header: ['Column', 'Value', 'Typical value', 'Effect'],
                rows: () => result.reasons.map((r) => [r.column, r.value, r.typical, r.effect]),
              }}
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
                  <Bar
                    dataKey="effect"
                    isAnimationActive={false}
                    name="Effect"
                    shape={(bar: BarShapeProps) => (
                      <Rectangle
                        {...bar}
                        fill={
                          (bar.payload as ReasonCode).effect >= 0
                            ? 'var(--mantine-color-red-6)'
                            : 'var(--mantine-color-blue-6)'
                        }
                      />
                    )}
                  />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </>
        )}
      </Stack>
    </Paper>
  )
}
