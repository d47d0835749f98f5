import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  ScrollArea,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import { Fragment, useMemo, useState } from 'react'
import type { ColumnProfile } from '../../../core/profile/profile-types'
import { COLUMN_TYPES, type ColumnType, type ColumnTypeInfo } from '../../../core/table/column-type'
import { ColumnDetail } from './column-detail'
import { MiniDistribution } from './mini-distribution'
import { TYPE_COLORS, formatCount, formatShare, formatValue } from './profile-values'

interface ColumnTableProps {
  readonly columns: readonly ColumnProfile[]
  readonly types: readonly ColumnTypeInfo[]
  readonly rowCount: number
  readonly onOverride: (column: string, type: ColumnType) => void
}

/** Rows drawn at a time: a 2,000-column file would otherwise mount 2,000 selects and charts. */
const PAGE = 100

/** One row per column: its type and why, a type override, and the figures that matter. */
export function ColumnTable({ columns, types, rowCount, onOverride }: ColumnTableProps) {
  const [open, setOpen] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(PAGE)
  const matching = useMemo(() => {
    const needle = query.trim().toLowerCase()
    const indices = columns.map((_, i) => i)
    return needle === ''
      ? indices
      : indices.filter((i) => columns[i]?.name.toLowerCase().includes(needle))
  }, [columns, query])
  const shown = matching.slice(0, limit)
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Columns</Title>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            Click a row for its statistics, quantiles and distribution
          </Text>
          {columns.length > 12 && (
            <TextInput
              size="xs"
              w={200}
              placeholder="Find a column"
              aria-label="Find a column"
              value={query}
              onChange={(e) => {
                setQuery(e.currentTarget.value)
                setLimit(PAGE)
              }}
            />
          )}
        </Group>
      </Group>
      <ScrollArea.Autosize mah={560}>
        <Table highlightOnHover aria-label="Columns" stickyHeader fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={28} />
              <Table.Th>Column</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Set type</Table.Th>
              <Table.Th ta="right">Missing</Table.Th>
              <Table.Th ta="right">Distinct</Table.Th>
              <Table.Th>Summary</Table.Th>
              <Table.Th>Distribution</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((i) => {
              const column = columns[i]
              if (!column) return null
              const info = types[i] ?? { type: column.type, reason: '' }
              const expanded = open === column.name
              const toggle = () => setOpen(expanded ? null : column.name)
              return (
                <Fragment key={column.name}>
                  <Table.Tr
                    onClick={toggle}
                    style={{ cursor: 'pointer' }}
                    data-column={column.name}
                  >
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-expanded={expanded}
                        aria-label={`Details of ${column.name}`}
                        onClick={(e) => {
                          e.stopPropagation()
                          toggle()
                        }}
                      >
                        {expanded ? '▾' : '▸'}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {column.name}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={info.reason} multiline w={280} withArrow>
                        <Badge
                          variant={info.overridden ? 'filled' : 'light'}
                          color={TYPE_COLORS[info.type]}
                          tt="none"
                          data-type={info.type}
                        >
                          {info.type}
                          {info.overridden ? ' (set)' : ''}
                        </Badge>
                      </Tooltip>
                      <VisuallyHidden>{info.reason}</VisuallyHidden>
                    </Table.Td>
                    <Table.Td onClick={(e) => e.stopPropagation()}>
                      <NativeSelect
                        size="xs"
                        w={118}
                        aria-label={`Type of ${column.name}`}
                        value={info.type}
                        onChange={(e) =>
                          onOverride(column.name, e.currentTarget.value as ColumnType)
                        }
                        data={[...COLUMN_TYPES]}
                      />
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      data-value={column.missing / Math.max(1, rowCount)}
                      c={column.missing > 0 ? undefined : 'dimmed'}
                    >
                      {formatShare(column.missing / Math.max(1, rowCount))}
                    </Table.Td>
                    <Table.Td ta="right" data-value={column.distinct}>
                      {formatCount(column.distinct)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Summary column={column} present={rowCount - column.missing} />
                    </Table.Td>
                    <Table.Td>
                      <MiniDistribution column={column} />
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={8} bg="var(--mantine-color-gray-0)">
                        <ColumnDetail column={column} rowCount={rowCount} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              )
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {matching.length > shown.length && (
        <Group gap="sm" mt="xs">
          <Text size="sm" c="dimmed">
            Showing {formatCount(shown.length)} of {formatCount(matching.length)} columns.
          </Text>
          <Button variant="subtle" size="xs" onClick={() => setLimit(limit + PAGE)}>
            Show {formatCount(Math.min(PAGE, matching.length - shown.length))} more
          </Button>
        </Group>
      )}
      {matching.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          No column name contains “{query}”.
        </Text>
      )}
    </Paper>
  )
}

/** Mean and range for quantities, the most frequent value for labels. */
function Summary({ column, present }: { column: ColumnProfile; present: number }) {
  const s = column.numeric
  const top = column.categories?.top[0]
  if (s && (column.type === 'numeric' || column.type === 'integer' || column.type === 'datetime'))
    return (
      <Text size="xs" data-mean={s.mean}>
        {column.type === 'datetime' ? '' : `mean ${formatValue(s.mean, column.type)} · `}
        {formatValue(s.min, column.type)} to {formatValue(s.max, column.type)}
      </Text>
    )
  if (top)
    return (
      <Text size="xs">
        top “{top.label.length > 24 ? `${top.label.slice(0, 24)}…` : top.label}”{' '}
        {formatShare(top.count / Math.max(1, present))}
        {column.meanLength !== undefined &&
          column.type === 'text' &&
          ` · ${column.meanLength.toFixed(0)} chars avg`}
      </Text>
    )
  return (
    <Text size="xs" c="dimmed">
      —
    </Text>
  )
}
