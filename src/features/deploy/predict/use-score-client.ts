import { useEffect, useMemo } from 'react'
import type { InputColumn } from '../../../core/export/input-schema'
import type { TrainedModel } from '../../../state/training-slice'
import { ScoreClient } from '../../../workers/score-client'

/** A scoring worker for this model and input schema, ended when the section goes away. */
export function useScoreClient(trained: TrainedModel, schema: readonly InputColumn[]): ScoreClient {
  const client = useMemo(
    () => new ScoreClient({ model: trained.model, recipe: trained.recipe, schema }),
    [trained, schema],
  )
  useEffect(() => () => client.dispose(), [client])
  return client
}
