import type { StudioRunEvent, StudioRunRequest } from './studio-run'

/** Messages the page sends to the training worker. */
export type TrainingCommand =
  | { readonly type: 'start'; readonly request: StudioRunRequest }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' }

/** Messages the training worker sends back. */
export type TrainingMessage = StudioRunEvent
