import { Alert, Stack } from '@mantine/core'
import type { EvaluateSectionProps } from '../evaluate-section'
import { DependenceCard } from './dependence-card'
import { ImportanceCard } from './importance-card'
import { ReasonsCard } from './reasons-card'

/** Which columns matter, how one moves the prediction, and why one row got its answer. */
export function ExplainSection(props: EvaluateSectionProps) {
  const { trained, table } = props
  if (trained.recipe.source.kind !== 'table') {
    return (
      <Alert color="gray" title="Explanations cover table models">
        This model was trained on images: column importance and reason codes need table columns.
      </Alert>
    )
  }
  if (!table) {
    return (
      <Alert color="yellow" title="The training data is not loaded">
        Explanations shuffle and change the test rows&apos; own values: load{' '}
        {trained.recipe.source.name} on the Data step again to explain this model.
      </Alert>
    )
  }
  if (trained.recipe.steps.some((s) => s.enabled && s.op === 'windows')) {
    return (
      <Alert color="gray" title="Not yet for time-series models">
        A forecast reads each column over several past rows, so shuffling or changing one row&apos;s
        value does not say what it would for a table model. Explanations for windowed models are
        planned; the Performance tab compares the forecast with the naive one.
      </Alert>
    )
  }
  return (
    <Stack gap="md">
      <ImportanceCard {...props} />
      <DependenceCard {...props} />
      <ReasonsCard {...props} />
    </Stack>
  )
}
