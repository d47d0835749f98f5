/**
 * Runs the newest of a stream of requests (recipe edits) and only lets its result land. A request
 * after a quiet spell starts at once; requests coming faster than `debounceMs` apart wait until
 * the edits pause, so dragging a step or typing a value does not start a plan per keystroke. A
 * newer request cancels the running one, and a result or progress from an older one is dropped.
 * Timers are injected so the logic is tested without waiting.
 */
export interface ScheduledRun<R> {
  readonly result: Promise<R>
  readonly cancel: () => void
}

export interface SchedulerClock {
  readonly now: () => number
  readonly setTimeout: (run: () => void, ms: number) => unknown
  readonly clearTimeout: (timer: unknown) => void
}

export interface PlanSchedulerOptions<T, P, R> {
  readonly run: (input: T, onProgress: (progress: P) => void) => ScheduledRun<R>
  readonly onProgress: (progress: P) => void
  readonly onResult: (result: R) => void
  /** A failure of the newest run (a cancelled run's rejection is not one). */
  readonly onError: (error: unknown) => void
  readonly debounceMs?: number
  readonly clock?: SchedulerClock
}

export interface PlanScheduler<T> {
  readonly request: (input: T) => void
  /** Drops the waiting request and cancels the running one; nothing lands until the next request. */
  readonly cancel: () => void
}

export const PLAN_DEBOUNCE_MS = 150

const realClock: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}

export function createPlanScheduler<T, P, R>(
  options: PlanSchedulerOptions<T, P, R>,
): PlanScheduler<T> {
  const { run, onProgress, onResult, onError } = options
  const debounceMs = options.debounceMs ?? PLAN_DEBOUNCE_MS
  const clock = options.clock ?? realClock
  let generation = 0
  let lastRequest = Number.NEGATIVE_INFINITY
  let timer: unknown = null
  let running: ScheduledRun<R> | null = null

  const stop = () => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    running?.cancel()
    running = null
  }

  const start = (input: T, mine: number) => {
    const current = () => mine === generation
    const job = run(input, (progress) => {
      if (current()) onProgress(progress)
    })
    running = job
    job.result.then(
      (result) => {
        if (!current()) return
        running = null
        onResult(result)
      },
      (error: unknown) => {
        if (!current()) return
        running = null
        if (!isAbortError(error)) onError(error)
      },
    )
  }

  return {
    request: (input) => {
      const mine = ++generation
      stop()
      const at = clock.now()
      const quiet = at - lastRequest >= debounceMs
      lastRequest = at
      if (quiet) return start(input, mine)
      timer = clock.setTimeout(() => {
        timer = null
        start(input, mine)
      }, debounceMs)
    },
    cancel: () => {
      generation++
      stop()
    },
  }
}
