import {
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Slider,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useMemo } from 'react'
import { decisionsOf } from '../../../core/evaluate/scoring/cost'
import { confusionAt } from '../../../core/evaluate/scoring/threshold-sweep'
import type { TestSet } from '../../../core/evaluate/test-set'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber, formatPercent } from '../../../ui/format'
import { useThreshold } from '../threshold-store'

/** The shared decision threshold, and what the model decides for the test rows at it. */
export function ThresholdPanel({
  testSet,
  approveClass,
  onApproveClass,
}: {
  testSet: TestSet
  approveClass: 0 | 1
  onApproveClass: (approveClass: 0 | 1) => void
}) {
  const threshold = useThreshold((s) => s.threshold)
  const setThreshold = useThreshold((s) => s.setThreshold)
  const counts = useMemo(
    () => confusionAt(testSet.actual, testSet.outputs, threshold),
    [testSet, threshold],
  )
  const d = decisionsOf(counts, approveClass)
  const [negative = 'negative', positive = 'positive'] = testSet.classes
  const approved = approveClass === 1 ? positive : negative
  const n = testSet.actual.length
  const precision = counts.tp + counts.fp === 0 ? NaN : counts.tp / (counts.tp + counts.fp)
  const recall = counts.tp + counts.fn === 0 ? NaN : counts.tp / (counts.tp + counts.fn)
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>Decision threshold</Title>
      <Text size="sm" c="dimmed" mb="sm">
        The model gives each applicant a score, its probability of “{positive}”. Rows scoring at or
        above the threshold are predicted “{positive}”, the rest “{negative}”. The confusion matrix
        on the Performance tab and the Fairness tab use the same threshold.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Group align="end" wrap="nowrap">
            <Slider
              style={{ flex: 1 }}
              mb={6}
              min={0}
              max={1}
              step={0.001}
              value={threshold}
              onChange={setThreshold}
              thumbLabel="Decision threshold"
              label={(v) => formatNumber(v, 3)}
              marks={[0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: String(v) }))}
            />
            <NumberInput
              w={200}
              label="Decision threshold"
              min={0}
              max={1}
              step={0.01}
              value={threshold}
              onChange={(v) => {
                const value = typeof v === 'number' ? v : Number(v)
                if (v !== '' && Number.isFinite(value) && value >= 0 && value <= 1)
                  setThreshold(value)
              }}
            />
          </Group>
          <NativeSelect
            label="Approving means predicting"
            value={String(approveClass)}
            onChange={(e) => onApproveClass(e.currentTarget.value === '0' ? 0 : 1)}
            data={[
              { value: '1', label: `${positive} (score at or above the threshold)` },
              { value: '0', label: `${negative} (score below the threshold)` },
            ]}
          />
          <Text size="xs" c="dimmed">
            Pick the class your decision grants, for example a good credit risk who gets the loan.
            An approval is then a prediction of “{approved}”.
          </Text>
        </Stack>
        <Stack gap="xs" aria-label="Decisions at the threshold" role="group">
          <SimpleGrid cols={3} spacing="xs">
            <Figure label="Approved" value={d.approvals} detail={formatPercent(d.approvals / n)} />
            <Figure
              label="Rejected"
              value={d.rejections}
              detail={formatPercent(d.rejections / n)}
            />
            <Figure label="Approval rate" value={d.approvals / n} percent />
            <Figure label={`Precision (${positive})`} value={precision} />
            <Figure label={`Recall (${positive})`} value={recall} />
            <Figure label="Test rows" value={n} />
          </SimpleGrid>
          <Group justify="space-between" maw={420}>
            <Text size="sm" fw={600}>
              Confusion counts at the threshold
            </Text>
            <CsvDownload
              title="Confusion counts at the threshold"
              header={['threshold', 'TP', 'FP', 'TN', 'FN']}
              rows={() => [[threshold, counts.tp, counts.fp, counts.tn, counts.fn]]}
            />
          </Group>
          <Table aria-label="Confusion counts at the threshold" withTableBorder maw={420} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">Predicted {negative}</Table.Th>
                <Table.Th ta="right">Predicted {positive}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>Actual {negative}</Table.Th>
                <Cell name="TN" value={counts.tn} />
                <Cell name="FP" value={counts.fp} />
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Actual {positive}</Table.Th>
                <Cell name="FN" value={counts.fn} />
                <Cell name="TP" value={counts.tp} />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
    </Paper>
  )
}

function Cell({ name, value }: { name: string; value: number }) {
  return (
    <Table.Td ta="right" data-count={name} data-value={value}>
      <Text span size="xs" c="dimmed" mr={6}>
        {name}
      </Text>
      <Text span fw={600}>
        {formatNumber(value)}
      </Text>
    </Table.Td>
  )
}

/** A labelled figure; `data-value` carries the exact number for tests. */
export function Figure({
  label,
  value,
  detail,
  percent,
}: {
  label: string
  value: number
  detail?: string
  percent?: boolean
}) {
  return (
    <div data-figure={label} data-value={value}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" lh={1.2}>
        {percent ? formatPercent(value) : formatNumber(value)}
        {detail && (
          <Text span size="xs" c="dimmed" ml={6} fw={400}>
            {detail}
          </Text>
        )}
      </Text>
    </div>
  )
}
