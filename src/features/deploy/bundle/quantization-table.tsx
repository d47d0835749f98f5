import { Radio, Group, Table, Text } from '@mantine/core'
import { lowerIsBetter } from '../../../core/evaluate/baselines/compare-baselines'
import type { Metric } from '../../../core/evaluate/metrics'
import type { QuantizationCheck } from '../../../core/export/card/quantization-check'
import { WEIGHT_QUANTIZATIONS, type WeightQuantization } from '../../../core/export/quantize'
import { formatBytes, formatNumber } from '../../../ui/format'

export const STORAGE_LABELS: Readonly<Record<WeightQuantization, string>> = {
  float32: 'float32 (as trained)',
  float16: 'float16 (half the size)',
  uint8: 'uint8 (a quarter of the size)',
}

/** "+0.0012", "−0.0300", "no change". */
function changeText(change: number): string {
  if (change === 0) return 'no change'
  if (Math.abs(change) < 5e-5) return change > 0 ? '+<0.0001' : '−<0.0001'
  return `${change > 0 ? '+' : '−'}${Math.abs(change).toFixed(4)}`
}

/** "0.0036", "<0.0001", "0": a change that is always positive, to four decimals. */
function largestText(change: number): string {
  if (change === 0) return '0'
  return change < 5e-5 ? '<0.0001' : change.toFixed(4)
}

function ChangeCell({ metric, change }: { metric: Metric; change: number }) {
  const worse = lowerIsBetter(metric.key) ? change > 0 : change < 0
  return (
    <Text span size="xs" c={change === 0 ? 'dimmed' : worse ? 'orange.8' : 'teal.8'} ml={6}>
      {changeText(change)}
    </Text>
  )
}

export function StorageChoice({
  value,
  onChange,
}: {
  value: WeightQuantization
  onChange: (value: WeightQuantization) => void
}) {
  return (
    <Radio.Group
      label="Weight storage"
      description="Smaller weights load faster and take less space; the model then answers a little differently."
      value={value}
      onChange={(v) => onChange(v)}
    >
      <Group mt="xs" gap="lg">
        {WEIGHT_QUANTIZATIONS.map((q) => (
          <Radio key={q} value={q} label={STORAGE_LABELS[q]} />
        ))}
      </Group>
    </Radio.Group>
  )
}

/**
 * Each storage's weights size and test metrics, with the change from float32: read straight
 * from scoring the test rows with the quantised files. Cells carry data-* values for tests.
 */
export function QuantizationTable({
  checks,
  metrics,
  chosen,
  regression,
}: {
  checks: readonly QuantizationCheck[]
  /** The Test metrics of the run: their keys and labels, in order. */
  metrics: readonly Metric[]
  chosen: WeightQuantization
  /** Names the output row: a probability for classes, a prediction for numbers. */
  regression: boolean
}) {
  const byStorage = new Map(checks.map((c) => [c.quantization, c]))
  const float32 = byStorage.get('float32')
  const valueOf = (check: QuantizationCheck | undefined, key: string) =>
    check?.metrics.find((m) => m.key === key)?.value
  return (
    <Table aria-label="Weight storage check" fz="sm" withTableBorder striped maw={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {WEIGHT_QUANTIZATIONS.map((q) => (
            <Table.Th key={q} ta="right" bg={q === chosen ? 'blue.0' : undefined}>
              {q}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr data-metric="weightsBytes">
          <Table.Th scope="row" fw={500}>
            Weights size
          </Table.Th>
          {WEIGHT_QUANTIZATIONS.map((q) => {
            const check = byStorage.get(q)
            return (
              <Table.Td
                key={q}
                ta="right"
                bg={q === chosen ? 'blue.0' : undefined}
                data-quantization={q}
                data-value={check?.weightsBytes}
              >
                {check ? formatBytes(check.weightsBytes) : '…'}
              </Table.Td>
            )
          })}
        </Table.Tr>
        <Table.Tr data-metric="largestChange">
          <Table.Th scope="row" fw={500}>
            {regression ? 'Largest change of a prediction' : 'Largest change of a probability'}
          </Table.Th>
          {WEIGHT_QUANTIZATIONS.map((q) => {
            const check = byStorage.get(q)
            return (
              <Table.Td
                key={q}
                ta="right"
                bg={q === chosen ? 'blue.0' : undefined}
                data-quantization={q}
                data-value={check?.largestChange}
              >
                {check ? largestText(check.largestChange) : '…'}
              </Table.Td>
            )
          })}
        </Table.Tr>
        {metrics.map((metric) => (
          <Table.Tr key={metric.key} data-metric={metric.key}>
            <Table.Th scope="row" fw={500}>
              {metric.label}
            </Table.Th>
            {WEIGHT_QUANTIZATIONS.map((q) => {
              const value = valueOf(byStorage.get(q), metric.key)
              const base = valueOf(float32, metric.key)
              const change = value === undefined || base === undefined ? null : value - base
              return (
                <Table.Td
                  key={q}
                  ta="right"
                  bg={q === chosen ? 'blue.0' : undefined}
                  data-quantization={q}
                  data-value={value}
                  data-change={change ?? undefined}
                >
                  {value === undefined ? '…' : formatNumber(value)}
                  {q !== 'float32' && change !== null && (
                    <ChangeCell metric={metric} change={change} />
                  )}
                </Table.Td>
              )
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
