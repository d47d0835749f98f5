import {
  Alert,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useEffect } from 'react'
import { PROJECT_FILE_EXTENSION } from '../../core/project/project-file-limits'
import { useStudio } from '../../state/studio-store'
import { downloadBytes } from '../../ui/download'
import { ProjectRow } from './project-row'
import { StorageCard } from './storage-card'

/** A file name from a project name: letters, digits and dashes only. */
function projectFileName(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
  return `${stem || 'project'}${PROJECT_FILE_EXTENSION}`
}

/** Every project kept in this browser: open, rename, copy, export, delete; and import a file. */
export function ProjectsPage() {
  const projects = useStudio((s) => s.projects)
  const damaged = useStudio((s) => s.damagedProjects)
  const openId = useStudio((s) => s.projectId)
  const busy = useStudio((s) => s.projectBusy)
  const error = useStudio((s) => s.projectError)
  const newProject = useStudio((s) => s.newProject)
  const importFile = useStudio((s) => s.importProjectFile)
  const exportProject = useStudio((s) => s.exportProject)
  const purge = useStudio((s) => s.purgeProject)
  const dismissError = useStudio((s) => s.dismissProjectError)
  const showPage = useStudio((s) => s.showProjectsPage)
  const refreshStorage = useStudio((s) => s.refreshStorage)

  useEffect(() => {
    void refreshStorage()
  }, [projects, refreshStorage])

  const download = async (id: string) => {
    const file = await exportProject(id)
    if (file) downloadBytes(file.bytes, projectFileName(file.name), 'application/zip')
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Projects</Title>
          <Text size="sm" c="dimmed">
            Each project keeps its data, preparation, network, runs and trained weights in this
            browser, saved as you work. Nothing leaves your machine unless you export it.
          </Text>
        </div>
        <Group gap="xs">
          {openId && (
            <Button variant="default" onClick={() => showPage(false)}>
              Back to the open project
            </Button>
          )}
          <FileButton
            onChange={(file) => file && void importFile(file, file.name)}
            accept=".zip,application/zip"
          >
            {(props) => (
              <Button variant="default" {...props} disabled={busy !== null}>
                Import project file
              </Button>
            )}
          </FileButton>
          <Button onClick={() => void newProject()} disabled={busy !== null}>
            New project
          </Button>
        </Group>
      </Group>

      {busy && (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm">{busy}</Text>
        </Group>
      )}
      {error && (
        <Alert color="red" title="Something went wrong" withCloseButton onClose={dismissError}>
          {error}
        </Alert>
      )}

      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" highlightOnHover aria-label="Projects">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Data</Table.Th>
              <Table.Th>Changed</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.map((project) => (
              <ProjectRow
                key={project.id}
                project={project}
                open={project.id === openId}
                onExport={() => void download(project.id)}
              />
            ))}
            {damaged.map((record) => (
              <Table.Tr key={record.id}>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="red">
                    A damaged project record could not be read: {record.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => void purge(record.id)}
                  >
                    Remove damaged record
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {projects.length === 0 && damaged.length === 0 && (
          <Text p="md" size="sm" c="dimmed">
            No projects yet: start a new one, or import a project file exported earlier.
          </Text>
        )}
      </Paper>
      <StorageCard />
      <Text size="xs" c="dimmed">
        Project files ({PROJECT_FILE_EXTENSION}) hold the data, recipe, network and every run with
        its weights. Each is checked before anything is stored: a damaged or altered file is refused
        with the reason.
      </Text>
    </Stack>
  )
}
