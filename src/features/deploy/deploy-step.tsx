import { Stack, Tabs } from '@mantine/core'
import { useMemo } from 'react'
import { inputSchemaOf } from '../../core/export/input-schema'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'
import { BatchSection } from './batch-section'
import { BundleSection } from './bundle-section'
import type { DeploySectionProps } from './deploy-section'
import { ImportSection } from './import-section'
import { OnnxSection } from './onnx-section'
import { PredictSection } from './predict-section'
import { PytorchSection } from './pytorch-section'
import { TestPredictionsSection } from './test-predictions-section'

export function DeployStep() {
  const trained = useStudio((s) => s.trained)
  const loaded = useStudio((s) => s.dataset)
  const opened = useStudio((s) => s.openedBundle)
  const dataset = trained && loaded && trained.recipe.source.name === loaded.name ? loaded : null
  // The loaded data's own ranges when it is there; else those an opened bundle carries.
  const inputSchema = useMemo(
    () =>
      trained?.recipe.source.kind !== 'table'
        ? null
        : dataset
          ? inputSchemaOf(trained.recipe, dataset.table)
          : (opened?.inputSchema ?? null),
    [trained, dataset, opened],
  )
  if (!trained) {
    return (
      <Stack gap="md">
        <EmptyState title="Nothing to deploy yet">
          Train a model first, or open a model bundle downloaded earlier: predictions, the bundle
          and the exports are offered here.
        </EmptyState>
        <ImportSection />
      </Stack>
    )
  }
  const props: DeploySectionProps = { trained, dataset, inputSchema }
  return (
    <Tabs defaultValue="predict" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="predict">Predict</Tabs.Tab>
        <Tabs.Tab value="batch">Score a file</Tabs.Tab>
        <Tabs.Tab value="download">Download</Tabs.Tab>
        <Tabs.Tab value="import">Import</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="predict" pt="md">
        <PredictSection {...props} />
      </Tabs.Panel>
      <Tabs.Panel value="batch" pt="md">
        <BatchSection {...props} />
      </Tabs.Panel>
      <Tabs.Panel value="download" pt="md">
        <Stack gap="md">
          <BundleSection {...props} />
          <OnnxSection {...props} />
          <PytorchSection {...props} />
          <TestPredictionsSection {...props} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="import" pt="md">
        <ImportSection />
      </Tabs.Panel>
    </Tabs>
  )
}
