import { pictureDataMismatch } from '../../../core/export/import/data-match'
import type { ImageDataset } from '../../../core/images/image-summary'
import { useStudio } from '../../../state/studio-store'
import type { TrainedModel } from '../../../state/training-slice'

/**
 * The picture dataset loaded on the Data step when it is the one this model was trained on (its
 * classes in the same order), else null: its test pictures are then the run's test rows.
 */
export function usePictureDataset(trained: TrainedModel): ImageDataset | null {
  const dataset = useStudio((s) => s.imageDataset)
  if (!dataset || trained.testRows.length === 0) return null
  const classes = dataset.classes.map((c) => c.name)
  return pictureDataMismatch(trained.recipe, classes) === null ? dataset : null
}
