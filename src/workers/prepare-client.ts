import type { RecipePlan } from '../core/recipe/pipeline/plan'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { Table } from '../core/table/table'
import { packTable } from './packed-categories'
import type { PlanProgress, PrepareMessage, PrepareRequest } from './prepare-protocol'

export interface PlanOptions {
  readonly onProgress?: (progress: PlanProgress) => void
  /** Aborting stops the worker at once (its cached table goes with it) and rejects with an AbortError. */
  readonly signal?: AbortSignal
}

// Ids of the tables sent: a table is immutable, so the same object is the same data.
const tableIds = new WeakMap<Table, number>()
let nextTableId = 1
function idOf(table: Table): number {
  let id = tableIds.get(table)
  if (id === undefined) tableIds.set(table, (id = nextTableId++))
  return id
}

/**
 * The page's handle on one preparation worker that keeps the dataset between plans: the table
 * is copied over once, then each plan sends only the recipe. One plan runs at a time; starting
 * another while one runs, or aborting, ends the worker (a plan cannot be interrupted midway),
 * and the next plan starts a fresh one.
 */
export class PrepareClient {
  private worker: Worker | null = null
  private sentTable = 0
  private nextJob = 1
  private running: { readonly id: number; readonly stop: () => void } | null = null

  plan(recipe: Recipe, table: Table, options: PlanOptions = {}): Promise<RecipePlan> {
    if (this.running) this.terminate()
    const worker = this.ensureWorker()
    const tableId = idOf(table)
    const jobId = this.nextJob++
    return new Promise<RecipePlan>((resolve, reject) => {
      const { signal, onProgress } = options
      const settle = () => {
        worker.removeEventListener('message', onMessage)
        worker.removeEventListener('error', onError)
        signal?.removeEventListener('abort', abort)
        if (this.running?.id === jobId) this.running = null
      }
      const stop = () => {
        settle()
        reject(new DOMException('The plan was cancelled.', 'AbortError'))
      }
      const abort = () => (this.running?.id === jobId ? this.terminate() : stop())
      const onMessage = (event: MessageEvent<PrepareMessage>) => {
        const message = event.data
        if (message.jobId !== jobId) return
        if (message.type === 'progress') return onProgress?.(message.progress)
        settle()
        if (message.type === 'done') resolve(message.plan)
        else reject(new Error(message.message))
      }
      const onError = (event: ErrorEvent) => {
        event.preventDefault()
        settle()
        this.terminate()
        reject(
          new Error(
            `The preparation worker stopped unexpectedly (${event.message || 'no details'}). Edit the recipe to try again; with a very large file, drop columns you do not need.`,
          ),
        )
      }
      if (signal?.aborted) return abort()
      signal?.addEventListener('abort', abort, { once: true })
      worker.addEventListener('message', onMessage)
      worker.addEventListener('error', onError)
      this.running = { id: jobId, stop }
      void this.dispatch(worker, table, tableId, { type: 'plan', jobId, tableId, recipe })
    })
  }

  /** Sends the table when the worker lacks it, a column per task, then the plan request. */
  private async dispatch(worker: Worker, table: Table, tableId: number, plan: PrepareRequest) {
    if (this.sentTable !== tableId) {
      this.sentTable = tableId
      const { columns, rowCount } = packTable(table)
      worker.postMessage({ type: 'table', tableId, rowCount, columnCount: columns.length })
      for (const [index, column] of columns.entries()) {
        // Copied, not transferred: the page keeps its data.
        worker.postMessage({ type: 'column', tableId, index, column } satisfies PrepareRequest)
        await new Promise((resolve) => setTimeout(resolve, 0))
        if (this.worker !== worker) return
      }
    }
    worker.postMessage(plan)
  }

  /** Ends the worker; a plan still running rejects with an AbortError. */
  terminate(): void {
    const running = this.running
    this.running = null
    this.worker?.terminate()
    this.worker = null
    this.sentTable = 0
    running?.stop()
  }

  private ensureWorker(): Worker {
    this.worker ??= new Worker(new URL('./prepare-worker.ts', import.meta.url), {
      type: 'module',
      name: 'prepare',
    })
    return this.worker
  }
}
