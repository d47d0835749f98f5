import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type StoreNames,
} from 'idb'
import type { Checkpoint } from '../train/checkpoint'
import type { ActiveRun, RunRecord } from '../train/run-record'
import type { ProjectData, ProjectMeta, ProjectWork } from './project-types'

/**
 * The studio's IndexedDB database, shared by the page and the workers (IndexedDB works in both).
 * Bump the version and add an upgrade step for every new store; never change an old step.
 */
export interface StudioDb extends DBSchema {
  /** Finished runs (run history), by id; each belongs to a project. */
  runs: { key: string; value: RunRecord; indexes: { 'by-project': string } }
  /** The latest checkpoint of each run in progress, by run id (one per run: overwritten each epoch). */
  checkpoints: { key: string; value: Checkpoint }
  /** Runs in progress with their data, by run id: what a reload offers to resume. */
  'active-runs': { key: string; value: ActiveRun }
  /** Each project's name and dates: what the projects page lists without reading any data. */
  projects: { key: string; value: ProjectMeta }
  /** Each project's editing state (recipe, target, step, run on show), small and saved often. */
  'project-work': { key: string; value: ProjectWork }
  /** Each project's data (the table or the pictures), large and saved only when it changes. */
  'project-data': { key: string; value: ProjectData }
}

export const STUDIO_DB_NAME = 'model-studio'
export const STUDIO_DB_VERSION = 2

/** The project that runs saved before projects existed are put in, named so a person knows. */
export const EARLIER_WORK_NAME = 'Earlier work'

/** Inside the upgrade transaction: only IndexedDB requests are awaited, so it stays open. */
async function moveEarlierRuns(
  runs: IDBPObjectStore<StudioDb, ArrayLike<StoreNames<StudioDb>>, 'runs', 'versionchange'>,
  projects: IDBPObjectStore<StudioDb, ArrayLike<StoreNames<StudioDb>>, 'projects', 'versionchange'>,
) {
  let cursor = await runs.openCursor()
  if (!cursor) return
  const now = Date.now()
  const projectId = crypto.randomUUID()
  await projects.put({
    id: projectId,
    name: EARLIER_WORK_NAME,
    createdAt: now,
    updatedAt: now,
    datasetName: cursor.value.datasetName,
    deletedAt: null,
  })
  while (cursor) {
    await cursor.update({ ...cursor.value, projectId })
    cursor = await cursor.continue()
  }
}

let opening: Promise<IDBPDatabase<StudioDb>> | null = null

/** The open database (opened once per page or worker). */
export function studioDb(): Promise<IDBPDatabase<StudioDb>> {
  opening ??= openDB<StudioDb>(STUDIO_DB_NAME, STUDIO_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('runs', { keyPath: 'id' })
        db.createObjectStore('checkpoints', { keyPath: 'runId' })
        db.createObjectStore('active-runs', { keyPath: 'runId' })
      }
      if (oldVersion < 2) {
        db.createObjectStore('projects', { keyPath: 'id' })
        db.createObjectStore('project-work', { keyPath: 'projectId' })
        db.createObjectStore('project-data', { keyPath: 'projectId' })
        const runs = tx.objectStore('runs')
        runs.createIndex('by-project', 'projectId')
        // Runs kept before projects existed move into one project, so none is lost or orphaned.
        void moveEarlierRuns(runs, tx.objectStore('projects'))
      }
    },
    blocking() {
      // Another tab opens a newer version of the studio: let it upgrade; this tab must reload.
      void opening?.then((db) => db.close())
      opening = null
    },
  })
  // A failed open (a private window refusing IndexedDB) is tried again next time, not cached.
  opening.catch(() => {
    opening = null
  })
  return opening
}
