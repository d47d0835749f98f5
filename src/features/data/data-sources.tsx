import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useStudio } from '../../state/studio-store'
import { SAMPLE_DATASETS, sampleUrl } from './sample-datasets'
import { OwnData } from './own-data'

export function DataSources() {
  const loadData = useStudio((s) => s.loadData)
  const loading = useStudio((s) => s.dataLoading)
  const [sampleId, setSampleId] = useState(SAMPLE_DATASETS[0]?.id ?? '')
  const sample = SAMPLE_DATASETS.find((s) => s.id === sampleId)

  const loadSample = async () => {
    if (!sample) return
    try {
      const response = await fetch(sampleUrl(sample))
      if (!response.ok) throw new Error(`the server answered ${response.status}`)
      await loadData(await response.blob(), sample.file, {
        sampleId: sample.id,
        target: sample.target,
      })
    } catch (error) {
      useStudio.setState({
        dataError: `The sample "${sample.title}" could not be read (${error instanceof Error ? error.message : String(error)}). Reload the page and try again.`,
      })
    }
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={4}>Start with a real dataset</Title>
          <Group align="end" gap="sm">
            <NativeSelect
              label="Sample dataset"
              value={sampleId}
              onChange={(e) => setSampleId(e.currentTarget.value)}
              data={SAMPLE_DATASETS.map((s) => ({ value: s.id, label: s.title }))}
              style={{ flex: 1 }}
            />
            <Button onClick={() => void loadSample()} loading={loading}>
              Load sample dataset
            </Button>
          </Group>
          {sample && (
            <Text size="xs" c="dimmed">
              {sample.description} {sample.task}. Source: {sample.source}. Licence: {sample.licence}
              .
            </Text>
          )}
        </Stack>
      </Paper>
      <OwnData />
    </SimpleGrid>
  )
}
