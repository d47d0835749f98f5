import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import type { FinishedRun } from '../../train/run-history'
import type { Table } from '../../table/table'

/** A short real German credit run on the CPU backend, for the export tests in Node. */
export async function germanCreditRun(epochs = 3): Promise<{ run: FinishedRun; table: Table }> {
  const { table, recipeFor } = bundledTable('GermanCredit.csv')
  const run = await trainForReal(withTraining(recipeFor('Class'), { epochs }), table)
  return { run, table }
}
