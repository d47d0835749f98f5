import { useCallback, useEffect, useRef, useState } from 'react'
import type { ExplainRequest, ExplainResult } from '../../../core/evaluate/explain/explain-job'
import { explainInWorker, type ExplainRun } from '../../../workers/explain-client'
import type { EvaluateSectionProps } from '../evaluate-section'

export type ExplainState<K extends ExplainResult['kind']> =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly done: number; readonly total: number }
  | { readonly status: 'done'; readonly result: Extract<ExplainResult, { kind: K }> }
  | { readonly status: 'error'; readonly message: string }

// Results stay while the model does: leaving the tab and coming back shows them again.
const cache = new WeakMap<object, Map<string, ExplainResult>>()

/** One kind of explanation for the current model: start it, follow it, cancel it. */
export function useExplain<K extends ExplainResult['kind']>(
  kind: K,
  { trained, testSet, table }: EvaluateSectionProps,
) {
  const kept = cache.get(trained)?.get(kind) as Extract<ExplainResult, { kind: K }> | undefined
  const [state, setState] = useState<ExplainState<K>>(
    kept ? { status: 'done', result: kept } : { status: 'idle' },
  )
  const run = useRef<ExplainRun | null>(null)
  useEffect(() => () => run.current?.cancel(), [])

  const start = useCallback(
    (request: Extract<ExplainRequest, { kind: K }>) => {
      if (!table) return
      run.current?.cancel()
      setState({ status: 'running', done: 0, total: 1 })
      const job = explainInWorker(
        {
          model: trained.model,
          recipe: trained.recipe,
          table,
          testSet: { task: testSet.task, rows: testSet.rows, actual: testSet.actual },
          request,
        },
        (done, total) => setState({ status: 'running', done, total }),
      )
      run.current = job
      job.result.then(
        (result) => {
          const kinds = cache.get(trained) ?? new Map<string, ExplainResult>()
          kinds.set(kind, result)
          cache.set(trained, kinds)
          setState({ status: 'done', result: result as Extract<ExplainResult, { kind: K }> })
        },
        (error: unknown) =>
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          }),
      )
    },
    [kind, trained, testSet, table],
  )
  const cancel = useCallback(() => {
    run.current?.cancel()
    run.current = null
    setState({ status: 'idle' })
  }, [])
  return { state, start, cancel }
}
