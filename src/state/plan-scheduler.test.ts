import { describe, expect, it } from 'vitest'
import { createPlanScheduler, type SchedulerClock, type ScheduledRun } from './plan-scheduler'

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0
  let timers: { at: number; run: () => void; id: number }[] = []
  let nextId = 1
  const clock: SchedulerClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, run, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id)
    },
  }
  const advance = (ms: number) => {
    now += ms
    const due = timers.filter((t) => t.at <= now)
    timers = timers.filter((t) => t.at > now)
    for (const t of due) t.run()
  }
  return { clock, advance }
}

interface Job {
  readonly input: string
  readonly progress: (p: number) => void
  readonly finish: (result: string) => void
  readonly fail: (error: Error) => void
  cancelled: boolean
}

/** A run per request that the test settles by hand, the way the worker would answer. */
function harness(debounceMs = 150) {
  const { clock, advance } = manualClock()
  const jobs: Job[] = []
  const landed: string[] = []
  const progress: number[] = []
  const errors: string[] = []
  const scheduler = createPlanScheduler<string, number, string>({
    debounceMs,
    clock,
    run: (input, onProgress): ScheduledRun<string> => {
      let finish: (r: string) => void = () => undefined
      let fail: (e: Error) => void = () => undefined
      const result = new Promise<string>((resolve, reject) => {
        finish = resolve
        fail = reject
      })
      const job: Job = { input, progress: onProgress, finish, fail, cancelled: false }
      jobs.push(job)
      return {
        result,
        cancel: () => {
          job.cancelled = true
          fail(new DOMException('cancelled', 'AbortError'))
        },
      }
    },
    onProgress: (p) => progress.push(p),
    onResult: (r) => landed.push(r),
    onError: (e) => errors.push(e instanceof Error ? e.message : String(e)),
  })
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  return { scheduler, advance, jobs, landed, progress, errors, settle }
}

describe('createPlanScheduler', () => {
  it('starts the first edit at once and lands its plan', async () => {
    const h = harness()
    h.scheduler.request('a')
    expect(h.jobs.map((j) => j.input)).toEqual(['a'])
    h.jobs[0]?.progress(1)
    h.jobs[0]?.finish('plan a')
    await h.settle()
    expect(h.progress).toEqual([1])
    expect(h.landed).toEqual(['plan a'])
  })

  it('waits for a burst of edits to pause and plans only the last one', async () => {
    const h = harness()
    h.scheduler.request('a')
    h.advance(40)
    h.scheduler.request('b')
    h.advance(40)
    h.scheduler.request('c')
    h.advance(149)
    // 'a' started at once and was cancelled by 'b'; neither 'b' nor 'c' has started yet.
    expect(h.jobs.map((j) => j.input)).toEqual(['a'])
    expect(h.jobs[0]?.cancelled).toBe(true)
    h.advance(1)
    expect(h.jobs.map((j) => j.input)).toEqual(['a', 'c'])
    h.jobs[1]?.finish('plan c')
    await h.settle()
    expect(h.landed).toEqual(['plan c'])
  })

  it('drops the plan and progress of a recipe edited since', async () => {
    const h = harness()
    h.scheduler.request('a')
    h.advance(500)
    h.scheduler.request('b')
    const [a, b] = h.jobs
    // 'a' answers after 'b' was asked for (a worker that did not see the cancel in time).
    a?.progress(7)
    a?.finish('plan a')
    b?.progress(2)
    b?.finish('plan b')
    await h.settle()
    expect(a?.cancelled).toBe(true)
    expect(h.progress).toEqual([2])
    expect(h.landed).toEqual(['plan b'])
  })

  it('reports a failure of the newest plan but not the cancellation of older ones', async () => {
    const h = harness()
    h.scheduler.request('a')
    h.advance(500)
    h.scheduler.request('b')
    h.jobs[1]?.fail(new Error('The worker stopped'))
    await h.settle()
    expect(h.errors).toEqual(['The worker stopped'])
    expect(h.landed).toEqual([])
  })

  it('cancel stops the running plan and the waiting one; nothing lands after', async () => {
    const h = harness()
    h.scheduler.request('a')
    h.advance(10)
    h.scheduler.request('b')
    h.scheduler.cancel()
    h.advance(1000)
    h.jobs[0]?.finish('plan a')
    await h.settle()
    expect(h.jobs.map((j) => j.input)).toEqual(['a'])
    expect(h.jobs[0]?.cancelled).toBe(true)
    expect(h.landed).toEqual([])
  })
})
