import type { Table } from '../table/table'
import type { BackendRequest } from '../train/backend-names'
import type { Dataset } from '../train/engine'
import type { TrainingJob } from '../train/training-job'
import { fitRecipe } from './fit'
import type { Recipe } from './recipe-schema'
import { splitRows, type SplitRows } from './split'
import { encodeTarget, featureWidth, targetWidth, transformFeatures } from './transform'

export interface PreparedJob {
  readonly job: TrainingJob
  readonly split: SplitRows
}

function dataset(recipe: Recipe, table: Table, rows: Int32Array): Dataset {
  const x = transformFeatures(recipe, table, rows)
  return {
    x: { values: x.values, rows: rows.length, width: featureWidth(recipe) },
    y: { values: encodeTarget(recipe, table, rows), rows: rows.length, width: targetWidth(recipe) },
  }
}

/** Splits, fits the recipe on the training rows only, and prepares all three parts for training. */
export function prepareTrainingJob(
  recipe: Recipe,
  table: Table,
  backend: BackendRequest,
): PreparedJob {
  const split = splitRows(table, recipe)
  if (split.train.length < 2 || split.test.length < 1) {
    throw new Error(
      `Only ${split.train.length + split.validation.length + split.test.length} rows have a target value: too few to train and test. Load more rows.`,
    )
  }
  const fitted = fitRecipe(recipe, table, split.train)
  if (featureWidth(fitted) === 0) {
    throw new Error(
      'No column is left to learn from: every column besides the target is constant, an identifier or free text. Load data with informative columns.',
    )
  }
  return {
    split,
    job: {
      recipe: fitted,
      train: dataset(fitted, table, split.train),
      validation: dataset(fitted, table, split.validation),
      test: dataset(fitted, table, split.test),
      backend,
    },
  }
}
