// Does the page stay responsive while a 1M-row recipe is planned? Builds the synthetic table in
// the page, then plans the bench recipe (a) through the studio's prepare worker and (b) on the
// main thread for contrast, and records for each the longest main-thread task (Long Tasks API),
// the longest gap between animation frames and how many frames were painted.
import { planRecipe } from '../../../src/core/recipe/pipeline/plan'
import { PrepareClient } from '../../../src/workers/prepare-client'
import type { PlanProgress } from '../../../src/workers/prepare-protocol'
import { benchRecipe } from '../bench-recipe'
import { syntheticTable } from '../synthetic-table'

export interface Responsiveness {
  readonly path: 'worker' | 'main thread'
  readonly planMs: number
  readonly longestTaskMs: number
  readonly longestFrameGapMs: number
  readonly frames: number
  readonly progressReports: number
  readonly lastProgress: PlanProgress | null
  readonly error: string | null
}

/** Watches the main thread while `work` runs: long tasks and the gaps between frames. */
async function watch(work: () => Promise<unknown>) {
  let longestTask = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  let frames = 0
  let longestGap = 0
  let last = performance.now()
  let watching = true
  const frame = (at: number) => {
    frames++
    longestGap = Math.max(longestGap, at - last)
    last = at
    if (watching) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
  const started = performance.now()
  let error: string | null = null
  try {
    await work()
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  const planMs = performance.now() - started
  // One more frame so a task that ended the work is counted as the gap it caused.
  await new Promise((resolve) => requestAnimationFrame(resolve))
  watching = false
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  return { planMs, longestTaskMs: longestTask, longestFrameGapMs: longestGap, frames, error }
}

async function run(rows: number): Promise<Responsiveness[]> {
  const status = document.getElementById('status')
  const say = (text: string) => {
    if (status) status.textContent = text
    console.log(`[bench] ${text}`)
  }
  say(`building ${rows.toLocaleString('en-US')} rows × 20 columns in the page`)
  const table = syntheticTable(rows)
  const { recipe } = benchRecipe(table)
  await new Promise((resolve) => setTimeout(resolve, 100))

  say('planning in the prepare worker')
  const client = new PrepareClient()
  let reports = 0
  let lastProgress: PlanProgress | null = null
  const worker = await watch(async () => {
    const plan = await client.plan(recipe, table, {
      onProgress: (progress) => {
        reports++
        lastProgress = progress
      },
    })
    if (plan.error) throw new Error(plan.error.message)
  })
  client.terminate()

  say('planning on the main thread (for contrast)')
  const main = await watch(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
    const plan = planRecipe(recipe, table)
    if (plan.error) throw new Error(plan.error.message)
  })
  return [
    { path: 'worker', ...worker, progressReports: reports, lastProgress },
    { path: 'main thread', ...main, progressReports: 0, lastProgress: null },
  ]
}

declare global {
  interface Window {
    __runResponsiveness?: (rows: number) => Promise<Responsiveness[]>
  }
}
window.__runResponsiveness = run
