import { Alert, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { BUNDLE_FILES } from '../../core/export/bundle'
import type { WeightQuantization } from '../../core/export/quantize'
import { fetchRuntime, runtimeFiles } from '../../core/export/runtime-files'
import { downloadBytes } from '../../ui/download'
import { bundleContents } from './bundle/bundle-contents'
import { makeBundle, makeCard, sha256Hex } from './bundle/make-bundle'
import { QuantizationTable, StorageChoice } from './bundle/quantization-table'
import { useQuantizationCheck } from './bundle/use-quantization-check'
import type { DeploySectionProps } from './deploy-section'
import { fileStem } from './file-stem'

/** The model bundle: weight storage with its measured cost, what the .zip holds, the card. */
export function BundleSection({ trained, dataset, inputSchema }: DeploySectionProps) {
  const [quantization, setQuantization] = useState<WeightQuantization>('float32')
  const [busy, setBusy] = useState<'bundle' | 'card' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [runtimeJs, setRuntimeJs] = useState<string | null>(null)
  const [sha, setSha] = useState<{ file: Blob; hex: string } | null>(null)
  const check = useQuantizationCheck(trained, dataset)
  const file = dataset?.file ?? null

  useEffect(() => {
    let live = true
    fetchRuntime().then(
      (js) => live && setRuntimeJs(js),
      // The download reads it again and says what went wrong; the list just omits those files.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  useEffect(() => {
    if (!file) return
    let live = true
    void sha256Hex(file).then((hex) => live && setSha({ file, hex }))
    return () => {
      live = false
    }
  }, [file])
  const sha256 = sha && sha.file === file ? sha.hex : null

  const contents = useMemo(() => {
    const bundle = { model: trained.model, recipe: trained.recipe, inputSchema }
    const runtime = runtimeJs === null ? [] : Object.keys(runtimeFiles(bundle, runtimeJs))
    return bundleContents([
      BUNDLE_FILES.model,
      BUNDLE_FILES.weights,
      BUNDLE_FILES.recipe,
      ...(inputSchema ? [BUNDLE_FILES.inputSchema] : []),
      BUNDLE_FILES.readme,
      BUNDLE_FILES.cardMarkdown,
      BUNDLE_FILES.cardHtml,
      ...runtime,
    ])
  }, [trained, inputSchema, runtimeJs])

  const choice = {
    trained,
    dataset,
    inputSchema,
    quantization,
    sha256,
    quantizationCheck: check.status === 'done' ? check.checks : null,
  }
  const stem = fileStem(trained.recipe)
  async function run(what: 'bundle' | 'card') {
    setBusy(what)
    setError(null)
    try {
      if (what === 'bundle') {
        downloadBytes(
          await makeBundle(choice),
          quantization === 'float32'
            ? `${stem}-model-bundle.zip`
            : `${stem}-model-bundle-${quantization}.zip`,
          'application/zip',
        )
      } else {
        const card = await makeCard(choice)
        downloadBytes(card.html, `${stem}-model-card.html`, 'text/html')
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>Model bundle</Title>
            <Text size="sm" c="dimmed">
              One .zip with the model, its preparation and a model card: everything needed to use
              the model outside the studio, with the same answers.
            </Text>
          </div>
          <Group gap="xs">
            <Button
              variant="light"
              loading={busy === 'card'}
              disabled={busy !== null}
              onClick={() => void run('card')}
            >
              Download model card
            </Button>
            <Button
              loading={busy === 'bundle'}
              disabled={busy !== null}
              onClick={() => void run('bundle')}
            >
              Download model bundle
            </Button>
          </Group>
        </Group>
        {error && (
          <Alert color="red" title="The download could not be made">
            {error}
          </Alert>
        )}
        <StorageChoice value={quantization} onChange={setQuantization} />
        <CheckView check={check} trained={trained} quantization={quantization} />
        <div>
          <Text size="sm" fw={500}>
            What the bundle holds
          </Text>
          <List size="sm" spacing={2} aria-label="Bundle contents">
            {contents.map((f) => (
              <List.Item key={f.name}>
                <Text span ff="monospace" size="sm">
                  {f.name}
                </Text>
                : {f.what}
              </List.Item>
            ))}
          </List>
        </div>
        <Text size="xs" c="dimmed">
          {trained.recipe.source.kind === 'images'
            ? `Data: ${trained.recipe.source.name}, pictures of ${trained.recipe.source.classes.length} classes (the card lists them).`
            : sha256
              ? `Data: ${trained.recipe.source.name}, SHA-256 ${sha256.slice(0, 16)}… (the card gives it in full).`
              : dataset
                ? 'Computing the data file’s SHA-256 for the card…'
                : `The card names ${trained.recipe.source.name} without its hash: load that file on the Data step to add it.`}
        </Text>
      </Stack>
    </Paper>
  )
}

function CheckView({
  check,
  trained,
  quantization,
}: {
  check: ReturnType<typeof useQuantizationCheck>
  trained: DeploySectionProps['trained']
  quantization: WeightQuantization
}) {
  if (check.status === 'needs-data')
    return (
      <Alert color="gray" title="Accuracy check not run">
        Checking what each weight storage does to the test metrics needs the training data: load{' '}
        {trained.recipe.source.name} on the Data step. The bundle can be downloaded without it.
      </Alert>
    )
  if (check.status === 'needs-pictures')
    return (
      <Alert color="gray" title="Accuracy check not run">
        Checking what each weight storage does to the test metrics needs the test pictures: load{' '}
        {trained.recipe.source.name} on the Data step (and let the Prepare step read the pictures at
        the size this model was trained on). The bundle can be downloaded without it.
      </Alert>
    )
  const rowsWord = trained.recipe.source.kind === 'images' ? 'pictures' : 'rows'
  if (check.status === 'failed')
    return (
      <Alert color="red" title="The accuracy check failed">
        {check.message}
      </Alert>
    )
  return (
    <Stack gap={4}>
      <QuantizationTable
        checks={check.checks}
        metrics={trained.metrics}
        chosen={quantization}
        regression={trained.recipe.target.task === 'regression'}
      />
      <Group gap="xs">
        {check.status === 'running' && <Loader size="xs" />}
        <Text size="xs" c="dimmed">
          {check.status === 'running'
            ? `Scoring the test ${rowsWord} with each weight storage…`
            : `Measured on the ${trained.testRows.length.toLocaleString('en-US')} test ${rowsWord} by loading each stored model as the bundle does. Changes are against float32.`}
        </Text>
      </Group>
    </Stack>
  )
}
