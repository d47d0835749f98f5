// The training worker: wires messages to the core training job and nothing else.
import './register-backends'
import type { TrainingCommand, TrainingMessage } from '../core/train/protocol'
import { runImageTraining, type ImageTrainingCommand } from '../core/train/image-run'
import { runStudioTraining } from '../core/train/studio-run'
import { indexedDbCheckpoints } from './checkpoint-store'

let paused = false
let stopped = false
let resumeWaiters: (() => void)[] = []

function post(message: TrainingMessage): void {
  const transfer =
    message.type === 'done'
      ? [message.result.outcome.testOutputs.buffer, message.result.outcome.model.weights]
      : []
  self.postMessage(message, { transfer: transfer as Transferable[] })
}

// On WASM and CPU a whole epoch can run on microtasks alone, so Pause and Stop messages would wait
// until training ends. One macrotask hop per epoch lets them in; a MessageChannel hop costs
// microseconds where setTimeout(0) may cost milliseconds.
const hop = new MessageChannel()
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    hop.port1.onmessage = () => resolve()
    hop.port2.postMessage(null)
  })
}

async function waitWhilePaused(): Promise<void> {
  await yieldToMessages()
  if (paused) await new Promise<void>((wake) => resumeWaiters.push(wake))
}

function resume(): void {
  paused = false
  const waiters = resumeWaiters
  resumeWaiters = []
  waiters.forEach((wake) => wake())
}

self.addEventListener('message', (event: MessageEvent<TrainingCommand | ImageTrainingCommand>) => {
  const command = event.data
  switch (command.type) {
    case 'start':
      paused = false
      stopped = false
      void runStudioTraining(
        command.request,
        { shouldStop: () => stopped, waitWhilePaused },
        post,
        indexedDbCheckpoints,
      )
      break
    case 'start-images':
      paused = false
      stopped = false
      void runImageTraining(command.request, { shouldStop: () => stopped, waitWhilePaused }, post)
      break
    case 'pause':
      paused = true
      break
    case 'resume':
      resume()
      break
    case 'stop':
      stopped = true
      resume()
      break
  }
})
