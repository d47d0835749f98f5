import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useStudio } from '../../../state/studio-store'
import classes from './image-dataset.module.css'
import { ImageDatasetView } from './image-dataset-view'
import { loadImageDrop, takeDrop } from './drop-images'

/** Lets an <input type="file"> pick a whole folder (React has no typed prop for it). */
const pickFolders = (input: HTMLInputElement | null) => {
  input?.setAttribute('webkitdirectory', '')
}

/** An image classification dataset: a folder of class folders, or a .zip of one. */
export function ImageDatasetCard() {
  const dataset = useStudio((s) => s.imageDataset)
  const loading = useStudio((s) => s.imageLoading)
  const progress = useStudio((s) => s.imageProgress)
  const error = useStudio((s) => s.imageError)
  const loadImageFiles = useStudio((s) => s.loadImageFiles)
  const loadImageZip = useStudio((s) => s.loadImageZip)
  const [dragging, setDragging] = useState(false)

  const onFolder = (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    event.target.value = ''
    if (files.length > 0) void loadImageFiles(files)
  }

  const onZip = (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file) void loadImageZip(file, file.name)
  }

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault()
    setDragging(false)
    void loadImageDrop(takeDrop(event.dataTransfer))
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Image dataset">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={4}>Image dataset</Title>
          <Text size="xs" c="dimmed">
            PNG, JPEG, GIF, WebP or BMP · one folder per class
          </Text>
        </Group>
        <div
          className={classes.dropzone}
          data-dragging={dragging || undefined}
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="image-dropzone"
        >
          <Text size="sm">
            Drop a folder of class folders (<code>cats/</code>, <code>dogs/</code>, …) or a .zip of
            them here
          </Text>
          <Group gap="xs" justify="center">
            <Button
              component="label"
              variant="light"
              size="xs"
              className={classes.picker}
              disabled={loading}
            >
              Choose a folder
              <input
                ref={pickFolders}
                type="file"
                multiple
                className={classes.hiddenInput}
                aria-label="Upload image folder"
                onChange={onFolder}
                disabled={loading}
              />
            </Button>
            <Button
              component="label"
              variant="light"
              size="xs"
              className={classes.picker}
              disabled={loading}
            >
              Choose a .zip
              <input
                type="file"
                accept=".zip,application/zip"
                className={classes.hiddenInput}
                aria-label="Upload image zip"
                onChange={onZip}
                disabled={loading}
              />
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            One folder per class, e.g. cats/…, dogs/…; the pictures stay in this browser. A sample:
            Handwritten digit images, under Classic teaching datasets.
          </Text>
        </div>
        {loading && (
          <Stack gap={4} role="status" aria-label="Image loading">
            <Text size="xs" c="dimmed">
              {progress?.stage === 'decoding'
                ? `Checking pictures… ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`
                : 'Reading files…'}
            </Text>
            <Progress
              value={progress?.stage === 'decoding' ? (100 * progress.done) / progress.total : 5}
              animated
              size="sm"
            />
          </Stack>
        )}
        {error && (
          <Alert color="red" title="The pictures were not loaded" role="alert">
            {error}
            {dataset && ` The image dataset already loaded ("${dataset.name}") is still here.`}
          </Alert>
        )}
        {dataset && <ImageDatasetView dataset={dataset} />}
      </Stack>
    </Paper>
  )
}
