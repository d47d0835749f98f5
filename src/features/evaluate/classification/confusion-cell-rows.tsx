import { CloseButton, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { cellIndices } from '../../../core/evaluate/classification/report'
import type { TestSet } from '../../../core/evaluate/test-set'
import type { Recipe } from '../../../core/recipe/recipe-schema'
import { cellValue, type Table as DataTable } from '../../../core/table/table'
import { CsvDownload } from '../../../ui/download-buttons'
import { formatNumber } from '../../../ui/format'
import type { Cell } from './confusion-matrix-card'

/** More rows than this make a slow page and nobody reads them: the CSV has them all. */
const SHOWN = 300

type Value = string | number | null

/** Why the rows' own columns cannot be shown, or null when they can. */
function missingTableReason(recipe: Recipe, table: DataTable | null): string | null {
  if (table) return null
  if (recipe.source.kind === 'images') {
    return 'This model was trained on images, so the rows have no table columns to show.'
  }
  return `The data this model was trained on ("${recipe.source.name}") is no longer loaded, so only the predictions are shown: load it again on the Data step to see each row's columns.`
}

/** The test rows of one confusion-matrix cell: prediction details, then the raw columns. */
export function ConfusionCellRows({
  cell,
  testSet,
  predicted,
  recipe,
  table,
  onClose,
}: {
  cell: Cell
  testSet: TestSet
  predicted: Int32Array
  recipe: Recipe
  table: DataTable | null
  onClose: () => void
}) {
  const { classes, task, outputs } = testSet
  const k = classes.length
  const name = (c: number) => classes[c] ?? `Class ${c}`
  const title = `Rows actual ${name(cell.actual)}, predicted ${name(cell.predicted)}`
  const target = recipe.target.column
  // The target is already the Actual column.
  const columns = useMemo(
    () => (table ? table.columns.filter((c) => c.name !== target) : []),
    [table, target],
  )
  // Binary: P(positive). Multiclass: P(actual) and P(predicted), one column when they agree.
  const probabilityClasses =
    task === 'binary'
      ? [1]
      : cell.actual === cell.predicted
        ? [cell.actual]
        : [cell.actual, cell.predicted]
  const header = [
    'Row',
    'Actual',
    'Predicted',
    ...probabilityClasses.map((c) => `P(${name(c)})`),
    ...columns.map((c) => c.name),
  ]
  const firstColumn = 3 + probabilityClasses.length
  const indices = useMemo(
    () => cellIndices(testSet.actual, predicted, cell.actual, cell.predicted),
    [testSet.actual, predicted, cell],
  )
  const rowOf = (i: number): Value[] => {
    const row = testSet.rows[i] ?? 0
    const probabilities = probabilityClasses.map((c) =>
      task === 'binary' ? (outputs[i] ?? null) : (outputs[i * k + c] ?? null),
    )
    return [
      row + 1,
      name(cell.actual),
      name(cell.predicted),
      ...probabilities,
      ...columns.map((c) => cellValue(c, row)),
    ]
  }
  const shown = indices.slice(0, SHOWN).map(rowOf)
  const reason = missingTableReason(recipe, table)
  return (
    <Paper withBorder p="md" radius="md" aria-label={title} role="region">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <div>
          <Title order={5}>{title}</Title>
          <Text size="xs" c="dimmed" data-count={indices.length}>
            {indices.length > SHOWN
              ? `Showing the first ${SHOWN} of ${indices.length.toLocaleString('en-US')} rows; the CSV has them all.`
              : `${indices.length.toLocaleString('en-US')} ${indices.length === 1 ? 'row' : 'rows'}.`}{' '}
            Row numbers count data rows of the loaded file from 1.
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <CsvDownload title={title} header={header} rows={() => indices.map(rowOf)} />
          <CloseButton aria-label="Close the rows" onClick={onClose} />
        </Group>
      </Group>
      {reason && (
        <Text size="sm" c="dimmed" mb="xs">
          {reason}
        </Text>
      )}
      {indices.length === 0 ? (
        <Text size="sm">No test row falls in this cell.</Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          <Table aria-label={title} striped fz="xs" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                {header.map((h, j) => (
                  <Table.Th key={j} style={{ whiteSpace: 'nowrap' }}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((values) => (
                <Table.Tr key={String(values[0])}>
                  {values.map((v, j) => (
                    // Positional keys: a data column may share a name with ours.
                    <Table.Td key={j} style={{ whiteSpace: 'nowrap' }}>
                      {typeof v === 'number'
                        ? formatNumber(v, j < firstColumn ? 3 : 4)
                        : (v ?? '—')}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Paper>
  )
}
