import { Table, Text } from '@mantine/core'
import type { Cell } from '../../core/recipe/pipeline/preview'
import { formatNumber } from '../../ui/format'

interface Props {
  readonly label: string
  readonly rows: readonly number[]
  readonly removed: readonly boolean[]
  readonly columns: readonly string[]
  readonly cells: readonly Cell[][]
  /** Columns holding dates (epoch ms), shown as dates rather than as huge numbers. */
  readonly dates: ReadonlySet<string>
}

function dateText(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ')
}

function CellText({ value, date }: { value: Cell; date: boolean }) {
  if (value === null)
    return (
      <Text span c="dimmed" fs="italic" size="xs">
        missing
      </Text>
    )
  if (typeof value === 'string') return <>{value}</>
  return <>{date && Number.isFinite(value) ? dateText(value) : formatNumber(value)}</>
}

/** A few training rows of the columns a step touches; rows the step removed are struck through. */
export function PreviewTable({ label, rows, removed, columns, cells, dates }: Props) {
  if (columns.length === 0)
    return (
      <Text size="xs" c="dimmed" aria-label={label} role="note">
        No column to show: the step removed the ones it read.
      </Text>
    )
  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table
        aria-label={label}
        striped
        highlightOnHover
        withTableBorder
        fz="xs"
        verticalSpacing={4}
        horizontalSpacing="xs"
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th c="dimmed">row</Table.Th>
            {columns.map((c) => (
              <Table.Th
                key={c}
                title={c}
                maw={160}
                style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
              >
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => {
            const gone = removed[i] === true
            return (
              <Table.Tr
                key={row}
                data-removed={gone || undefined}
                aria-label={gone ? `Row ${row}, removed by this step` : undefined}
                style={gone ? { textDecoration: 'line-through', opacity: 0.45 } : undefined}
              >
                <Table.Td c="dimmed">{row}</Table.Td>
                {columns.map((c, j) => (
                  <Table.Td key={c} ta={typeof cells[i]?.[j] === 'number' ? 'right' : undefined}>
                    <CellText value={cells[i]?.[j] ?? null} date={dates.has(c)} />
                  </Table.Td>
                ))}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
