import { Alert, List, Stack } from '@mantine/core'
import { useStudio } from '../../state/studio-store'
import { DataGrid } from './data-grid'
import { DataSources } from './data-sources'
import { ImageDatasetCard } from './images/image-dataset-card'
import { ProfileView } from './profile/profile-view'
import { TargetPicker } from './target-picker'

export function DataStep() {
  const dataset = useStudio((s) => s.dataset)
  const dataError = useStudio((s) => s.dataError)
  return (
    <Stack gap="md">
      <DataSources />
      {dataError && (
        <Alert color="red" title="The file was not loaded" role="alert">
          {dataError}
          {dataset && ` The data already loaded ("${dataset.name}") is still here.`}
        </Alert>
      )}
      {dataset && dataset.warnings.length > 0 && (
        <Alert color="yellow" title="Loaded, with notes">
          <List size="sm">
            {dataset.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {dataset && (
        <>
          <TargetPicker />
          <ProfileView />
          <DataGrid dataset={dataset} />
        </>
      )}
      <ImageDatasetCard />
    </Stack>
  )
}
