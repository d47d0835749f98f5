import { useEffect, useState } from 'react'
import type { QuantizationCheck } from '../../../core/export/card/quantization-check'
import { pictureDataMismatch } from '../../../core/export/import/data-match'
import { pictureResizeSpec } from '../../../core/export/pictures/picture-inputs'
import { resizeKey, type ResizedImages } from '../../../core/images/prepare/rgba-image'
import type { LoadedDataset } from '../../../state/data-slice'
import { useStudio } from '../../../state/studio-store'
import type { TrainedModel } from '../../../state/training-slice'
import { checkModelInWorker } from '../../../workers/model-check-client'
import type { ModelCheckRequest } from '../../../workers/model-check-protocol'

export type QuantizationCheckState =
  | { readonly status: 'needs-data' }
  /** A picture model whose pictures are not loaded (or not resized as it reads them). */
  | { readonly status: 'needs-pictures' }
  | { readonly status: 'running'; readonly checks: readonly QuantizationCheck[] }
  | { readonly status: 'done'; readonly checks: readonly QuantizationCheck[] }
  | { readonly status: 'failed'; readonly message: string }

/** What the test rows are read from: the loaded table, or the resized pictures. */
type CheckData = LoadedDataset | ResizedImages

/**
 * Finished checks by model: the Download tab unmounts when another tab opens, and coming back
 * should not score everything again.
 */
const finished = new WeakMap<
  TrainedModel,
  { readonly data: CheckData; readonly checks: readonly QuantizationCheck[] }
>()

function cached(trained: TrainedModel, data: CheckData | null) {
  const hit = finished.get(trained)
  return hit && hit.data === data ? hit.checks : null
}

/**
 * The pictures of the dataset this picture model was trained on, resized as it reads them, or
 * null while they are not at hand. The run's test rows index them.
 */
function usePictures(trained: TrainedModel): ResizedImages | null {
  const dataset = useStudio((s) => s.imageDataset)
  const pictures = useStudio((s) => s.imagePictures)
  if (trained.recipe.source.kind !== 'images' || !dataset || !pictures) return null
  if (trained.testRows.length === 0) return null
  if (
    pictureDataMismatch(
      trained.recipe,
      dataset.classes.map((c) => c.name),
    ) !== null
  )
    return null
  const spec = pictureResizeSpec(trained.recipe)
  return resizeKey({ ...pictures, fit: spec.fit }) === resizeKey(spec) ? pictures : null
}

function requestOf(trained: TrainedModel, data: CheckData): ModelCheckRequest {
  const common = {
    model: trained.model,
    recipe: trained.recipe,
    testRows: trained.testRows,
    testLabels: trained.testLabels,
  }
  return 'table' in data
    ? { kind: 'table', ...common, table: data.table }
    : { kind: 'pictures', ...common, images: data }
}

/** Scores the test rows (or pictures) under each weight storage in a worker, once per model. */
export function useQuantizationCheck(
  trained: TrainedModel,
  dataset: LoadedDataset | null,
): QuantizationCheckState {
  const [state, setState] = useState<{
    trained: TrainedModel
    data: CheckData
    value: QuantizationCheckState
  } | null>(null)
  const images = trained.recipe.source.kind === 'images'
  const pictures = usePictures(trained)
  const data: CheckData | null = images ? pictures : dataset
  useEffect(() => {
    if (!data || cached(trained, data)) return
    const checks: QuantizationCheck[] = []
    const key = { trained, data }
    const run = checkModelInWorker(requestOf(trained, data), (check) => {
      checks.push(check)
      setState({ ...key, value: { status: 'running', checks: [...checks] } })
    })
    run.result.then(
      (all) => {
        finished.set(trained, { data, checks: all })
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
  }, [trained, data])
  if (!data) return { status: images ? 'needs-pictures' : 'needs-data' }
  const done = cached(trained, data)
  if (done) return { status: 'done', checks: done }
  // A result for another model or data is stale: the worker for this one has not reported yet.
  const current = state?.trained === trained && state.data === data ? state.value : null
  return current ?? { status: 'running', checks: [] }
}
