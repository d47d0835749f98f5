// The preparation worker: plans a recipe on the dataset (split, fit and apply every step,
// previews) off the main thread, so a million-row plan does not freeze the page.
import { planRecipe } from '../core/recipe/pipeline/plan'
import type { Table } from '../core/table/table'
import { unpackTable, type WireColumn } from './packed-categories'
import { planStepLabel, throttleProgress } from './prepare-progress'
import type { PrepareMessage, PrepareRequest } from './prepare-protocol'

/** The one table the page prepares; replaced when the dataset changes. */
let cached: { readonly id: number; readonly table: Table } | null = null
/** The table whose columns are arriving. */
let arriving: { id: number; rowCount: number; columns: WireColumn[] } | null = null

const post = (message: PrepareMessage) => self.postMessage(message)

self.addEventListener('message', (event: MessageEvent<PrepareRequest>) => {
  const request = event.data
  if (request.type === 'table') {
    cached = null
    arriving = {
      id: request.tableId,
      rowCount: request.rowCount,
      columns: new Array<WireColumn>(request.columnCount),
    }
    return
  }
  if (request.type === 'column') {
    if (arriving?.id === request.tableId) arriving.columns[request.index] = request.column
    return
  }
  if (arriving?.id === request.tableId) {
    cached = { id: arriving.id, table: unpackTable(arriving) }
    arriving = null
  }
  const { jobId, recipe } = request
  if (cached?.id !== request.tableId) {
    post({ type: 'failed', jobId, message: 'The data to prepare did not reach the worker.' })
    return
  }
  const report = throttleProgress((progress) => post({ type: 'progress', jobId, progress }))
  try {
    report({ done: 0, total: recipe.steps.length, label: 'split' }, true)
    const plan = planRecipe(recipe, cached.table, {
      onProgress: (done, total) => report({ done, total, label: planStepLabel(recipe, done) }),
    })
    post({ type: 'done', jobId, plan })
  } catch (error) {
    post({
      type: 'failed',
      jobId,
      message: `Preparing the data stopped unexpectedly (${error instanceof Error ? error.message : String(error)}).`,
    })
  }
})
