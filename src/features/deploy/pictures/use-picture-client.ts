import { useEffect, useMemo } from 'react'
import type { TrainedModel } from '../../../state/training-slice'
import { PictureScoreClient } from '../../../workers/picture-score-client'

/** A picture scoring worker for this model, ended when the section goes away. */
export function usePictureClient(trained: TrainedModel): PictureScoreClient {
  const client = useMemo(
    () => new PictureScoreClient({ model: trained.model, recipe: trained.recipe }),
    [trained],
  )
  useEffect(() => () => client.dispose(), [client])
  return client
}
