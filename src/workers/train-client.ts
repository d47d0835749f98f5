import type { TrainingCommand, TrainingMessage } from '../core/train/protocol'
import type { TrainingJob } from '../core/train/training-job'

/** The page's handle on one training run in its own dedicated worker. */
export interface TrainingRun {
  readonly pause: () => void
  readonly resume: () => void
  readonly stop: () => void
  /** Ends the worker at once, releasing its GPU memory (after a run, or to abandon one). */
  readonly terminate: () => void
}

export function startTrainingRun(
  job: TrainingJob,
  onMessage: (message: TrainingMessage) => void,
): TrainingRun {
  const worker = new Worker(new URL('./train-worker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  })
  const send = (command: TrainingCommand, transfer: Transferable[] = []) =>
    worker.postMessage(command, transfer)
  worker.addEventListener('message', (event: MessageEvent<TrainingMessage>) =>
    onMessage(event.data),
  )
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    onMessage({
      type: 'error',
      message: `The training worker crashed (${event.message || 'no details'}). Reload the page and train again; your data and settings are kept.`,
      diverged: false,
    })
  })
  // The arrays are copied, not transferred: the page keeps its prepared data for evaluation.
  send({ type: 'start', job })
  return {
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => send({ type: 'stop' }),
    terminate: () => worker.terminate(),
  }
}
