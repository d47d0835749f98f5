import type { TestSet } from '../../core/evaluate/test-set'
import type { Table } from '../../core/table/table'
import type { TrainedModel } from '../../state/training-slice'

/** What every Evaluate section is given: the run, its test rows, and the data they came from. */
export interface EvaluateSectionProps {
  readonly trained: TrainedModel
  readonly testSet: TestSet
  /**
   * The table as loaded on the Data step (raw columns; `testSet.rows` are its row numbers), or
   * null for image runs and when the data is no longer loaded.
   */
  readonly table: Table | null
}
