import { useStudio } from '../../state/studio-store'

export interface PlanProgress {
  readonly done: number
  readonly total: number
  readonly label: string
}

/** Planning fields as the worker-backed slice adds them; read so this screen works without them. */
interface MaybePlanning {
  readonly planning?: boolean
  readonly planProgress?: PlanProgress | null
}

/** Whether the recipe is being prepared again, and how far it has got. */
export function usePlanning(): { planning: boolean; progress: PlanProgress | null } {
  const planning = useStudio((s) => (s as MaybePlanning).planning ?? false)
  const progress = useStudio((s) => (s as MaybePlanning).planProgress ?? null)
  return { planning, progress }
}
