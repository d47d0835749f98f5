import type { RunRecord } from '../train/run-record'
import { studioDb } from './studio-db'

/** Where finished runs are kept: the `runs` store of the studio's IndexedDB, or this page's memory. */
export interface RunsStore {
  /** True when runs outlive the page (IndexedDB); false when they last this session only. */
  readonly persistent: boolean
  /** The runs of one project. */
  list: (projectId: string) => Promise<RunRecord[]>
  get: (id: string) => Promise<RunRecord | undefined>
  put: (record: RunRecord) => Promise<void>
  remove: (id: string) => Promise<void>
}

export function indexedDbRunsStore(): RunsStore {
  return {
    persistent: true,
    list: async (projectId) => (await studioDb()).getAllFromIndex('runs', 'by-project', projectId),
    get: async (id) => (await studioDb()).get('runs', id),
    put: async (record) => {
      await (await studioDb()).put('runs', record)
    },
    remove: async (id) => (await studioDb()).delete('runs', id),
  }
}

/**
 * For a page without IndexedDB (some private windows block it; Node has none): runs are still
 * listed, compared and restored until the page closes, and the history says so. `records` is
 * shared with the memory projects store, which copies and purges a project's runs.
 */
export function memoryRunsStore(records: Map<string, RunRecord> = new Map()): RunsStore {
  return {
    persistent: false,
    list: (projectId) =>
      Promise.resolve([...records.values()].filter((r) => r.projectId === projectId)),
    get: (id) => Promise.resolve(records.get(id)),
    put: (record) => {
      records.set(record.id, record)
      return Promise.resolve()
    },
    remove: (id) => {
      records.delete(id)
      return Promise.resolve()
    },
  }
}
