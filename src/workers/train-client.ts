import type { TrainingCommand, TrainingMessage } from '../core/train/protocol'
import type { ImageRunRequest, ImageTrainingCommand } from '../core/train/image-run'
import type { StudioRunRequest } from '../core/train/studio-run'

/** The page's handle on one training run in its own dedicated worker. */
export interface TrainingRun {
  readonly pause: () => void
  readonly resume: () => void
  readonly stop: () => void
  /** Ends the worker at once, releasing its GPU memory (after a run, or to abandon one). */
  readonly terminate: () => void
}

export function startTrainingRun(
  request: StudioRunRequest,
  onMessage: (message: TrainingMessage) => void,
): TrainingRun {
  // The table is copied, not transferred: the page keeps its data while the worker trains.
  return openRun({ type: 'start', request }, onMessage)
}

/** A run on pictures already resized; they are copied, so the page keeps them for the next run. */
export function startImageTrainingRun(
  request: ImageRunRequest,
  onMessage: (message: TrainingMessage) => void,
): TrainingRun {
  return openRun({ type: 'start-images', request }, onMessage)
}

function openRun(
  start: TrainingCommand | ImageTrainingCommand,
  onMessage: (message: TrainingMessage) => void,
): TrainingRun {
  const worker = new Worker(new URL('./train-worker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  })
  const send = (command: TrainingCommand | ImageTrainingCommand, transfer: Transferable[] = []) =>
    worker.postMessage(command, transfer)
  worker.addEventListener('message', (event: MessageEvent<TrainingMessage>) =>
    onMessage(event.data),
  )
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    onMessage({
      type: 'error',
      message: `The training worker crashed (${event.message || 'no details'}). Your data, settings and earlier runs are kept: resume from the last checkpoint where one was saved, or train again.`,
      diverged: false,
      crashed: true,
    })
  })
  send(start)
  return {
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => send({ type: 'stop' }),
    terminate: () => worker.terminate(),
  }
}
