import { Button, Group } from '@mantine/core'
import { planReady } from '../../state/recipe-slice'
import { useStudio } from '../../state/studio-store'

export function TrainControls() {
  const status = useStudio((s) => s.trainingStatus)
  const canTrain = useStudio((s) => s.recipe !== null && planReady(s.plan))
  const start = useStudio((s) => s.startTraining)
  const pause = useStudio((s) => s.pauseTraining)
  const resume = useStudio((s) => s.resumeTraining)
  const stop = useStudio((s) => s.stopTraining)
  const running =
    status === 'starting' || status === 'training' || status === 'paused' || status === 'stopping'
  return (
    <Group gap="sm">
      <Button onClick={start} disabled={!canTrain || running}>
        Start training
      </Button>
      {status === 'paused' ? (
        <Button variant="light" onClick={resume}>
          Resume training
        </Button>
      ) : (
        <Button variant="light" onClick={pause} disabled={status !== 'training'}>
          Pause training
        </Button>
      )}
      <Button
        variant="light"
        color="red"
        onClick={stop}
        disabled={!running || status === 'stopping'}
      >
        Stop training
      </Button>
    </Group>
  )
}
