import { Paper, SegmentedControl, Group, Title } from '@mantine/core'
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

export function LossChart({ epochs }: { epochs: EpochLog[] }) {
  const [scale, setScale] = useState<'linear' | 'log'>('linear')
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Loss per epoch</Title>
        <SegmentedControl
          size="xs"
          aria-label="Loss axis scale"
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
        aria-label="Training and validation loss per epoch"
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
            <Legend />
            <Line
              type="monotone"
              dataKey="loss"
              name="Training loss"
              stroke="var(--mantine-color-blue-6)"
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
            <Line
              type="monotone"
              dataKey="valLoss"
              name="Validation loss"
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
