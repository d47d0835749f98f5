import { MAX_PROJECT_BYTES } from '../core/project/project-file-limits'
import { lockProject, type ProjectLock } from '../core/project/project-lock'
import type { StoredProject } from '../core/project/projects-store'
import type { ProjectData, ProjectMeta, ProjectWork } from '../core/project/project-types'
import { projectsStore } from '../core/project/stores'
import {
  askPersistentStorage,
  storageFigures,
  writeFailure,
  type StorageFigures,
} from '../core/project/storage-estimate'
import { exportProjectInWorker, importProjectInWorker } from '../workers/project-file-client'
import type { Slice } from './slice'
import type { StudioState } from './studio-store'

/** How the open project's saving stands, for the header's calm status line. */
export type SaveStatus =
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: string }
  /** Another tab has this project open and saves it; this one does not. */
  | { readonly kind: 'read-only' }
  /** No IndexedDB (a private window): work lasts until the page closes. */
  | { readonly kind: 'memory' }

export interface ProjectSlice {
  projectId: string | null
  projectName: string
  /** Every project not deleted, most recently changed first. */
  projects: readonly ProjectMeta[]
  damagedProjects: readonly { readonly id: string; readonly reason: string }[]
  /** True while a project is being read and put on screen (autosave waits for it). */
  projectOpening: boolean
  /** Damaged parts of the open project, in words; the rest opened. */
  projectProblems: readonly string[]
  projectError: string | null
  saveStatus: SaveStatus
  /** A project just deleted, until its undo passes. */
  deletedProject: { readonly id: string; readonly name: string } | null
  storage: StorageFigures | null
  projectsPageOpen: boolean
  showProjectsPage: (open: boolean) => void
  /** Lists the projects and opens the last one used (or a new one): the page's first act. */
  bootProjects: () => Promise<void>
  openProject: (id: string) => Promise<void>
  newProject: (name?: string) => Promise<void>
  renameProject: (id: string, name: string) => Promise<void>
  duplicateProject: (id: string) => Promise<void>
  deleteProject: (id: string) => Promise<void>
  undoDeleteProject: () => Promise<void>
  /** Forgets a damaged project record that cannot be opened. */
  purgeProject: (id: string) => Promise<void>
  refreshStorage: () => Promise<void>
  dismissProjectError: () => void
  /** Writes the open project's work and data now (autosave calls it after each change). */
  saveProjectNow: () => Promise<void>
  /** What the projects page is doing that takes a while ("Exporting Credit…"), or null. */
  projectBusy: string | null
  /** The project as one file (name and bytes), or null when it failed (the error says why). */
  exportProject: (id: string) => Promise<{ name: string; bytes: Uint8Array } | null>
  /** Checks a project file and adds it as a new project (never replacing one). */
  importProjectFile: (file: Blob, fileName: string) => Promise<void>
}

const LAST_PROJECT_KEY = 'model-studio:last-project'
/** How long a deleted project stays restorable before the next page start purges it. */
export const UNDO_DELETE_MS = 10_000

const BUSY_MESSAGE =
  'Training is under way in this project: stop it or let it finish before opening another project.'
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
const byRecent = (a: ProjectMeta, b: ProjectMeta) => b.updatedAt - a.updatedAt

function rememberLast(id: string) {
  try {
    localStorage.setItem(LAST_PROJECT_KEY, id)
  } catch {
    // No localStorage (Node, a locked-down window): the most recent project opens instead.
  }
}
function lastOpened(): string | null {
  try {
    return localStorage.getItem(LAST_PROJECT_KEY)
  } catch {
    return null
  }
}

/** The editing state to save, from the store. */
export function workOf(state: StudioState, projectId: string): ProjectWork {
  return {
    projectId,
    step: state.step,
    targetColumn: state.targetColumn,
    recipe: state.recipe,
    currentRunId: state.currentRunId,
    savedAt: Date.now(),
  }
}

export function dataOf(state: StudioState, projectId: string): ProjectData {
  return {
    projectId,
    dataset: state.dataset,
    images: state.dataset ? null : state.imageDataset,
    savedAt: Date.now(),
  }
}

/** Everything a project shows, emptied: the state a new project starts from. */
const BLANK = {
  dataset: null,
  dataError: null,
  imageDataset: null,
  imageError: null,
  imagePictures: null,
  targetColumn: null,
  detection: null,
  modelPast: [],
  modelFuture: [],
  canUndoModel: false,
  canRedoModel: false,
  step: 'data',
  interruptedRun: null,
  resumeError: null,
} satisfies Partial<StudioState>

export const createProjectSlice: Slice<ProjectSlice> = (set, get) => {
  let lock: ProjectLock | null = null

  // Other tabs of the studio hear of created, renamed, copied and deleted projects at once.
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('model-studio-projects')
  const announce = () => channel?.postMessage('projects-changed')
  channel?.addEventListener('message', () => void refreshList().catch(() => {}))

  const refreshList = async () => {
    const { projects, damaged } = await projectsStore.list()
    set({
      projects: projects.filter((p) => p.deletedAt === null).sort(byRecent),
      damagedProjects: damaged,
    })
    return projects
  }

  /** Puts a stored project on screen: data, target, the run on show, the recipe, the step. */
  const show = async (stored: StoredProject) => {
    const { meta, work, data } = stored
    get().resetTraining()
    set({ ...BLANK, projectId: meta.id, projectName: meta.name })
    get().chooseTarget(null)
    const runs = get().loadRuns(meta.id)
    if (data?.dataset) set({ dataset: data.dataset })
    else if (data?.images) set({ imageDataset: data.images })
    if (data?.dataset && work?.targetColumn) get().chooseTarget(work.targetColumn)
    await runs
    if (work?.currentRunId && work.recipe) {
      // The run's recipe first, so restoring finds the data it was trained on.
      get().restoreRecipe(work.recipe)
      await get().restoreRun(work.currentRunId)
    }
    if (work?.recipe) get().restoreRecipe(work.recipe)
    set({ step: work?.step ?? 'data' })
    saveQueue.opened(meta.id, get().dataset, get().dataset ? null : get().imageDataset)
  }

  const takeLock = async (id: string) => {
    lock?.release()
    lock = await lockProject(id)
    if (lock.held) return
    set({ saveStatus: { kind: 'read-only' } })
    const mine = lock
    void mine.granted.then(async () => {
      // The other tab let go: read what it saved, then this tab saves again.
      if (lock !== mine || get().projectId !== id) return
      await openStored(id, mine)
    })
  }

  const openStored = async (id: string, heldLock?: ProjectLock) => {
    set({ projectOpening: true, projectError: null, projectProblems: [] })
    try {
      const stored = await projectsStore.load(id)
      if (!heldLock) await takeLock(id)
      await show(stored)
      rememberLast(id)
      set({
        projectProblems: stored.problems,
        saveStatus: !projectsStore.persistent
          ? { kind: 'memory' }
          : lock && !lock.held
            ? { kind: 'read-only' }
            : { kind: 'saved', at: stored.meta.updatedAt },
      })
      if (get().interruptedRun === null) void get().findInterruptedRun()
    } catch (error) {
      set({ projectError: `The project could not be opened: ${messageOf(error)}` })
    } finally {
      set({ projectOpening: false })
    }
  }

  /** The page's first act, once (React's strict mode calls effects twice). */
  let booting: Promise<void> | null = null
  const boot = async () => {
    try {
      const all = await refreshList()
      // Deletions whose undo passed (the page closed during it) are carried out now.
      const now = Date.now()
      for (const p of all)
        if (p.deletedAt !== null && now - p.deletedAt > UNDO_DELETE_MS)
          await projectsStore.purge(p.id)
      const live = get().projects
      const last = lastOpened()
      const open = live.find((p) => p.id === last) ?? live[0]
      if (open) await openStored(open.id)
      else await get().newProject()
    } catch (error) {
      set({
        projectError: `Saved projects could not be read (${messageOf(error)}). Work in this page is kept until it closes; reload to try again.`,
      })
    }
    void askPersistentStorage()
      .catch(() => false)
      .then(() => get().refreshStorage())
  }

  const trainingBusy = () =>
    ['starting', 'training', 'paused', 'stopping'].includes(get().trainingStatus)

  // Without IndexedDB the memory store still keeps each project while the page lives.
  const canWrite = () => !lock || lock.held

  return {
    projectId: null,
    projectName: '',
    projects: [],
    damagedProjects: [],
    projectOpening: false,
    projectProblems: [],
    projectError: null,
    saveStatus: { kind: 'saved', at: 0 },
    deletedProject: null,
    storage: null,
    projectsPageOpen: false,
    showProjectsPage: (open) => {
      set({ projectsPageOpen: open })
      if (open) void refreshList().catch(() => {})
      if (open) void get().refreshStorage()
    },
    bootProjects: () => (booting ??= boot()),
    openProject: async (id) => {
      if (id === get().projectId) return set({ projectsPageOpen: false })
      if (trainingBusy()) return set({ projectError: BUSY_MESSAGE })
      await get().saveProjectNow()
      await openStored(id)
      if (!get().projectError) set({ projectsPageOpen: false })
    },
    newProject: async (name) => {
      if (trainingBusy()) return set({ projectError: BUSY_MESSAGE })
      await get().saveProjectNow()
      const taken = new Set(get().projects.map((p) => p.name))
      let n = get().projects.length + 1
      while (taken.has(`Project ${n}`)) n++
      const meta = await projectsStore.create(name ?? `Project ${n}`)
      await refreshList()
      announce()
      await openStored(meta.id)
      set({ projectsPageOpen: false })
    },
    renameProject: async (id, name) => {
      try {
        const meta = await projectsStore.rename(id, name)
        if (id === get().projectId) set({ projectName: meta.name })
        await refreshList()
        announce()
      } catch (error) {
        set({ projectError: `The project could not be renamed: ${messageOf(error)}` })
      }
    },
    duplicateProject: async (id) => {
      try {
        if (id === get().projectId) await get().saveProjectNow()
        const contents = await projectsStore.contents(id)
        await projectsStore.add(contents, `${contents.meta.name} (copy)`)
        await refreshList()
        announce()
      } catch (error) {
        set({ projectError: writeFailure(error, 'The copy') })
      }
    },
    deleteProject: async (id) => {
      const meta = get().projects.find((p) => p.id === id)
      if (!meta) return
      try {
        await projectsStore.setDeleted(id, Date.now())
      } catch (error) {
        return set({ projectError: `The project could not be deleted: ${messageOf(error)}` })
      }
      set({ deletedProject: { id, name: meta.name } })
      await refreshList()
      announce()
      if (id === get().projectId) {
        const next = get().projects[0]
        if (next) await openStored(next.id)
        else await get().newProject()
        set({ projectsPageOpen: true })
      }
      setTimeout(() => {
        if (get().deletedProject?.id !== id) return
        set({ deletedProject: null })
        void projectsStore.purge(id).then(refreshList, () => {})
      }, UNDO_DELETE_MS)
    },
    undoDeleteProject: async () => {
      const deleted = get().deletedProject
      if (!deleted) return
      set({ deletedProject: null })
      await projectsStore.setDeleted(deleted.id, null)
      await refreshList()
      announce()
    },
    purgeProject: async (id) => {
      await projectsStore.purge(id)
      await refreshList()
      announce()
    },
    refreshStorage: async () => {
      set({ storage: await storageFigures().catch(() => null) })
    },
    dismissProjectError: () => set({ projectError: null }),
    projectBusy: null,
    exportProject: async (id) => {
      const meta = get().projects.find((p) => p.id === id)
      set({ projectBusy: `Exporting ${meta?.name ?? 'the project'}…`, projectError: null })
      try {
        if (id === get().projectId) await get().saveProjectNow()
        const { bytes, name } = await exportProjectInWorker(id)
        return { bytes, name }
      } catch (error) {
        set({ projectError: `The project could not be exported: ${messageOf(error)}` })
        return null
      } finally {
        set({ projectBusy: null })
      }
    },
    importProjectFile: async (file, fileName) => {
      if (file.size > MAX_PROJECT_BYTES)
        return set({
          projectError: `"${fileName}" is ${Math.round(file.size / 2 ** 20).toLocaleString('en')} MB: more than a browser tab can open (${MAX_PROJECT_BYTES / 2 ** 30} GB). Nothing in the studio was changed.`,
        })
      set({ projectBusy: `Checking ${fileName}…`, projectError: null })
      try {
        const { meta } = await importProjectInWorker(file, fileName)
        await refreshList()
        announce()
        set({ projectBusy: null })
        await get().openProject(meta.id)
      } catch (error) {
        set({
          projectBusy: null,
          projectError: `"${fileName}" was not imported: ${messageOf(error)} Nothing in the studio was changed.`,
        })
      }
    },
    saveProjectNow: async () => {
      const id = get().projectId
      if (!id || get().projectOpening || !canWrite()) return
      await saveQueue.save(get(), id, set)
    },
  }
}

/**
 * Writes one at a time, the newest state winning: a slow write is never overtaken by an older
 * one, and the data (large) is written only when another table or picture set was loaded.
 */
const saveQueue = (() => {
  let savedData: { projectId: string; dataset: unknown; images: unknown } | null = null
  let chain: Promise<void> = Promise.resolve()
  return {
    save(state: StudioState, projectId: string, set: (s: Partial<StudioState>) => void) {
      const work = workOf(state, projectId)
      const data = dataOf(state, projectId)
      const dataChanged =
        savedData?.projectId !== projectId ||
        savedData.dataset !== data.dataset ||
        savedData.images !== data.images
      chain = chain.then(async () => {
        if (projectsStore.persistent) set({ saveStatus: { kind: 'saving' } })
        try {
          if (dataChanged) {
            await projectsStore.saveData(data)
            savedData = { projectId, dataset: data.dataset, images: data.images }
          }
          await projectsStore.saveWork(work)
          set({
            saveStatus: projectsStore.persistent
              ? { kind: 'saved', at: Date.now() }
              : { kind: 'memory' },
          })
        } catch (error) {
          set({
            saveStatus: { kind: 'failed', message: writeFailure(error, 'Your latest change') },
          })
        }
      })
      return chain
    },
    /** What was last read or written counts as saved: opening a project does not rewrite it. */
    opened(projectId: string, dataset: unknown, images: unknown) {
      savedData = { projectId, dataset, images }
    },
  }
})()

export { saveQueue }
