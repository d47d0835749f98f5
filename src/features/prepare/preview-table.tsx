import { Table, Text } from '@mantine/core'
import type { Cell } from '../../core/recipe/pipeline/preview'
import { formatNumber } from '../../ui/format'

interface Props {
  readonly label: string
  readonly rows: readonly number[]
  readonly removed: readonly boolean[]
  readonly columns: readonly string[]
  readonly cells: readonly Cell[][]
}

function CellText({ value }: { value: Cell }) {
  if (value === null)
    return (
      <Text span c="dimmed" fs="italic" size="xs">
        missing
      </Text>
    )
  return <>{typeof value === 'number' ? formatNumber(value) : value}</>
}

/** A few training rows of the columns a step touches; rows the step removed are struck through. */
export function PreviewTable({ label, rows, removed, columns, cells }: Props) {
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
                    <CellText value={cells[i]?.[j] ?? null} />
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
