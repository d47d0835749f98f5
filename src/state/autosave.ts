import type { StoreApi, UseBoundStore } from 'zustand'
import type { StudioState } from './studio-store'

/** A pause after the last change before writing: typing a name is one save, not ten. */
export const AUTOSAVE_DELAY_MS = 400

/** What a project saves: a change to any of these is written a moment later. */
const SAVED: readonly (keyof StudioState)[] = [
  'dataset',
  'imageDataset',
  'targetColumn',
  'recipe',
  'currentRunId',
  'step',
]

/**
 * Saves the open project a moment after each change that matters; nothing to click. Runs save
 * themselves when they end (runs slice) and checkpoints each epoch (training worker).
 */
export function startAutosave(store: UseBoundStore<StoreApi<StudioState>>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    timer = null
    void store.getState().saveProjectNow()
  }
  const unsubscribe = store.subscribe((state, previous) => {
    if (!state.projectId || state.projectOpening || state.projectId !== previous.projectId) return
    if (!SAVED.some((key) => state[key] !== previous[key])) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS)
  })
  // Closing the tab right after a change: write what can be written before it goes.
  const onHide = () => {
    if (timer) {
      clearTimeout(timer)
      flush()
    }
  }
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide)
  return () => {
    unsubscribe()
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide)
  }
}
