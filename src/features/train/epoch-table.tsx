import { Paper, ScrollArea, Table, Title } from '@mantine/core'
import { Fragment, memo, useMemo } from 'react'
import type { EpochLog } from '../../core/train/engine'
import { formatNumber } from '../../ui/format'
import { seriesOf, valueOf, type Series } from './curve-data'
import { seriesNoun, seriesTitle } from './metric-labels'

function Cell({ value }: { value: number | null | undefined }) {
  return (
    <Table.Td ta="right" data-value={value ?? ''}>
      {formatNumber(value)}
    </Table.Td>
  )
}

/** One epoch's row; rows already drawn are not drawn again as new epochs arrive. */
const EpochRow = memo(function EpochRow({
  epoch,
  series,
  withRate,
}: {
  epoch: EpochLog
  series: readonly Series[]
  withRate: boolean
}) {
  return (
    <Table.Tr>
      <Table.Td>{epoch.epoch}</Table.Td>
      {series.map((s) => (
        <Fragment key={s}>
          <Cell value={valueOf(epoch, s, false)} />
          <Cell value={valueOf(epoch, s, true)} />
        </Fragment>
      ))}
      {withRate && <Cell value={epoch.learningRate} />}
    </Table.Tr>
  )
})

/**
 * Every epoch's numbers: each series on training then validation rows (the training loss in the
 * second column, where tests read it), then the learning rate the epoch trained with.
 */
export function EpochTable({ epochs }: { epochs: EpochLog[] }) {
  // Stable between flushes unless a new series appears, so memoised rows stay untouched.
  const key = seriesOf(epochs).join()
  const series = useMemo(() => key.split(',') as Series[], [key])
  const withRate = epochs.some((e) => e.learningRate !== undefined)
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        Training history
      </Title>
      <ScrollArea.Autosize mah={240}>
        <Table aria-label="Training history" striped fz="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Epoch</Table.Th>
              {series.map((s) => (
                <Fragment key={s}>
                  <Table.Th ta="right">{seriesTitle(s)}</Table.Th>
                  <Table.Th ta="right">Validation {seriesNoun(s)}</Table.Th>
                </Fragment>
              ))}
              {withRate && <Table.Th ta="right">Learning rate</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {epochs.map((e) => (
              <EpochRow key={e.epoch} epoch={e} series={series} withRate={withRate} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  )
}
