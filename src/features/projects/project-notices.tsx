import { Alert, Button, Group, Notification, Text } from '@mantine/core'
import { useStudio } from '../../state/studio-store'

/** What the analyst must know about the open project: another tab, a failed save, damage. */
export function ProjectNotices() {
  const status = useStudio((s) => s.saveStatus)
  const problems = useStudio((s) => s.projectProblems)
  const error = useStudio((s) => s.projectError)
  const pageOpen = useStudio((s) => s.projectsPageOpen)
  const dismiss = useStudio((s) => s.dismissProjectError)
  const save = useStudio((s) => s.saveProjectNow)
  return (
    <>
      {status.kind === 'read-only' && (
        <Alert color="orange" title="This project is open in another tab" mb="md">
          That tab saves it; changes made here are not saved, so nothing there is overwritten. Close
          the other tab (this one then reads its latest work and saves again), or open another
          project from Projects.
        </Alert>
      )}
      {status.kind === 'failed' && (
        <Alert color="red" title="Your latest change is not saved" mb="md">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{status.message}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void save()}>
              Try again
            </Button>
          </Group>
        </Alert>
      )}
      {problems.length > 0 && (
        <Alert color="orange" title="Part of this project could not be read" mb="md">
          {problems.join(' ')} What could be read is open; the damaged part starts afresh.
        </Alert>
      )}
      {error && !pageOpen && (
        <Alert color="red" title="Projects" withCloseButton onClose={dismiss} mb="md">
          {error}
        </Alert>
      )}
    </>
  )
}

/** "Deleted Credit risk — Undo", for the seconds the undo lasts. */
export function DeletedProjectToast() {
  const deleted = useStudio((s) => s.deletedProject)
  const undo = useStudio((s) => s.undoDeleteProject)
  if (!deleted) return null
  return (
    <Notification
      withCloseButton={false}
      style={{ position: 'fixed', bottom: 24, right: 24, zIndex: 400 }}
      title={`Deleted ${deleted.name}`}
    >
      <Group justify="space-between">
        <Text size="sm">Its data, runs and weights go in a few seconds.</Text>
        <Button size="xs" variant="light" onClick={() => void undo()}>
          Undo
        </Button>
      </Group>
    </Notification>
  )
}
