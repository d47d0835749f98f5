import { Group, Paper, SimpleGrid, Slider, Switch, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { EpochLog } from '../../core/train/engine'
import { useStudio } from '../../state/studio-store'
import { BatchLossCurve } from './batch-loss-curve'
import { seriesOf } from './curve-data'
import type { Scale } from './chart-style'
import { EpochCurve } from './epoch-curve'
import { REDRAW_MS, useThrottled } from './use-throttled'

/**
 * The live curves: training loss per batch, then the loss and each tracked metric per epoch for
 * training and validation rows.
 */
export function CurveChart({ epochs }: { epochs: EpochLog[] }) {
  const [scale, setScale] = useState<Scale>('linear')
  const [smoothing, setSmoothing] = useState(0.8)
  const shownEpochs = useThrottled(epochs, REDRAW_MS)
  const hasBatches = useStudio((s) => s.batchCurve !== null)
  const series = useMemo(() => seriesOf(shownEpochs), [shownEpochs])
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Curves</Title>
        <Group gap="lg">
          {hasBatches && (
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed">
                Smoothing
              </Text>
              <Slider
                w={140}
                size="sm"
                min={0}
                max={0.99}
                step={0.01}
                value={smoothing}
                onChange={setSmoothing}
                thumbLabel="Smoothing"
                label={(v) => v.toFixed(2)}
              />
            </Group>
          )}
          {/* A switch, not a segmented control: that one measures the page as it mounts. */}
          <Switch
            size="xs"
            label="Log scale"
            checked={scale === 'log'}
            onChange={(event) => setScale(event.currentTarget.checked ? 'log' : 'linear')}
          />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md">
        {hasBatches && <BatchLossCurve smoothing={smoothing} scale={scale} />}
        {series.map((s) => (
          <EpochCurve key={s} epochs={shownEpochs} series={s} scale={scale} />
        ))}
      </SimpleGrid>
    </Paper>
  )
}
