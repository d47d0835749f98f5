import { Alert, Badge, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { Step } from '../../core/recipe/step-schema'
import { useStudio } from '../../state/studio-store'
import type { ColumnAtStep } from './columns-at-step'
import { editProblem } from './edit-check'
import { opLabel } from './step-catalogue'
import { StepForm } from './step-form'

interface Props {
  readonly step: Step
  readonly number: number
  readonly columns: readonly ColumnAtStep[]
  readonly target: string
}

/** The settings of the selected step; each valid change is applied and the recipe re-prepared. */
export function StepEditorPanel({ step, number, columns, target }: Props) {
  const updateStep = useStudio((s) => s.updateStep)
  const [problem, setProblem] = useState<{ id: string; message: string } | null>(null)
  const apply = (next: Step) => {
    const message = editProblem(next)
    setProblem(message ? { id: step.id, message } : null)
    if (!message) updateStep(step.id, next)
  }
  return (
    <Paper withBorder p="md" radius="md" role="region" aria-label={`Settings of step ${number}`}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Badge circle size="lg" variant="light">
            {number}
          </Badge>
          <Title order={5}>{opLabel(step.op)}</Title>
        </Group>
        {!step.enabled && (
          <Badge color="gray" variant="outline" tt="none">
            switched off
          </Badge>
        )}
      </Group>
      <Stack gap="sm">
        {step.why && (
          <Spoiler maxHeight={40} showLabel="Show all" hideLabel="Show less">
            <Text size="xs" c="dimmed">
              Proposed because: {step.why}
            </Text>
          </Spoiler>
        )}
        <StepForm step={step} columns={columns} target={target} onChange={apply} />
        {problem?.id === step.id && (
          <Alert color="orange" variant="light" p="xs" role="alert">
            <Text size="sm">{problem.message}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
