import { indexedDbProjectsStore, memoryProjectsStore, type ProjectsStore } from './projects-store'
import { indexedDbRunsStore, memoryRunsStore, type RunsStore } from './runs-store'
import type { RunRecord } from '../train/run-record'

/** The page's stores: both in IndexedDB, or both in memory (sharing runs) where there is none. */
function pickStores(): { projects: ProjectsStore; runs: RunsStore } {
  if (typeof indexedDB !== 'undefined')
    return { projects: indexedDbProjectsStore(), runs: indexedDbRunsStore() }
  const runs = new Map<string, RunRecord>()
  return { projects: memoryProjectsStore(runs), runs: memoryRunsStore(runs) }
}

const stores = pickStores()
export const projectsStore: ProjectsStore = stores.projects
export const runsStore: RunsStore = stores.runs
