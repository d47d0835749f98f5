import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { TrainedModel } from '../../../state/training-slice'
import type { PredictedPicture } from '../../../workers/picture-score-protocol'
import { PictureCard } from './picture-card'
import { usePictureClient } from './use-picture-client'
import { usePictureDataset } from './use-picture-dataset'

/** Pictures predicted at once; more are dropped with a note (the batch tab scores many). */
const MAX_PICTURES = 24

interface Chosen {
  readonly name: string
  readonly blob: Blob
  readonly origin: string | null
}

type Outcome =
  | { readonly status: 'idle' }
  | { readonly status: 'scoring'; readonly chosen: readonly Chosen[] }
  | {
      readonly status: 'done'
      readonly chosen: readonly Chosen[]
      readonly pictures: readonly PredictedPicture[]
    }
  | { readonly status: 'error'; readonly message: string }

/** Pictures dropped or chosen (or a test picture), each predicted and explained in a worker. */
export function PicturePredict({ trained }: { readonly trained: TrainedModel }) {
  const client = usePictureClient(trained)
  const dataset = usePictureDataset(trained)
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' })
  const [note, setNote] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)

  const predict = (all: readonly Chosen[]) => {
    const chosen = all.slice(0, MAX_PICTURES)
    setNote(
      all.length > MAX_PICTURES
        ? `Showing the first ${MAX_PICTURES} of ${all.length} pictures: score many at once on the Score a file tab.`
        : null,
    )
    if (chosen.length === 0) return
    setOutcome({ status: 'scoring', chosen })
    client.predict(chosen.map(({ name, blob }) => ({ name, blob }))).then(
      (pictures) => setOutcome({ status: 'done', chosen, pictures }),
      (error: unknown) =>
        setOutcome({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
  }
  const fromFiles = (files: readonly File[]) =>
    predict(files.map((file) => ({ name: file.name, blob: file, origin: null })))
  const testPicture = () => {
    if (!dataset) return
    const rows = trained.testRows
    const index = Math.floor(Math.random() * rows.length)
    const image = dataset.images[rows[index] ?? 0]
    if (!image) return
    const truth = dataset.classes[image.classIndex]?.name ?? '?'
    predict([
      {
        name: image.path,
        blob: image.blob,
        origin: `test picture ${index + 1} of ${rows.length}, truly ${truth}`,
      },
    ])
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="start">
            <div>
              <Title order={4}>Predict pictures</Title>
              <Text size="sm" c="dimmed" maw={720}>
                Drop pictures here or choose them (PNG, JPEG, GIF, WebP or BMP). Each is prepared
                exactly as in training ({describeSpec(trained)}) and gets its class, the probability
                of every class and a heat map of where the model looks. Nothing leaves this browser.
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              onClick={testPicture}
              disabled={!dataset}
              title={
                dataset
                  ? undefined
                  : `Load ${trained.recipe.source.name} on the Data step to pick its test pictures.`
              }
            >
              Pick a test picture
            </Button>
          </Group>
          <Paper
            withBorder
            p="lg"
            radius="md"
            bg={dragging ? 'blue.0' : 'gray.0'}
            style={{ borderStyle: 'dashed', textAlign: 'center' }}
            onDragOver={(event) => {
              event.preventDefault()
              setDragging(true)
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault()
              setDragging(false)
              fromFiles([...event.dataTransfer.files])
            }}
          >
            <Text size="sm" component="label" htmlFor="predict-pictures-input" fw={500}>
              Choose pictures to predict
            </Text>{' '}
            <input
              id="predict-pictures-input"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp,image/bmp"
              multiple
              onChange={(event) => {
                const files = [...(event.currentTarget.files ?? [])]
                // Cleared, so that the same picture can be chosen again.
                event.currentTarget.value = ''
                fromFiles(files)
              }}
            />
            <Text size="xs" c="dimmed" mt={4}>
              or drop them on this box
            </Text>
          </Paper>
          {note && (
            <Text size="xs" c="orange.8">
              {note}
            </Text>
          )}
        </Stack>
      </Paper>
      {outcome.status === 'error' && (
        <Alert color="red" variant="light" title="The pictures could not be scored">
          {outcome.message}
        </Alert>
      )}
      {outcome.status === 'scoring' && (
        <Text size="sm" c="dimmed" role="status">
          Scoring{' '}
          {outcome.chosen.length === 1 ? 'the picture' : `${outcome.chosen.length} pictures`}…
        </Text>
      )}
      {outcome.status === 'done' && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
          {outcome.pictures.map((picture, i) => {
            const chosen = outcome.chosen[i]
            return chosen ? (
              <PictureCard
                key={`${i}-${picture.name}`}
                recipe={trained.recipe}
                picture={picture}
                blob={chosen.blob}
                origin={chosen.origin}
              />
            ) : null
          })}
        </SimpleGrid>
      )}
    </Stack>
  )
}

function describeSpec(trained: TrainedModel): string {
  const resize = trained.recipe.steps.find((s) => s.op === 'image-resize' && s.enabled)
  if (resize?.op !== 'image-resize') return 'the fitted image recipe'
  return `resized to ${resize.width} × ${resize.height}, ${resize.channels === 1 ? 'grey' : 'colour'}, normalised as the training pictures were`
}
