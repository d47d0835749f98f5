import { studioDb } from '../core/project/studio-db'
import type { ActiveRun } from '../core/train/run-record'

/** A table run that was under way when the page closed, with how far its checkpoint got. */
export interface InterruptedRun {
  readonly run: ActiveRun
  /** Epochs completed at the last checkpoint. */
  readonly epoch: number
}

/** Kept when a table run starts, so a reload can offer to resume it. */
export async function saveActiveRun(run: ActiveRun): Promise<void> {
  await (await studioDb()).put('active-runs', run)
}

/** Forgets a run in progress: its record and its checkpoint (it ended, or was discarded). */
export async function forgetActiveRun(runId: string): Promise<void> {
  const db = await studioDb()
  const tx = db.transaction(['active-runs', 'checkpoints'], 'readwrite')
  await Promise.all([
    tx.objectStore('active-runs').delete(runId),
    tx.objectStore('checkpoints').delete(runId),
    tx.done,
  ])
}

/**
 * The latest run of the project that has both its record and a checkpoint. Others are left alone: one may be
 * training in another tab right now.
 */
export async function findInterruptedRun(projectId: string | null): Promise<InterruptedRun | null> {
  const db = await studioDb()
  const runs = (await db.getAll('active-runs'))
    // Runs from before projects belong to whichever project opens first.
    .filter((run) => run.projectId === undefined || run.projectId === projectId)
    .sort((a, b) => b.startedAt - a.startedAt)
  for (const run of runs) {
    const checkpoint = await db.get('checkpoints', run.runId)
    if (checkpoint) return { run, epoch: checkpoint.state.epoch }
  }
  return null
}
