import { useStudio } from '../../state/studio-store'

/** True while a run is under way: the settings it started with must not change under it. */
export function useTrainingBusy(): boolean {
  return useStudio(
    (s) =>
      s.trainingStatus === 'starting' ||
      s.trainingStatus === 'training' ||
      s.trainingStatus === 'paused' ||
      s.trainingStatus === 'stopping',
  )
}
