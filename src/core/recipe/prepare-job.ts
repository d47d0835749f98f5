import type { Table } from '../table/table'
import type { BackendRequest } from '../train/backend-names'
import type { Dataset } from '../train/engine'
import type { TrainingJob } from '../train/training-job'
import type { Parts } from './pipeline/parts'
import { prepareData, type PrepareOptions } from './pipeline/prepare-data'
import type { Recipe } from './recipe-schema'
import { encodeTarget, featureMatrix, targetWidth } from './transform'

export interface PreparedJob {
  readonly job: TrainingJob
  /** Rows of the source table in each part (training rows repeated when oversampled). */
  readonly split: Parts
}

function dataset(recipe: Recipe, table: Table, rows: Int32Array): Dataset {
  return {
    x: featureMatrix(recipe, table, rows),
    y: { values: encodeTarget(recipe, table, rows), rows: rows.length, width: targetWidth(recipe) },
  }
}

/** Prepares the data as the recipe says (fitted on training rows only) into a training job. */
export function prepareTrainingJob(
  recipe: Recipe,
  table: Table,
  backend: BackendRequest,
  options: PrepareOptions = {},
): PreparedJob {
  const prepared = prepareData(recipe, table, options)
  if (prepared.error) throw new Error(prepared.error.message)
  const { parts } = prepared
  if (parts.train.length < 2 || parts.test.length < 1) {
    throw new Error(
      `Only ${parts.train.length + parts.validation.length + parts.test.length} rows are left after preparation: too few to train and test. Load more rows or loosen the filters.`,
    )
  }
  const fitted = prepared.recipe
  return {
    split: parts,
    job: {
      recipe: fitted,
      train: dataset(fitted, prepared.table, parts.train),
      validation: dataset(fitted, prepared.table, parts.validation),
      test: dataset(fitted, prepared.table, parts.test),
      classWeights: prepared.classWeights,
      backend,
    },
  }
}
