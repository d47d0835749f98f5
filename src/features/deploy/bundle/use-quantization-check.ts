import { useEffect, useState } from 'react'
import type { QuantizationCheck } from '../../../core/export/card/quantization-check'
import type { LoadedDataset } from '../../../state/data-slice'
import type { TrainedModel } from '../../../state/training-slice'
import { checkModelInWorker } from '../../../workers/model-check-client'

export type QuantizationCheckState =
  | { readonly status: 'needs-data' }
  | { readonly status: 'images' }
  | { readonly status: 'running'; readonly checks: readonly QuantizationCheck[] }
  | { readonly status: 'done'; readonly checks: readonly QuantizationCheck[] }
  | { readonly status: 'failed'; readonly message: string }

/**
 * Finished checks by model: the Download tab unmounts when another tab opens, and coming back
 * should not score everything again.
 */
const finished = new WeakMap<
  TrainedModel,
  { readonly dataset: LoadedDataset; readonly checks: readonly QuantizationCheck[] }
>()

function cached(trained: TrainedModel, dataset: LoadedDataset | null) {
  const hit = finished.get(trained)
  return hit && hit.dataset === dataset ? hit.checks : null
}

/** Scores the test rows under each weight storage in a worker, once per model and dataset. */
export function useQuantizationCheck(
  trained: TrainedModel,
  dataset: LoadedDataset | null,
): QuantizationCheckState {
  const [state, setState] = useState<{
    trained: TrainedModel
    dataset: LoadedDataset
    value: QuantizationCheckState
  } | null>(null)
  const images = trained.recipe.source.kind !== 'table'
  useEffect(() => {
    if (images || !dataset || cached(trained, dataset)) return
    const checks: QuantizationCheck[] = []
    const key = { trained, dataset }
    const run = checkModelInWorker(
      {
        model: trained.model,
        recipe: trained.recipe,
        table: dataset.table,
        testRows: trained.testRows,
        testLabels: trained.testLabels,
      },
      (check) => {
        checks.push(check)
        setState({ ...key, value: { status: 'running', checks: [...checks] } })
      },
    )
    run.result.then(
      (all) => {
        finished.set(trained, { dataset, checks: all })
        setState({ ...key, value: { status: 'done', checks: all } })
      },
      (error: unknown) =>
        setState({
          ...key,
          value: {
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    )
    return run.cancel
  }, [trained, dataset, images])
  if (images) return { status: 'images' }
  if (!dataset) return { status: 'needs-data' }
  const done = cached(trained, dataset)
  if (done) return { status: 'done', checks: done }
  // A result for another model or dataset is stale: the worker for this one has not reported yet.
  const current = state?.trained === trained && state.dataset === dataset ? state.value : null
  return current ?? { status: 'running', checks: [] }
}
