import { Alert, Button, FileButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useStudio } from '../../state/studio-store'
import { KerasImportCard } from './import/keras-import-card'

/** Opens a bundle downloaded earlier, or a Keras model converted to TensorFlow.js. */
export function ImportSection() {
  const openBundle = useStudio((s) => s.openBundle)
  const importing = useStudio((s) => s.importing)
  const error = useStudio((s) => s.importError)
  const dismiss = useStudio((s) => s.dismissImportError)
  const opened = useStudio((s) => s.openedBundle)
  const warmStart = useStudio((s) => s.warmStart)
  const clearWarmStart = useStudio((s) => s.clearWarmStart)
  const trained = useStudio((s) => s.trained)
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Open a model bundle</Title>
        <Text size="sm" c="dimmed" mb="sm">
          A .zip downloaded from Model Studio opens here again: predict with it at once; with its
          data loaded on the Data step it is also tested on the recipe&apos;s own test rows (see
          Evaluate) and can be trained further from its weights.
        </Text>
        <Group>
          <FileButton
            onChange={(file) => file && void openBundle(file)}
            accept=".zip,application/zip"
            inputProps={{ 'aria-label': 'Model bundle file' }}
          >
            {(props) => (
              <Button {...props} disabled={importing}>
                Open model bundle…
              </Button>
            )}
          </FileButton>
          {importing && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">Opening and testing the model…</Text>
            </Group>
          )}
        </Group>
        {error && (
          <Alert
            color="red"
            mt="sm"
            title="The bundle was not opened"
            withCloseButton
            onClose={dismiss}
          >
            {error}
          </Alert>
        )}
        {opened && trained && !importing && (
          <Alert
            color={opened.notTested ? 'yellow' : 'teal'}
            mt="sm"
            title={`Opened ${opened.fileName}`}
            data-testid="opened-bundle"
          >
            {opened.notTested ? (
              <>Ready to predict. {opened.notTested}</>
            ) : (
              <>
                Tested on {trained.testRows.length.toLocaleString('en')} test{' '}
                {trained.recipe.source.kind === 'images' ? 'pictures' : 'rows'} of{' '}
                {trained.recipe.source.name}: its metrics are on the Evaluate step.
              </>
            )}
          </Alert>
        )}
        {warmStart && !warmStart.newHeadAllowed && (
          <Group mt="sm" gap="sm">
            <Text size="sm" data-testid="warm-start">
              The next training run starts from the weights of {warmStart.name}.
            </Text>
            <Button size="xs" variant="subtle" onClick={clearWarmStart}>
              Start from fresh weights instead
            </Button>
          </Group>
        )}
      </Paper>
      <KerasImportCard />
    </Stack>
  )
}
