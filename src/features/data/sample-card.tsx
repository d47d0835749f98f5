import { Badge, Button, Group, Paper, Text } from '@mantine/core'
import classes from './data-sources.module.css'
import type { SampleDataset } from './sample-datasets'

const count = (n: number) => n.toLocaleString('en-US')

/** One bundled dataset: what it is, its shape and target, where it comes from, and a Load button. */
export function SampleCard({
  sample,
  loaded,
  disabled,
  onLoad,
}: {
  sample: SampleDataset
  loaded: boolean
  disabled: boolean
  onLoad: () => void
}) {
  const [taskKind, taskDetail] = sample.task.split(': ')
  return (
    <Paper
      component="article"
      aria-label={sample.title}
      withBorder
      radius="md"
      p="sm"
      className={classes.card}
      data-loaded={loaded || undefined}
    >
      <Group justify="space-between" align="start" gap="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {sample.title}
        </Text>
        {loaded && (
          <Badge size="sm" variant="light" color="teal" tt="none">
            Loaded
          </Badge>
        )}
      </Group>
      <Text size="xs" mt={4} className={classes.description}>
        {sample.description}
      </Text>
      <Group gap={6} mt={6}>
        <Badge size="sm" variant="light" tt="none">
          {taskKind}
        </Badge>
        <Text size="xs" c="dimmed">
          {sample.kind === 'images'
            ? `${count(sample.rows)} images in ${count(sample.columns)} classes`
            : `${count(sample.rows)} rows × ${count(sample.columns)} columns`}
        </Text>
      </Group>
      <Text size="xs" mt={4}>
        Target <span className={classes.target}>{sample.target}</span>
        {taskDetail ? ` (${taskDetail})` : ''}
      </Text>
      <Text size="xs" c="dimmed" mt={4} className={classes.credit}>
        Source: {sample.source}. Licence: {sample.licence}.
      </Text>
      <Button
        size="xs"
        mt="xs"
        variant={loaded ? 'default' : 'light'}
        className={classes.load}
        onClick={onLoad}
        disabled={disabled}
        aria-label={`Load ${sample.title}`}
      >
        {loaded ? 'Load again' : 'Load'}
      </Button>
    </Paper>
  )
}
