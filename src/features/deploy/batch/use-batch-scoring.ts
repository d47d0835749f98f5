import { useCallback, useEffect, useRef, useState } from 'react'
import type { InputColumn } from '../../../core/export/input-schema'
import type { ScoredFile } from '../../../core/export/score/score-file'
import type { TrainedModel } from '../../../state/training-slice'
import { ScoreClient, type FileScoring } from '../../../workers/score-client'
import type { FileCheck } from '../../../workers/score-protocol'

export type BatchState =
  | { readonly status: 'idle' }
  | { readonly status: 'reading'; readonly name: string }
  | {
      readonly status: 'scoring'
      readonly name: string
      readonly check: FileCheck
      readonly done: number
      readonly total: number
    }
  | { readonly status: 'refused'; readonly name: string; readonly check: FileCheck }
  | {
      readonly status: 'done'
      readonly name: string
      readonly check: FileCheck
      readonly file: ScoredFile
      readonly seconds: number
    }
  | { readonly status: 'cancelled'; readonly name: string }
  | { readonly status: 'error'; readonly name: string; readonly message: string }

/** Scores one uploaded file at a time in a worker of its own; Cancel ends that worker. */
export function useBatchScoring(
  trained: TrainedModel,
  schema: readonly InputColumn[],
  threshold: number,
) {
  const [state, setState] = useState<BatchState>({ status: 'idle' })
  const job = useRef<{ client: ScoreClient; run: FileScoring } | null>(null)
  useEffect(() => () => job.current?.client.dispose(), [])

  const start = useCallback(
    (file: File) => {
      job.current?.client.dispose()
      const client = new ScoreClient({ model: trained.model, recipe: trained.recipe, schema })
      const name = file.name
      const began = performance.now()
      let check: FileCheck | null = null
      setState({ status: 'reading', name })
      const run = client.scoreFile(file, name, threshold, {
        checked: (c) => {
          check = c
          setState(
            c.columns.missing.length > 0
              ? { status: 'refused', name, check: c }
              : { status: 'scoring', name, check: c, done: 0, total: c.rows },
          )
        },
        progress: (done, total) =>
          setState((s) => (s.status === 'scoring' ? { ...s, done, total } : s)),
      })
      job.current = { client, run }
      run.result.then(
        (scored) => {
          client.dispose()
          if (scored && check)
            setState({
              status: 'done',
              name,
              check,
              file: scored,
              seconds: (performance.now() - began) / 1000,
            })
        },
        (error: unknown) => {
          client.dispose()
          setState({
            status: 'error',
            name,
            message: error instanceof Error ? error.message : String(error),
          })
        },
      )
    },
    [trained, schema, threshold],
  )

  const cancel = useCallback(() => {
    job.current?.run.cancel()
    job.current = null
    setState((s) => ({ status: 'cancelled', name: 'name' in s ? s.name : '' }))
  }, [])

  return { state, start, cancel }
}
