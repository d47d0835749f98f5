import { Alert, Button, Group, Text } from '@mantine/core'
import { useStudio } from '../../state/studio-store'

/**
 * Offers to go on with a table run left unfinished (the page closed or reloaded while training,
 * or the training worker crashed), from the checkpoint of its last epoch, or to forget it.
 */
export function ResumeOffer() {
  const offer = useStudio((s) => s.interruptedRun)
  const error = useStudio((s) => s.resumeError)
  const resume = useStudio((s) => s.resumeInterruptedRun)
  const discard = useStudio((s) => s.discardInterruptedRun)
  if (error) {
    return (
      <Alert color="red" title="Training could not be resumed" role="alert">
        {error}
      </Alert>
    )
  }
  if (!offer) return null
  const { datasetName, epoch, epochs } = offer
  return (
    <Alert color="blue" title="Unfinished training">
      <Text size="sm" mb="sm">
        Training of {datasetName} stopped at epoch {epoch} of {epochs} before it finished (the page
        closed, or its worker crashed). Its data, settings and the weights of epoch {epoch} are kept
        in this browser.
      </Text>
      <Group gap="sm">
        <Button onClick={resume}>Resume training from epoch {epoch}</Button>
        <Button variant="default" onClick={() => void discard()}>
          Discard
        </Button>
      </Group>
    </Alert>
  )
}
