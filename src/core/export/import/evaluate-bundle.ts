import { priorBaselineOutputs } from '../../evaluate/baseline'
import { linearBaselineOutputs } from '../../evaluate/baselines/linear-baseline'
import { evaluatePredictions } from '../../evaluate/evaluate-split'
import { prepareTrainingJob } from '../../recipe/prepare-job'
import { decodeOutputs, encodeTarget, transformFeatures } from '../../recipe/transform'
import type { Table } from '../../table/table'
import { predictMatrix } from '../../model/predict-matrix'
import type { FinishedRun } from '../../train/run-history'
import type { ModelBundle } from '../bundle'
import { loadModelFiles } from '../model-artifacts'
import { prepareImages } from '../../images/prepare/prepare-images'
import type { ResizedImages } from '../../images/prepare/rgba-image'
import { pictureMatrix, picturePreparation } from '../pictures/picture-inputs'
import { dataMismatch, pictureDataMismatch } from './data-match'

/**
 * An opened bundle as a finished run on `table`: the recipe's own split (same seed, same shares)
 * picks the test rows, the bundle's fitted recipe and model score them, and the metrics sit beside
 * the same baselines a run in the studio gets. On the data it was trained on, this gives the
 * numbers the studio showed when it was trained.
 */
export async function evaluateBundle(bundle: ModelBundle, table: Table): Promise<FinishedRun> {
  const { recipe } = bundle
  const mismatch = dataMismatch(recipe, table)
  if (mismatch) throw new Error(mismatch)
  // The split (and the training rows the baselines learn from) as a run on this data would make.
  const { job, split } = prepareTrainingJob(recipe, table, 'cpu')
  const testRows = split.test
  const x = transformFeatures(recipe, table)
  const testX = new Float32Array(testRows.length * x.width)
  testRows.forEach((row, i) =>
    testX.set(x.values.subarray(row * x.width, (row + 1) * x.width), i * x.width),
  )
  const model = await loadModelFiles(bundle.model)
  let testOutputs: Float64Array
  try {
    testOutputs = decodeOutputs(
      recipe,
      await predictMatrix(model, { values: testX, rows: testRows.length, width: x.width }),
    )
  } finally {
    model.dispose()
  }
  const testLabels = encodeTarget(recipe, table, testRows)
  const baseline = priorBaselineOutputs(recipe, job.train.y.values, testRows.length)
  const linear = linearBaselineOutputs(job.recipe, job.train, job.test)
  return {
    recipe,
    backend: 'cpu',
    epochs: [],
    stoppedEarly: false,
    stopReason: 'completed',
    restoredEpoch: null,
    testRows,
    testLabels,
    testOutputs,
    metrics: evaluatePredictions(recipe, testLabels, testOutputs),
    baselineMetrics: evaluatePredictions(recipe, testLabels, baseline),
    linearBaselineMetrics: linear && evaluatePredictions(recipe, testLabels, linear),
    model: bundle.model,
  }
}

/**
 * An opened picture bundle as a finished run on the loaded pictures (every picture resized as the
 * bundle's recipe says, labels by class index): the recipe's seeded split picks the same test
 * pictures a run makes, the bundle's own fitted normalisation prepares them, and the metrics sit
 * beside the class-frequency baseline, as a picture run in the studio reports them.
 */
export async function evaluatePictureBundle(
  bundle: ModelBundle,
  images: ResizedImages,
  classes: readonly string[],
): Promise<FinishedRun> {
  const { recipe } = bundle
  const mismatch = pictureDataMismatch(recipe, classes)
  if (mismatch) throw new Error(mismatch)
  // The split, labels and baseline as a run on these pictures makes them.
  const prepared = prepareImages(recipe, images)
  const testRows = prepared.parts.test
  const x = pictureMatrix(picturePreparation(recipe), images, testRows)
  const model = await loadModelFiles(bundle.model)
  let testOutputs: Float64Array
  try {
    testOutputs = decodeOutputs(recipe, await predictMatrix(model, x))
  } finally {
    model.dispose()
  }
  const testLabels = prepared.test.y.values
  const baseline = priorBaselineOutputs(recipe, prepared.train.y.values, testRows.length)
  return {
    ...predictOnlyRun(bundle),
    testRows,
    testLabels,
    testOutputs,
    metrics: evaluatePredictions(recipe, testLabels, testOutputs),
    baselineMetrics: evaluatePredictions(recipe, testLabels, baseline),
  }
}

/** An opened bundle with no data to test on: it predicts, and Evaluate asks for the data. */
export function predictOnlyRun(bundle: ModelBundle): FinishedRun {
  return {
    recipe: bundle.recipe,
    backend: 'cpu',
    epochs: [],
    stoppedEarly: false,
    stopReason: 'completed',
    restoredEpoch: null,
    testRows: new Int32Array(0),
    testLabels: new Float32Array(0),
    testOutputs: new Float64Array(0),
    metrics: [],
    baselineMetrics: [],
    linearBaselineMetrics: null,
    model: bundle.model,
  }
}
