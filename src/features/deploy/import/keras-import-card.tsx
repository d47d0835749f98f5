import { Alert, Button, FileButton, Group, List, Paper, Text, Title } from '@mantine/core'
import { useStudio } from '../../../state/studio-store'

/** A Keras model converted to TensorFlow.js, imported to fine-tune on the loaded data. */
export function KerasImportCard() {
  const importKeras = useStudio((s) => s.importKeras)
  const imported = useStudio((s) => s.kerasImport)
  const error = useStudio((s) => s.kerasError)
  const showStep = useStudio((s) => s.showStep)
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>Fine-tune a Keras model</Title>
      <Text size="sm" c="dimmed" mb="sm">
        A Keras 2 Sequential model converted with <code>tensorflowjs_converter</code> (its
        model.json and the .bin weight files beside it) becomes the network on the Model step and
        training starts from its weights. Its inputs must be the ones the Prepare step gives; the
        output layer is kept when it fits the target and starts fresh when it does not.
      </Text>
      <FileButton
        onChange={(files) => files.length > 0 && void importKeras(files)}
        accept=".json,.bin,application/json,application/octet-stream"
        multiple
        inputProps={{ 'aria-label': 'Keras model files' }}
      >
        {(props) => (
          <Button variant="light" {...props}>
            Choose model.json and weights…
          </Button>
        )}
      </FileButton>
      {error && (
        <Alert color="red" mt="sm" title="The model was not imported">
          {error}
        </Alert>
      )}
      {imported && !error && (
        <Alert
          color="teal"
          mt="sm"
          title={`Imported ${imported.fileName}`}
          data-testid="keras-imported"
        >
          <Text size="sm">
            {imported.layers} hidden layers are now the network on the Model step;{' '}
            {imported.outputKept
              ? 'its output layer fits the target and keeps its weights.'
              : 'its output layer does not fit the target, so the studio’s own starts fresh.'}{' '}
            The next training run starts from these weights.
          </Text>
          {imported.notes.length > 0 && (
            <List size="sm" mt={4}>
              {imported.notes.map((note) => (
                <List.Item key={note}>{note}</List.Item>
              ))}
            </List>
          )}
          <Group mt="xs">
            <Button size="xs" variant="light" onClick={() => showStep('train')}>
              Go to Train
            </Button>
          </Group>
        </Alert>
      )}
    </Paper>
  )
}
