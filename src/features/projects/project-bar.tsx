import { Button, Group, Text, Tooltip } from '@mantine/core'
import type { SaveStatus } from '../../state/project-slice'
import { useStudio } from '../../state/studio-store'
import { runWhen } from '../../ui/run-when'

function statusText(status: SaveStatus): { text: string; color?: string; tip: string } {
  switch (status.kind) {
    case 'saved':
      return {
        text: status.at ? `Saved ${runWhen(status.at)}` : 'Saved',
        tip: 'Everything is saved in this browser as you work.',
      }
    case 'saving':
      return { text: 'Saving…', tip: 'Writing your latest change to this browser’s storage.' }
    case 'failed':
      return { text: 'Not saved', color: 'red', tip: status.message }
    case 'read-only':
      return {
        text: 'Open in another tab',
        color: 'orange',
        tip: 'Another tab saves this project; changes here are not saved.',
      }
    case 'memory':
      return {
        text: 'Not kept after closing',
        color: 'orange',
        tip: 'This window keeps no storage: export the project to keep it.',
      }
  }
}

/** The open project's name, how its saving stands, and the way to the projects page. */
export function ProjectBar() {
  const name = useStudio((s) => s.projectName)
  const status = useStudio((s) => s.saveStatus)
  const showPage = useStudio((s) => s.showProjectsPage)
  const pageOpen = useStudio((s) => s.projectsPageOpen)
  const { text, color, tip } = statusText(status)
  return (
    <Group gap="sm" wrap="nowrap">
      <Button
        variant={pageOpen ? 'light' : 'subtle'}
        size="compact-sm"
        onClick={() => showPage(!pageOpen)}
        aria-label={pageOpen ? 'Close projects' : `Projects (open: ${name})`}
      >
        {pageOpen ? 'Close projects' : name || 'Projects'}
      </Button>
      <Tooltip label={tip} multiline w={260}>
        <Text size="xs" c={color ?? 'dimmed'} role="status" aria-label="Save status">
          {text}
        </Text>
      </Tooltip>
    </Group>
  )
}
