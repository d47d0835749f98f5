import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { Checkpoint } from '../train/checkpoint'
import type { ActiveRun, RunRecord } from '../train/run-record'

/**
 * The studio's IndexedDB database, shared by the page and the workers (IndexedDB works in both).
 * Bump the version and add an upgrade step for every new store; never change an old step.
 */
export interface StudioDb extends DBSchema {
  /** Finished runs (run history), by id. */
  runs: { key: string; value: RunRecord }
  /** The latest checkpoint of each run in progress, by run id (one per run: overwritten each epoch). */
  checkpoints: { key: string; value: Checkpoint }
  /** Runs in progress with their data, by run id: what a reload offers to resume. */
  'active-runs': { key: string; value: ActiveRun }
}

export const STUDIO_DB_NAME = 'model-studio'
const VERSION = 1

let opening: Promise<IDBPDatabase<StudioDb>> | null = null

/** The open database (opened once per page or worker). */
export function studioDb(): Promise<IDBPDatabase<StudioDb>> {
  opening ??= openDB<StudioDb>(STUDIO_DB_NAME, VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('runs', { keyPath: 'id' })
        db.createObjectStore('checkpoints', { keyPath: 'runId' })
        db.createObjectStore('active-runs', { keyPath: 'runId' })
      }
    },
  })
  return opening
}
