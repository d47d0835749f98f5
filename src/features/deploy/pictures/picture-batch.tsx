import { Alert, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import type { ScoredPicture } from '../../../core/export/pictures/picture-table'
import type { TrainedModel } from '../../../state/training-slice'
import { downloadBytes } from '../../../ui/download'
import { formatNumber, formatPercent } from '../../../ui/format'
import type { PictureBatch as Running } from '../../../workers/picture-score-client'
import { fileStem } from '../file-stem'
import { pictureCsv } from './picture-csv'
import { usePictureClient } from './use-picture-client'

/** Rows shown on the page; the CSV holds them all. */
const SHOWN_ROWS = 200

type BatchState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'scoring'
      readonly name: string
      readonly done: number
      readonly total: number
    }
  | { readonly status: 'cancelled'; readonly name: string }
  | { readonly status: 'error'; readonly name: string; readonly message: string }
  | {
      readonly status: 'done'
      readonly name: string
      readonly rows: readonly ScoredPicture[]
      readonly seconds: number
    }

/** A .zip or a folder of pictures scored in a worker: one row per file, as a table and a CSV. */
export function PictureBatch({ trained }: { readonly trained: TrainedModel }) {
  const client = usePictureClient(trained)
  const [state, setState] = useState<BatchState>({ status: 'idle' })
  const running = useRef<Running | null>(null)
  const folderInput = useRef<HTMLInputElement | null>(null)
  useEffect(() => {
    // The folder picker is not a standard attribute in React's types.
    folderInput.current?.setAttribute('webkitdirectory', '')
  }, [])
  const { recipe } = trained
  const classes = recipe.target.classes ?? []
  const busy = state.status === 'scoring'

  const start = (name: string, source: Parameters<typeof client.scoreBatch>[0]) => {
    const began = performance.now()
    setState({ status: 'scoring', name, done: 0, total: 0 })
    const run = client.scoreBatch(source, (done, total) =>
      setState({ status: 'scoring', name, done, total }),
    )
    running.current = run
    run.result.then(
      (rows) => {
        if (running.current !== run) return
        running.current = null
        setState({ status: 'done', name, rows, seconds: (performance.now() - began) / 1000 })
      },
      (error: unknown) => {
        if (running.current !== run) return
        running.current = null
        setState({
          status: 'error',
          name,
          message: error instanceof Error ? error.message : String(error),
        })
      },
    )
  }
  const cancel = () => {
    running.current?.cancel()
    running.current = null
    if (state.status === 'scoring') setState({ status: 'cancelled', name: state.name })
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Title order={4}>Score pictures</Title>
          <Text size="sm" c="dimmed" maw={760}>
            Choose a .zip or a folder of pictures (PNG, JPEG, GIF, WebP or BMP, in any sub-folders).
            Every picture is prepared as in training and gets its predicted {recipe.target.column}{' '}
            and the probability of each class; a file that is not a picture gets a note on its own
            row. Nothing leaves this browser.
          </Text>
        </div>
        <Group gap="lg">
          <Group gap="xs">
            <Text size="sm" fw={500} component="label" htmlFor="score-pictures-zip">
              Upload a .zip of pictures
            </Text>
            <input
              id="score-pictures-zip"
              type="file"
              accept=".zip,application/zip"
              disabled={busy}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0]
                event.currentTarget.value = ''
                if (file) start(file.name, { kind: 'zip', zip: file })
              }}
            />
          </Group>
          <Group gap="xs">
            <Text size="sm" fw={500} component="label" htmlFor="score-pictures-folder">
              Choose a folder of pictures
            </Text>
            <input
              id="score-pictures-folder"
              ref={folderInput}
              type="file"
              multiple
              disabled={busy}
              onChange={(event) => {
                const files = [...(event.currentTarget.files ?? [])]
                event.currentTarget.value = ''
                const first = files[0]
                if (!first) return
                const name = first.webkitRelativePath.split('/')[0] || 'the folder'
                start(name, {
                  kind: 'files',
                  files: files.map((file) => ({
                    path: file.webkitRelativePath || file.name,
                    file,
                  })),
                })
              }}
            />
          </Group>
        </Group>
        {state.status === 'scoring' && (
          <Stack gap={4} role="status" aria-label="Scoring progress">
            <Group justify="space-between">
              <Text size="sm">
                Scoring {state.name}:{' '}
                {state.total === 0
                  ? 'reading the files…'
                  : `${formatNumber(state.done)} of ${formatNumber(state.total)} files`}
              </Text>
              <Button size="xs" variant="default" onClick={cancel}>
                Cancel scoring
              </Button>
            </Group>
            <Progress value={state.total === 0 ? 0 : (100 * state.done) / state.total} animated />
          </Stack>
        )}
        {state.status === 'cancelled' && (
          <Text size="sm" c="dimmed" role="status">
            Scoring {state.name} was cancelled. Choose the files again to start over.
          </Text>
        )}
        {state.status === 'error' && (
          <Alert color="red" variant="light" title={`${state.name} could not be scored`}>
            {state.message}
          </Alert>
        )}
        {state.status === 'done' && (
          <ScoredView
            name={state.name}
            rows={state.rows}
            seconds={state.seconds}
            classes={classes}
            onDownload={() =>
              downloadBytes(
                pictureCsv(recipe, state.rows),
                `${fileStem(recipe)}-scored-pictures.csv`,
                'text/csv',
              )
            }
          />
        )}
      </Stack>
    </Paper>
  )
}

function ScoredView({
  name,
  rows,
  seconds,
  classes,
  onDownload,
}: {
  readonly name: string
  readonly rows: readonly ScoredPicture[]
  readonly seconds: number
  readonly classes: readonly string[]
  readonly onDownload: () => void
}) {
  const scored = rows.filter((r) => r.answer)
  const skipped = rows.length - scored.length
  const counts = classes.map((_, c) => scored.filter((r) => r.answer?.predicted === c).length)
  const top = classes
    .map((name, c) => ({ name, n: counts[c] ?? 0 }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 4)
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="start">
        <Text size="sm" role="status" aria-label="Scoring summary" maw={640}>
          {name}: {formatNumber(scored.length)} {scored.length === 1 ? 'picture' : 'pictures'}{' '}
          scored in {formatNumber(seconds, 1)} s
          {skipped > 0 &&
            `, ${formatNumber(skipped)} ${skipped === 1 ? 'file' : 'files'} not scored (see the notes)`}
          .{' '}
          {top.length > 0 &&
            `Most predicted: ${top.map((c) => `${c.name} (${formatNumber(c.n)})`).join(', ')}.`}
        </Text>
        <Button size="xs" onClick={onDownload}>
          Download scored pictures (CSV)
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={520} maxHeight={420}>
        <Table striped stickyHeader fz="sm" aria-label="Scored pictures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Predicted</Table.Th>
              <Table.Th ta="right">Probability</Table.Th>
              <Table.Th>Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN_ROWS).map((row, i) => (
              <Table.Tr key={`${i}-${row.path}`}>
                <Table.Td ff="monospace" fz="xs">
                  {row.path}
                </Table.Td>
                <Table.Td>{row.answer ? classes[row.answer.predicted] : '—'}</Table.Td>
                <Table.Td ta="right">
                  {row.answer
                    ? formatPercent(row.answer.probabilities[row.answer.predicted] ?? 0)
                    : '—'}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c={row.problem ? 'red.8' : 'dimmed'}>
                    {row.problem ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN_ROWS && (
        <Text size="xs" c="dimmed">
          Showing the first {SHOWN_ROWS} of {formatNumber(rows.length)} files; the CSV holds every
          file with the probability of each class.
        </Text>
      )}
    </Stack>
  )
}
