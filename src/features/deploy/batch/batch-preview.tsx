import { ScrollArea, Table, Text } from '@mantine/core'
import type { ScoredFile } from '../../../core/export/score/score-file'
import { formatNumber } from '../../../ui/format'

/** The first scored rows, predictions and reasons first, then the file's own columns. */
export function BatchPreview({ file }: { file: ScoredFile }) {
  const own = new Set(file.fileColumns)
  const added = file.header.filter((h) => !own.has(h))
  const columns = [...added, ...file.header.filter((h) => own.has(h))]
  return (
    <>
      <ScrollArea type="auto">
        <Table aria-label="Scored rows" striped fz="xs" style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.preview.map((row, i) => (
              <Table.Tr key={i}>
                {columns.map((c) => {
                  const v = row[c]
                  return (
                    <Table.Td key={c}>
                      {typeof v === 'number' ? formatNumber(v) : (v ?? '—')}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed">
        The first {file.preview.length} rows; the CSV has them all.
      </Text>
    </>
  )
}
