/**
 * One writer per project across tabs, with the Web Locks API: the tab holding a project's lock
 * saves it; another tab opening the same project reads it but does not save, and is told. Where
 * the API is missing (Node, very old browsers) every tab writes, as before projects had locks.
 */
export interface ProjectLock {
  /** True when this tab may save the project. */
  readonly held: boolean
  /** Resolves when a tab that did not get the lock gets it (the other tab closed or moved on). */
  readonly granted: Promise<void>
  release: () => void
}

const lockName = (projectId: string) => `model-studio:project:${projectId}`

export async function lockProject(projectId: string): Promise<ProjectLock> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (!locks) return { held: true, granted: Promise.resolve(), release: () => {} }
  let release = () => {}
  const holding = new Promise<void>((resolve) => (release = resolve))
  const first = await new Promise<boolean>((answer) => {
    void locks.request(lockName(projectId), { ifAvailable: true }, (lock) => {
      answer(lock !== null)
      return lock ? holding : undefined
    })
  })
  if (first) return { held: true, granted: Promise.resolve(), release }
  // Queue for the lock: it comes when the other tab releases it or closes.
  let cancelled = false
  let held = false
  const controller = new AbortController()
  const granted = new Promise<void>((resolve) => {
    locks
      .request(lockName(projectId), { signal: controller.signal }, () => {
        if (cancelled) return undefined
        held = true
        resolve()
        return holding
      })
      .catch(() => {
        // Aborted: this tab opened another project first.
      })
  })
  return {
    get held() {
      return held
    },
    granted,
    release: () => {
      cancelled = true
      controller.abort()
      release()
    },
  }
}
