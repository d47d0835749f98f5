import { Badge, Group, Switch, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { RunSummary } from '../../core/train/run-history'
import { comparisonRows, type CompareRow } from '../../core/train/run-history-compare'
import { formatNumber } from '../../ui/format'
import { runColor } from './run-colors'

function shown(row: CompareRow, value: CompareRow['values'][number]): string {
  // A learning rate is read in full; losses and metrics to four places, as Evaluate shows them.
  return typeof value === 'number'
    ? formatNumber(value, row.key === 'learningRate' ? 6 : 4)
    : (value ?? '—')
}

function Rows({ rows }: { rows: CompareRow[] }) {
  return rows.map((row) => (
    <Table.Tr key={row.key} data-row={row.key} data-differs={row.differs || undefined}>
      <Table.Th
        scope="row"
        fw={500}
        style={{
          borderLeft: `3px solid ${row.differs ? 'var(--mantine-color-orange-5)' : 'transparent'}`,
        }}
      >
        <Group gap={6} wrap="nowrap">
          {row.label}
          {row.differs && (
            <Badge size="xs" variant="light" color="orange" tt="none">
              differs
            </Badge>
          )}
        </Group>
      </Table.Th>
      {row.values.map((value, i) => (
        <Table.Td key={i} fw={row.differs ? 600 : undefined} data-value={value ?? ''}>
          {shown(row, value)}
        </Table.Td>
      ))}
    </Table.Tr>
  ))
}

/** Settings and results side by side; settings the runs differ in are marked. */
export function RunCompareTable({ runs }: { runs: RunSummary[] }) {
  const [onlyDifferences, setOnlyDifferences] = useState(false)
  const rows = useMemo(() => comparisonRows(runs), [runs])
  const settings = rows.filter((r) => r.group === 'settings' && (!onlyDifferences || r.differs))
  const results = rows.filter((r) => r.group === 'results')
  const differing = rows.filter((r) => r.differs).length
  return (
    <>
      <Group justify="space-between" mb="xs" mt="md">
        <Text size="sm" c="dimmed">
          {differing === 0
            ? 'The runs were set up alike.'
            : `${differing} setting${differing === 1 ? '' : 's'} differ${differing === 1 ? 's' : ''}.`}
        </Text>
        <Switch
          size="xs"
          label="Only settings that differ"
          checked={onlyDifferences}
          onChange={(e) => setOnlyDifferences(e.currentTarget.checked)}
        />
      </Group>
      <Table
        aria-label="Run comparison"
        fz="xs"
        verticalSpacing={5}
        withTableBorder
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={220} />
            {runs.map((run, i) => (
              <Table.Th key={run.id} scope="col">
                <Group gap={6} wrap="nowrap">
                  <span
                    aria-hidden
                    style={{ width: 10, height: 10, borderRadius: 5, background: runColor(i) }}
                  />
                  Run {run.number}
                </Group>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th
              colSpan={runs.length + 1}
              c="dimmed"
              fw={600}
              bg="var(--mantine-color-gray-0)"
            >
              Settings
            </Table.Th>
          </Table.Tr>
          <Rows rows={settings} />
          <Table.Tr>
            <Table.Th
              colSpan={runs.length + 1}
              c="dimmed"
              fw={600}
              bg="var(--mantine-color-gray-0)"
            >
              Results
            </Table.Th>
          </Table.Tr>
          <Rows rows={results} />
        </Table.Tbody>
      </Table>
    </>
  )
}
