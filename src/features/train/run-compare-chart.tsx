import { Group, NativeSelect, SegmentedControl, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { RunSummary } from '../../core/train/run-history'
import { curveChoices, curvePoints } from '../../core/train/run-history-compare'
import { formatNumber } from '../../ui/format'
import { runColor } from './run-colors'

/** One curve per run, on shared axes: the picked quantity per epoch, one colour each. */
export function RunCompareChart({ runs }: { runs: RunSummary[] }) {
  const choices = useMemo(() => curveChoices(runs), [runs])
  const [chosen, setChosen] = useState('valLoss')
  const [scale, setScale] = useState<'linear' | 'log'>('linear')
  const shown = choices.find((c) => c.key === chosen) ?? choices[0]
  const points = useMemo(() => (shown ? curvePoints(runs, shown.key) : []), [runs, shown])
  if (!shown) return <Text c="dimmed">These runs recorded no epochs.</Text>
  const numbers = runs.map((r) => r.number).join(', ')
  return (
    <>
      <Group justify="space-between" mb="xs">
        <NativeSelect
          size="xs"
          aria-label="Compared curve"
          value={shown.key}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={choices.map((c) => ({ value: c.key, label: c.label }))}
          w={200}
        />
        <SegmentedControl
          size="xs"
          aria-label="Compared curve scale"
          value={scale}
          onChange={(v) => setScale(v === 'log' ? 'log' : 'linear')}
          data={[
            { value: 'linear', label: 'Linear' },
            { value: 'log', label: 'Log' },
          ]}
        />
      </Group>
      <div
        role="img"
        aria-label={`${shown.label} per epoch for runs ${numbers}`}
        style={{ width: '100%', height: 260 }}
      >
        <ResponsiveContainer>
          <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
            <XAxis
              dataKey="epoch"
              label={{ value: 'Epoch', position: 'insideBottom', offset: -4 }}
            />
            <YAxis
              scale={scale}
              domain={['auto', 'auto']}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              width={64}
              allowDataOverflow
            />
            <Tooltip
              formatter={(v) => (typeof v === 'number' ? formatNumber(v) : String(v))}
              labelFormatter={(l: unknown) => `Epoch ${typeof l === 'number' ? l : ''}`}
            />
            <Legend wrapperStyle={{ paddingTop: 16 }} />
            {runs.map((run, i) => (
              <Line
                key={run.id}
                type="monotone"
                dataKey={run.id}
                name={`Run ${run.number}`}
                stroke={runColor(i)}
                dot={run.epochs.length <= 1}
                isAnimationActive={false}
                strokeWidth={2}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </>
  )
}
