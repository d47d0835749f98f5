import type { InputColumn } from '../../core/export/input-schema'
import type { LoadedDataset } from '../../state/data-slice'
import type { TrainedModel } from '../../state/training-slice'

/** What every Deploy section is given. */
export interface DeploySectionProps {
  readonly trained: TrainedModel
  /** The data loaded on the Data step when it is the data the model was trained on, else null. */
  readonly dataset: LoadedDataset | null
  /** The model's raw input columns; null for image models. */
  readonly inputSchema: readonly InputColumn[] | null
}
