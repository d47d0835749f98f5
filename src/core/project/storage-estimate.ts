/** How much this origin stores, how much it may, and whether the browser keeps it for good. */
export interface StorageFigures {
  readonly usedBytes: number
  readonly quotaBytes: number
  /** True when the browser will not evict the studio's data under storage pressure. */
  readonly persisted: boolean
}

export async function storageFigures(): Promise<StorageFigures | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.estimate) return null
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted()])
  return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted }
}

/** Asks the browser to keep the studio's data under storage pressure; true when it agrees. */
export async function askPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persist) return false
  if (await storage.persisted()) return true
  return storage.persist()
}

/** A failed write in words: a full disk says what to do about it. */
export function writeFailure(error: unknown, what: string): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'QuotaExceededError')
    return `${what} could not be saved: the browser's storage for this site is full. Nothing saved before is lost. Delete old runs or projects (or export this project to a file) to make room; the studio saves again at your next change.`
  const message = error instanceof Error ? error.message : String(error)
  return `${what} could not be saved (${message}). Nothing saved before is lost; the studio tries again at your next change.`
}
