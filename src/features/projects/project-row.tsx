import { Badge, Button, Group, Menu, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { ProjectMeta } from '../../core/project/project-types'
import { useStudio } from '../../state/studio-store'
import { runWhen } from '../../ui/run-when'

/** One project: its name (renamed in place), its data, its dates and what can be done with it. */
export function ProjectRow({
  project,
  open,
  onExport,
}: {
  project: ProjectMeta
  open: boolean
  onExport: () => void
}) {
  const openProject = useStudio((s) => s.openProject)
  const rename = useStudio((s) => s.renameProject)
  const duplicate = useStudio((s) => s.duplicateProject)
  const remove = useStudio((s) => s.deleteProject)
  const busy = useStudio((s) => s.projectBusy !== null || s.projectOpening)
  const [editing, setEditing] = useState<string | null>(null)

  const commit = () => {
    if (editing !== null && editing.trim() !== '' && editing !== project.name)
      void rename(project.id, editing)
    setEditing(null)
  }

  return (
    <Table.Tr>
      <Table.Td>
        {editing === null ? (
          <Group gap="xs" wrap="nowrap">
            <Text fw={500}>{project.name}</Text>
            {open && (
              <Badge size="sm" variant="light">
                open
              </Badge>
            )}
          </Group>
        ) : (
          <TextInput
            size="xs"
            autoFocus
            aria-label={`New name for ${project.name}`}
            value={editing}
            onChange={(e) => setEditing(e.currentTarget.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit()
              if (e.key === 'Escape') setEditing(null)
            }}
          />
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={project.datasetName ? undefined : 'dimmed'}>
          {project.datasetName ?? 'no data yet'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{runWhen(project.updatedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {runWhen(project.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant={open ? 'light' : 'filled'}
            onClick={() => void openProject(project.id)}
            disabled={busy}
            aria-label={`Open ${project.name}`}
          >
            Open
          </Button>
          {/* Focus stays where the chosen action puts it (the rename field), not back on "More". */}
          <Menu position="bottom-end" withinPortal returnFocus={false}>
            <Menu.Target>
              <Button size="xs" variant="default" aria-label={`More for ${project.name}`}>
                More
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setEditing(project.name)}>Rename</Menu.Item>
              <Menu.Item onClick={() => void duplicate(project.id)}>Duplicate</Menu.Item>
              <Menu.Item onClick={onExport}>Export to a file</Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => void remove(project.id)}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
