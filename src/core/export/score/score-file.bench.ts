// `npx vitest bench --run src/core/export/score/score-file.bench.ts`: a 100,000-row file (German
// credit repeated) scored with three reasons per row and written as CSV, on TensorFlow.js' CPU
// backend in Node, as the scoring worker does it with WASM in the page. Prints figures; never
// fails on time.
import * as tf from '@tensorflow/tfjs'
import { bench, describe } from 'vitest'
import { takeRows } from '../../evaluate/explain/table-rows'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { inputSchemaOf } from '../input-schema'
import { loadModelFiles } from '../model-artifacts'
import { scoreFile } from './score-file'

const ROWS = 100_000
const { table, recipeFor } = bundledTable('GermanCredit.csv')
await tf.setBackend('cpu')
const run = await trainForReal(withTraining(recipeFor('Class'), { epochs: 2 }), table)
const scoring = {
  model: await loadModelFiles(run.model),
  recipe: run.recipe,
  schema: inputSchemaOf(run.recipe, table),
}
const file = takeRows(
  table,
  Int32Array.from({ length: ROWS }, (_, i) => i % table.rowCount),
)

describe(`score a ${ROWS.toLocaleString('en-US')}-row file`, () => {
  bench(
    'read, predict, top-3 reasons, CSV',
    async () => {
      const started = performance.now()
      const scored = await scoreFile(scoring, file, { threshold: 0.5 })
      const seconds = (performance.now() - started) / 1000
      console.log(
        `${ROWS} rows in ${seconds.toFixed(1)} s: ${Math.round(ROWS / seconds)} rows/s, CSV ${((scored?.csv.length ?? 0) / 1e6).toFixed(1)} MB`,
      )
    },
    { iterations: 1, warmupIterations: 0 },
  )
})
