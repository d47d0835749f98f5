import { Alert, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useStudio } from '../../../state/studio-store'
import { ImageBeforeAfter } from './image-before-after'
import { ImageSettings } from './image-settings'
import { ImageSplitTable } from './image-split-table'

const n = (v: number) => v.toLocaleString('en-US')
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`

/**
 * The Prepare step for an image dataset: resize and normalise settings, the split of each class,
 * and a before/after preview of a few pictures per class.
 */
export function ImagePreparePanel() {
  const dataset = useStudio((s) => s.imageDataset)
  const recipe = useStudio((s) => (s.recipe?.source.kind === 'images' ? s.recipe : null))
  const plan = useStudio((s) => s.plan)
  const pictures = useStudio((s) => s.imagePictures)
  const preparing = useStudio((s) => s.imagePreparing)
  const error = useStudio((s) => s.imagePrepareError)
  if (!dataset) return null
  const resize = recipe?.steps.find((s) => s.op === 'image-resize')
  const normalise = recipe?.steps.find((s) => s.op === 'image-normalise')
  if (!recipe || !plan || resize?.op !== 'image-resize') {
    return (
      <Paper withBorder p="md" radius="md" aria-label="Image preparation" component="section">
        <Title order={4}>Image preparation</Title>
        <Text size="sm" c="dimmed">
          Looking at the pictures of “{dataset.name}” to propose a recipe…
        </Text>
      </Paper>
    )
  }
  const { common } = dataset.sizes
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" aria-label="Image preparation" component="section">
        <Stack gap="sm">
          <div>
            <Title order={4}>Image preparation</Title>
            <Text size="sm" c="dimmed">
              {n(dataset.images.length)} pictures in {dataset.classes.length} classes, most often{' '}
              {common.width} × {common.height}. Every picture becomes {resize.width} ×{' '}
              {resize.height} × {resize.channels} = {n(plan.inputs)} model inputs; the normalisation
              is fitted on the training pictures only.
            </Text>
          </div>
          <ImageSettings
            resize={resize}
            normalise={normalise?.op === 'image-normalise' ? normalise : undefined}
            seed={recipe.seed}
          />
          <List size="sm" aria-label="Image preparation steps">
            {plan.reports.map((report) => (
              <List.Item key={report.stepId}>
                {report.description}
                {report.notes.map((note) => (
                  <Text key={note} size="xs" c="dimmed">
                    {note}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
          {plan.error && (
            <Alert color="red" title="This recipe cannot train yet">
              {plan.error.message}
            </Alert>
          )}
          {error && (
            <Alert color="red" title="The pictures were not prepared" role="alert">
              {error}
            </Alert>
          )}
          {preparing && (
            <div>
              <Text size="xs" c="dimmed">
                Resizing pictures… {n(preparing.done)} of {n(preparing.total)}
              </Text>
              <Progress
                value={preparing.total > 0 ? (preparing.done / preparing.total) * 100 : 0}
                aria-label="Resizing pictures"
                size="sm"
              />
            </div>
          )}
        </Stack>
      </Paper>
      <Group align="start" gap="md" grow preventGrowOverflow={false}>
        <Paper withBorder p="md" radius="md">
          <Title order={5} mb="xs">
            Split by class
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            Stratified, {percent(recipe.split.train)} train / {percent(recipe.split.validation)}{' '}
            validation / {percent(recipe.split.test)} test, shuffled with seed {recipe.seed}.
          </Text>
          <ImageSplitTable recipe={recipe} dataset={dataset} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={5} mb="xs">
            Before and after
          </Title>
          <ImageBeforeAfter dataset={dataset} pictures={pictures} fitted={plan.recipe} />
        </Paper>
      </Group>
    </Stack>
  )
}
