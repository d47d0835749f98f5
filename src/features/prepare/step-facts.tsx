import { Badge, Group, Text } from '@mantine/core'
import type { StepReport } from '../../core/recipe/pipeline/prepare-data'
import type { Step } from '../../core/recipe/step-schema'
import { fittedSummary } from './fitted-summary'

const count = (n: number) => n.toLocaleString('en-US')
const columnWord = (n: number) => (n === 1 ? 'column' : 'columns')

function columnsTitle(names: readonly string[]): string {
  return names.length > 20 ? `${names.slice(0, 20).join(', ')}, …` : names.join(', ')
}

/** What the step did on the data: rows removed, columns added and removed, what it learned. */
export function StepFacts({ report, fitted }: { report: StepReport; fitted: Step | undefined }) {
  const learned = fitted ? fittedSummary(fitted) : []
  const { removedRows, addedColumns, removedColumns, changedColumns } = report
  return (
    <>
      <Group gap={6}>
        {removedRows > 0 && (
          <Badge color="red" variant="light" tt="none">
            −{count(removedRows)} {removedRows === 1 ? 'row' : 'rows'}
          </Badge>
        )}
        {addedColumns.length > 0 && (
          <Badge color="teal" variant="light" tt="none" title={columnsTitle(addedColumns)}>
            +{count(addedColumns.length)} {columnWord(addedColumns.length)}
          </Badge>
        )}
        {removedColumns.length > 0 && (
          <Badge color="orange" variant="light" tt="none" title={columnsTitle(removedColumns)}>
            −{count(removedColumns.length)} {columnWord(removedColumns.length)}
          </Badge>
        )}
        {changedColumns.length > 0 && (
          <Badge color="blue" variant="light" tt="none" title={columnsTitle(changedColumns)}>
            {count(changedColumns.length)} changed
          </Badge>
        )}
        {removedRows === 0 &&
          addedColumns.length + removedColumns.length + changedColumns.length === 0 && (
            <Text size="xs" c="dimmed">
              changed nothing on this data
            </Text>
          )}
      </Group>
      {learned.map((line) => (
        <Text key={line} size="xs" ff="monospace" c="dark.4" lineClamp={2} title={line}>
          {line}
        </Text>
      ))}
      {report.notes.map((note) => (
        <Text key={note} size="xs" c="orange.8">
          {note}
        </Text>
      ))}
    </>
  )
}
