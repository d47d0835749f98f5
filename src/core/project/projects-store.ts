import type { RunRecord } from '../train/run-record'
import type { ProjectData, ProjectMeta, ProjectWork } from './project-types'
import { checkData, checkMeta, checkWork, cleanProjectName } from './stored-checks'
import { studioDb } from './studio-db'

/** A project read back for opening: what could be read, and what was found damaged. */
export interface StoredProject {
  readonly meta: ProjectMeta
  readonly work: ProjectWork | null
  readonly data: ProjectData | null
  /** One sentence per damaged record; the rest of the project still opens. */
  readonly problems: readonly string[]
}

/** The projects page's list: projects that read, and records that did not (never hidden). */
export interface ProjectListing {
  readonly projects: readonly ProjectMeta[]
  readonly damaged: readonly { readonly id: string; readonly reason: string }[]
}

/** Everything a project file brings, checked, ready to be stored as a new project. */
export interface ProjectContents {
  readonly meta: ProjectMeta
  readonly work: ProjectWork | null
  readonly data: ProjectData | null
  readonly runs: readonly RunRecord[]
}

/** Where projects live: the studio's IndexedDB, or this page's memory where there is none. */
export interface ProjectsStore {
  readonly persistent: boolean
  list: () => Promise<ProjectListing>
  create: (name: string) => Promise<ProjectMeta>
  rename: (id: string, name: string) => Promise<ProjectMeta>
  load: (id: string) => Promise<StoredProject>
  /** Writes the editing state and touches the project's date, in one transaction. */
  saveWork: (work: ProjectWork) => Promise<void>
  /** Writes the data and the project's data name, in one transaction. */
  saveData: (data: ProjectData) => Promise<void>
  /** Hides (a time) or shows again (null) a project: delete with undo. */
  setDeleted: (id: string, deletedAt: number | null) => Promise<void>
  /** Removes a project with its work, data, runs and checkpoints for good. */
  purge: (id: string) => Promise<void>
  /** Everything of a project (runs with their weights included), for a copy or a file. */
  contents: (id: string) => Promise<ProjectContents>
  /** Stores contents as a new project (fresh ids for it and its runs), in one transaction. */
  add: (contents: ProjectContents, name: string) => Promise<ProjectMeta>
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function newProjectMeta(name: string, now = Date.now()): ProjectMeta {
  return {
    id: crypto.randomUUID(),
    name: cleanProjectName(name),
    createdAt: now,
    updatedAt: now,
    datasetName: null,
    deletedAt: null,
  }
}

/** Contents under a new project id: runs get new ids too, and the run on show follows its copy. */
export function rekeyContents(contents: ProjectContents, name: string): ProjectContents {
  const meta = { ...newProjectMeta(name), datasetName: contents.meta.datasetName }
  const runIds = new Map(contents.runs.map((run) => [run.id, crypto.randomUUID()]))
  const work = contents.work && {
    ...contents.work,
    projectId: meta.id,
    currentRunId: contents.work.currentRunId
      ? (runIds.get(contents.work.currentRunId) ?? null)
      : null,
  }
  return {
    meta,
    work,
    data: contents.data && { ...contents.data, projectId: meta.id },
    runs: contents.runs.map((run) => ({
      ...run,
      id: runIds.get(run.id) ?? crypto.randomUUID(),
      projectId: meta.id,
    })),
  }
}

function read<T>(what: string, raw: unknown, check: (raw: unknown) => T, problems: string[]) {
  if (raw === undefined) return null
  try {
    return check(raw)
  } catch (error) {
    problems.push(`${what}: ${messageOf(error)}`)
    return null
  }
}

function indexedDbProjectsStore(): ProjectsStore {
  const touch = (meta: ProjectMeta, change: Partial<ProjectMeta> = {}): ProjectMeta => ({
    ...meta,
    ...change,
    updatedAt: Date.now(),
  })
  const metaOf = async (id: string): Promise<ProjectMeta> => {
    const raw = await (await studioDb()).get('projects', id)
    if (!raw) throw new Error('This project is no longer stored in this browser.')
    return checkMeta(raw)
  }
  return {
    persistent: true,
    list: async () => {
      const db = await studioDb()
      const projects: ProjectMeta[] = []
      const damaged: { id: string; reason: string }[] = []
      let cursor = await db.transaction('projects').store.openCursor()
      while (cursor) {
        try {
          projects.push(checkMeta(cursor.value))
        } catch (error) {
          damaged.push({ id: cursor.key, reason: messageOf(error) })
        }
        cursor = await cursor.continue()
      }
      return { projects, damaged }
    },
    create: async (name) => {
      const meta = newProjectMeta(name)
      await (await studioDb()).add('projects', meta)
      return meta
    },
    rename: async (id, name) => {
      const meta = touch(await metaOf(id), { name: cleanProjectName(name) })
      await (await studioDb()).put('projects', meta)
      return meta
    },
    load: async (id) => {
      const db = await studioDb()
      const meta = await metaOf(id)
      const problems: string[] = []
      const work = read('Editing state', await db.get('project-work', id), checkWork, problems)
      const data = read('Data', await db.get('project-data', id), checkData, problems)
      return { meta, work, data, problems }
    },
    saveWork: async (work) => {
      const db = await studioDb()
      const tx = db.transaction(['projects', 'project-work'], 'readwrite')
      const meta = await tx.objectStore('projects').get(work.projectId)
      if (!meta) throw new Error('This project was deleted in another tab.')
      await Promise.all([
        tx.objectStore('project-work').put(work),
        tx.objectStore('projects').put(touch(meta)),
        tx.done,
      ])
    },
    saveData: async (data) => {
      const db = await studioDb()
      const tx = db.transaction(['projects', 'project-data'], 'readwrite')
      const meta = await tx.objectStore('projects').get(data.projectId)
      if (!meta) throw new Error('This project was deleted in another tab.')
      const datasetName = data.dataset?.name ?? data.images?.name ?? null
      await Promise.all([
        tx.objectStore('project-data').put(data),
        tx.objectStore('projects').put(touch(meta, { datasetName })),
        tx.done,
      ])
    },
    setDeleted: async (id, deletedAt) => {
      const db = await studioDb()
      const tx = db.transaction('projects', 'readwrite')
      const meta = await tx.store.get(id)
      if (meta) await tx.store.put({ ...meta, deletedAt })
      await tx.done
    },
    purge: async (id) => {
      const db = await studioDb()
      const stores = [
        'projects',
        'project-work',
        'project-data',
        'runs',
        'active-runs',
        'checkpoints',
      ] as const
      const tx = db.transaction(stores, 'readwrite')
      const runIds = await tx.objectStore('runs').index('by-project').getAllKeys(id)
      const active = (await tx.objectStore('active-runs').getAll()).filter(
        (run) => run.projectId === id,
      )
      await Promise.all([
        tx.objectStore('projects').delete(id),
        tx.objectStore('project-work').delete(id),
        tx.objectStore('project-data').delete(id),
        ...runIds.map((runId) => tx.objectStore('runs').delete(runId)),
        ...active.map((run) => tx.objectStore('active-runs').delete(run.runId)),
        ...active.map((run) => tx.objectStore('checkpoints').delete(run.runId)),
        tx.done,
      ])
    },
    contents: async (id) => {
      const stored = await indexedDbProjectsStore().load(id)
      if (stored.problems.length > 0) throw new Error(stored.problems.join(' '))
      const runs = await (await studioDb()).getAllFromIndex('runs', 'by-project', id)
      return { meta: stored.meta, work: stored.work, data: stored.data, runs }
    },
    add: async (contents, name) => {
      const fresh = rekeyContents(contents, name)
      const db = await studioDb()
      const tx = db.transaction(['projects', 'project-work', 'project-data', 'runs'], 'readwrite')
      await Promise.all([
        tx.objectStore('projects').add(fresh.meta),
        fresh.work && tx.objectStore('project-work').put(fresh.work),
        fresh.data && tx.objectStore('project-data').put(fresh.data),
        ...fresh.runs.map((run) => tx.objectStore('runs').put(run)),
        tx.done,
      ])
      return fresh.meta
    },
  }
}

/**
 * For a page without IndexedDB (some private windows refuse it; Node has none): projects work
 * until the page closes, and the projects page says so.
 */
export function memoryProjectsStore(runs: Map<string, RunRecord> = new Map()): ProjectsStore {
  const metas = new Map<string, ProjectMeta>()
  const works = new Map<string, ProjectWork>()
  const datas = new Map<string, ProjectData>()
  const metaOf = (id: string) => {
    const meta = metas.get(id)
    if (!meta) throw new Error('This project is no longer stored in this page.')
    return meta
  }
  const store: ProjectsStore = {
    persistent: false,
    list: () => Promise.resolve({ projects: [...metas.values()], damaged: [] }),
    create: (name) => {
      const meta = newProjectMeta(name)
      metas.set(meta.id, meta)
      return Promise.resolve(meta)
    },
    rename: async (id, name) => {
      const meta = { ...metaOf(id), name: cleanProjectName(name), updatedAt: Date.now() }
      metas.set(id, meta)
      return Promise.resolve(meta)
    },
    load: async (id) =>
      Promise.resolve({
        meta: metaOf(id),
        work: works.get(id) ?? null,
        data: datas.get(id) ?? null,
        problems: [],
      }),
    saveWork: async (work) => {
      metas.set(work.projectId, { ...metaOf(work.projectId), updatedAt: Date.now() })
      works.set(work.projectId, work)
      return Promise.resolve()
    },
    saveData: async (data) => {
      const datasetName = data.dataset?.name ?? data.images?.name ?? null
      metas.set(data.projectId, { ...metaOf(data.projectId), datasetName, updatedAt: Date.now() })
      datas.set(data.projectId, data)
      return Promise.resolve()
    },
    setDeleted: (id, deletedAt) => {
      const meta = metas.get(id)
      if (meta) metas.set(id, { ...meta, deletedAt })
      return Promise.resolve()
    },
    purge: (id) => {
      metas.delete(id)
      works.delete(id)
      datas.delete(id)
      for (const [runId, run] of runs) if (run.projectId === id) runs.delete(runId)
      return Promise.resolve()
    },
    contents: async (id) => {
      const { meta, work, data } = await store.load(id)
      return { meta, work, data, runs: [...runs.values()].filter((r) => r.projectId === id) }
    },
    add: (contents, name) => {
      const fresh = rekeyContents(contents, name)
      metas.set(fresh.meta.id, fresh.meta)
      if (fresh.work) works.set(fresh.meta.id, fresh.work)
      if (fresh.data) datas.set(fresh.meta.id, fresh.data)
      for (const run of fresh.runs) runs.set(run.id, run)
      return Promise.resolve(fresh.meta)
    },
  }
  return store
}

export { indexedDbProjectsStore }
