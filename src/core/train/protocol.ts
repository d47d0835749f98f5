import type { TrainingEvent, TrainingJob } from './training-job'

/** Messages the page sends to the training worker. */
export type TrainingCommand =
  | { readonly type: 'start'; readonly job: TrainingJob }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' }

/** Messages the training worker sends back. */
export type TrainingMessage = TrainingEvent
