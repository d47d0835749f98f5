import { Alert, Badge, Group, List, Progress, Stack, Table, Text } from '@mantine/core'
import type { Recipe } from '../../../core/recipe/recipe-schema'
import { formatNumber, formatPercent } from '../../../ui/format'
import type { PredictedRow } from '../../../workers/score-protocol'

interface PredictionCardProps {
  readonly recipe: Recipe
  readonly row: PredictedRow
  readonly threshold: number
}

/** The label a binary model gives at this threshold, or a multiclass model's likeliest class. */
function predictedLabel(recipe: Recipe, outputs: readonly number[], threshold: number): string {
  const { task, classes = [] } = recipe.target
  if (task === 'binary') return ((outputs[0] ?? 0) >= threshold ? classes[1] : classes[0]) ?? ''
  let best = 0
  outputs.forEach((p, i) => {
    if (p > (outputs[best] ?? 0)) best = i
  })
  return classes[best] ?? ''
}

/** The model's answer for the form's row: the class and its probabilities, or the value. */
export function PredictionCard({ recipe, row, threshold }: PredictionCardProps) {
  const { task, classes = [], column } = recipe.target
  const { outputs } = row
  const unscorable = outputs.some((v) => Number.isNaN(v))
  return (
    <Stack gap="xs" aria-label="Prediction" role="region" data-outputs={JSON.stringify(outputs)}>
      {unscorable ? (
        <Text size="sm">This row cannot be scored: see the notes below.</Text>
      ) : task === 'regression' ? (
        <Text size="sm">
          Predicted {column}:{' '}
          <Text span fw={700} fz="xl">
            {formatNumber(outputs[0])}
          </Text>
        </Text>
      ) : (
        <>
          <Group gap="xs" align="baseline">
            <Text size="sm">Predicted {column}:</Text>
            <Badge size="lg" variant="filled" tt="none" aria-label="Predicted class">
              {predictedLabel(recipe, outputs, threshold)}
            </Badge>
          </Group>
          {task === 'binary' ? (
            <>
              <Text size="sm">
                Probability of {classes[1]}:{' '}
                <Text span fw={700}>
                  {formatPercent(outputs[0] ?? 0)}
                </Text>
              </Text>
              <Progress value={(outputs[0] ?? 0) * 100} size="sm" aria-hidden />
              <Text size="xs" c="dimmed">
                Decision threshold {formatNumber(threshold, 2)}: a probability of {classes[1]} at or
                above it predicts {classes[1]}. It is the threshold chosen on Evaluate › Threshold
                &amp; cost.
              </Text>
            </>
          ) : (
            <Table fz="xs" aria-label="Class probabilities" withRowBorders={false}>
              <Table.Tbody>
                {classes.map((label, i) => (
                  <Table.Tr key={label}>
                    <Table.Td w={120}>{label}</Table.Td>
                    <Table.Td>
                      <Progress value={(outputs[i] ?? 0) * 100} size="sm" aria-hidden />
                    </Table.Td>
                    <Table.Td w={60} ta="right">
                      {formatPercent(outputs[i] ?? 0)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {row.notes.length > 0 && (
        <Alert color="orange" variant="light" title="Notes from the preparation steps" p="xs">
          <List size="xs">
            {row.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  )
}
