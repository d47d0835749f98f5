import {
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useStudio } from '../../state/studio-store'
import classes from './data-sources.module.css'
import { OwnData } from './own-data'
import { SAMPLE_DATASETS, SAMPLE_DOMAINS, sampleUrl, type SampleDataset } from './sample-datasets'
import { SampleCard } from './sample-card'

async function loadSample(sample: SampleDataset): Promise<void> {
  const studio = useStudio.getState()
  try {
    const response = await fetch(sampleUrl(sample))
    if (!response.ok) throw new Error(`the server answered ${response.status}`)
    const blob = await response.blob()
    if (sample.kind === 'images') {
      await studio.loadImageZip(blob, sample.title)
      return
    }
    await studio.loadData(blob, sample.file, { sampleId: sample.id, target: sample.target })
  } catch (error) {
    useStudio.setState({
      dataError: `The sample "${sample.title}" could not be read (${error instanceof Error ? error.message : String(error)}). Reload the page and try again.`,
    })
  }
}

/** Bundled real datasets as a gallery of cards, finance first, beside the analyst's own data. */
export function DataSources() {
  const loading = useStudio((s) => s.dataLoading)
  const loadedSampleId = useStudio((s) => s.dataset?.sampleId ?? null)
  const hasData = useStudio((s) => s.dataset !== null)
  // Open until something is loaded, then folded away so the profile comes first; the analyst's
  // own choice wins once made.
  const [open, setOpen] = useState<boolean | null>(null)
  const expanded = open ?? !hasData
  const loaded = SAMPLE_DATASETS.find((s) => s.id === loadedSampleId)
  // The quick picker (a contract of DESIGN.md): pick by name, load with one button.
  // Until the analyst picks here, it shows what is loaded (or the first sample).
  const [pickedId, setPickedId] = useState<string | null>(null)
  const shownId = pickedId ?? loadedSampleId ?? SAMPLE_DATASETS[0]?.id ?? ''
  const picked = SAMPLE_DATASETS.find((s) => s.id === shownId)

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Paper withBorder p="md" radius="md" h="100%">
          <Group justify="space-between" align="center" gap="sm">
            <div>
              <Title order={4}>Start with a real dataset</Title>
              <Text size="xs" c="dimmed">
                {SAMPLE_DATASETS.length} public datasets bundled with the studio: nothing is
                downloaded.
                {loaded ? ` Loaded: ${loaded.title}.` : ''}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <NativeSelect
                size="xs"
                aria-label="Sample dataset"
                value={shownId}
                onChange={(event) => setPickedId(event.currentTarget.value)}
                data={SAMPLE_DATASETS.map((s) => ({ value: s.id, label: s.title }))}
              />
              <Button
                size="xs"
                disabled={loading || !picked}
                onClick={() => {
                  if (picked) void loadSample(picked)
                }}
              >
                Load sample dataset
              </Button>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setOpen(!expanded)}
                aria-expanded={expanded}
              >
                {expanded ? 'Hide sample datasets' : 'Browse sample datasets'}
              </Button>
            </Group>
          </Group>
          {!expanded && (
            // Folded: every sample is still one click away, by name.
            <Group gap={6} mt="sm">
              {SAMPLE_DATASETS.map((sample) => (
                <Button
                  key={sample.id}
                  size="compact-xs"
                  variant={sample.id === loadedSampleId ? 'light' : 'default'}
                  color={sample.id === loadedSampleId ? 'teal' : undefined}
                  onClick={() => void loadSample(sample)}
                  disabled={loading}
                  aria-label={`Load ${sample.title}`}
                >
                  {sample.title}
                </Button>
              ))}
            </Group>
          )}
          {expanded && (
            <Stack gap="md" mt="sm">
              {SAMPLE_DOMAINS.map(({ domain, title }) => (
                <section key={domain} aria-label={`${title} samples`}>
                  <Text className={classes.domainTitle}>{title}</Text>
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                    {SAMPLE_DATASETS.filter((s) => s.domain === domain).map((sample) => (
                      <SampleCard
                        key={sample.id}
                        sample={sample}
                        loaded={sample.id === loadedSampleId}
                        disabled={loading}
                        onLoad={() => void loadSample(sample)}
                      />
                    ))}
                  </SimpleGrid>
                </section>
              ))}
            </Stack>
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <OwnData />
      </Grid.Col>
    </Grid>
  )
}
