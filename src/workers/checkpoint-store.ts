import { studioDb } from '../core/project/studio-db'
import type { CheckpointStore } from '../core/train/checkpoint'

/**
 * Checkpoints in the studio's IndexedDB: one record per run, overwritten each epoch with a single
 * put (weights as typed arrays, which IndexedDB stores without conversion).
 */
export const indexedDbCheckpoints: CheckpointStore = {
  load: async (runId) => (await studioDb()).get('checkpoints', runId),
  save: async (checkpoint) => {
    await (await studioDb()).put('checkpoints', checkpoint)
  },
}
