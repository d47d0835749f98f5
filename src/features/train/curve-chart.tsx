import { Group, Paper, SegmentedControl, Title } from '@mantine/core'
import { useState } from 'react'
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
import type { EpochLog } from '../../core/train/engine'
import { formatNumber } from '../../ui/format'

const CURVES = {
  loss: { title: 'Loss', train: 'loss', validation: 'valLoss' },
  accuracy: { title: 'Accuracy', train: 'accuracy', validation: 'valAccuracy' },
} as const

type Curve = keyof typeof CURVES

/** Training and validation curves per epoch, drawn live as epochs arrive. */
export function CurveChart({ epochs }: { epochs: EpochLog[] }) {
  const [curve, setCurve] = useState<Curve>('loss')
  const [scale, setScale] = useState<'linear' | 'log'>('linear')
  const hasAccuracy = epochs.some((e) => e.accuracy !== null)
  const shown = CURVES[hasAccuracy ? curve : 'loss']
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{shown.title} per epoch</Title>
        <Group gap="xs">
          {hasAccuracy && (
            <SegmentedControl
              size="xs"
              aria-label="Curve"
              value={curve}
              onChange={(v) => setCurve(v === 'accuracy' ? 'accuracy' : 'loss')}
              data={[
                { value: 'loss', label: 'Loss' },
                { value: 'accuracy', label: 'Accuracy' },
              ]}
            />
          )}
          <SegmentedControl
            size="xs"
            aria-label="Vertical axis scale"
            value={scale}
            onChange={(v) => setScale(v === 'log' ? 'log' : 'linear')}
            data={[
              { value: 'linear', label: 'Linear' },
              { value: 'log', label: 'Log' },
            ]}
          />
        </Group>
      </Group>
      <div
        role="img"
        aria-label={`Training and validation ${shown.title.toLowerCase()} per epoch`}
        style={{ width: '100%', height: 280 }}
      >
        <ResponsiveContainer>
          <LineChart data={epochs} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
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
            <Line
              type="monotone"
              dataKey={shown.train}
              name={`Training ${shown.title.toLowerCase()}`}
              stroke="var(--mantine-color-blue-6)"
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
            <Line
              type="monotone"
              dataKey={shown.validation}
              name={`Validation ${shown.title.toLowerCase()}`}
              stroke="var(--mantine-color-orange-6)"
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  )
}
