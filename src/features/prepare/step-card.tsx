import { Alert, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import type { StepReport } from '../../core/recipe/pipeline/prepare-data'
import type { Step } from '../../core/recipe/step-schema'
import { opLabel } from './step-catalogue'
import { StepCardToolbar } from './step-card-toolbar'
import { StepFacts } from './step-facts'

/** Where a step stands in the last plan. */
export type StepState =
  | { readonly kind: 'ran'; readonly report: StepReport; readonly fitted: Step | undefined }
  | { readonly kind: 'off' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'not-run' }

interface Props {
  readonly step: Step
  readonly number: number
  readonly total: number
  readonly state: StepState
  readonly selected: boolean
  readonly onSelect: () => void
}

/** One step of the recipe: what it is, why, what it did, and its controls. */
export function StepCard({ step, number, total, state, selected, onSelect }: Props) {
  const failed = state.kind === 'failed'
  const accent = failed ? 'red' : 'blue'
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-step-id={step.id}
      data-state={state.kind}
      aria-current={selected ? 'step' : undefined}
      onClick={onSelect}
      style={{
        cursor: 'pointer',
        listStyle: 'none',
        opacity: step.enabled ? 1 : 0.55,
        borderColor: failed || selected ? `var(--mantine-color-${accent}-5)` : undefined,
        boxShadow: selected ? `0 0 0 1px var(--mantine-color-${accent}-5)` : undefined,
        background: step.enabled ? undefined : 'var(--mantine-color-gray-0)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="start" gap="xs">
        <UnstyledButton
          aria-label={`Edit step ${number}`}
          onClick={(e) => {
            e.stopPropagation()
            onSelect()
          }}
          style={{ minWidth: 0, flex: 1 }}
        >
          <Group gap="xs" wrap="nowrap" align="start">
            <Badge
              circle
              size="lg"
              variant={selected ? 'filled' : 'light'}
              color={failed ? 'red' : 'blue'}
              style={{ flexShrink: 0 }}
            >
              {number}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {opLabel(step.op)}
                {!step.enabled && ' · switched off'}
              </Text>
              <Text size="sm" fw={500} lineClamp={2} data-testid="step-title">
                {state.kind === 'ran' ? state.report.description : stepTitle(step)}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
        <StepCardToolbar id={step.id} number={number} total={total} enabled={step.enabled} />
      </Group>
      <Stack gap={4} mt={6} pl={38}>
        {step.why && (
          <Text size="xs" c="dimmed" lineClamp={2} title={step.why}>
            Why: {step.why}
          </Text>
        )}
        {state.kind === 'ran' && <StepFacts report={state.report} fitted={state.fitted} />}
        {state.kind === 'off' && (
          <Text size="xs" c="dimmed">
            Skipped: switch it on to use it again.
          </Text>
        )}
        {state.kind === 'not-run' && (
          <Text size="xs" c="dimmed">
            Not run: a step above failed.
          </Text>
        )}
        {failed && (
          <Alert
            color="red"
            variant="light"
            p="xs"
            role="alert"
            aria-label={`Error in step ${number}`}
          >
            <Text size="sm" c="red.9">
              {state.message}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}

/** A title for a step that has no report: its op and the columns it names. */
function stepTitle(step: Step): string {
  const label = opLabel(step.op)
  if ('columns' in step && step.columns.length > 0) return `${label}: ${step.columns.join(', ')}`
  if ('column' in step) return `${label}: ${step.column}`
  return label
}
