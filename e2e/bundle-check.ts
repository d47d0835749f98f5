import * as tf from '@tensorflow/tfjs'
import Papa from 'papaparse'
import { readBundle } from '../src/core/export/bundle'
import { loadModelFiles } from '../src/core/export/model-artifacts'
import { predictionColumns } from '../src/core/export/predictions'
import { predictRecords } from '../src/core/export/predict-records'

export interface BundleComparison {
  readonly rows: number
  readonly maxDifference: number
  readonly files: string[]
}

/**
 * Loads a downloaded bundle in Node with @tensorflow/tfjs (CPU) and scores the raw rows of the
 * page's prediction CSV through the bundle's own recipe: the largest gap to the page's numbers.
 */
export async function compareBundleWithPage(
  zip: Buffer,
  predictionsCsv: string,
): Promise<BundleComparison> {
  await tf.setBackend('cpu')
  const bundle = readBundle(new Uint8Array(zip))
  const model = await loadModelFiles(bundle.model)
  const parsed = Papa.parse<Record<string, string>>(predictionsCsv, {
    header: true,
    skipEmptyLines: true,
  })
  const records = parsed.data
  const outputs = await predictRecords(model, bundle.recipe, records)
  model.dispose()
  const { task, classes = [] } = bundle.recipe.target
  const columns = predictionColumns(bundle.recipe)
  const pageColumns = task === 'regression' ? [columns[0] as string] : columns.slice(1)
  const k = task === 'multiclass' ? classes.length : 1
  // Regression is compared in the model's own (standardised) units, like probabilities.
  const unit = bundle.recipe.target.scale?.std ?? 1
  let maxDifference = 0
  records.forEach((record, i) => {
    pageColumns.forEach((column, c) => {
      const page = Number(record[column])
      const node = outputs[i * k + c] ?? Number.NaN
      maxDifference = Math.max(maxDifference, Math.abs(page - node) / unit)
    })
  })
  return { rows: records.length, maxDifference, files: Object.keys(bundle) }
}
