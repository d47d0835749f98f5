import { Badge, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core'
import { describeOcclusion } from '../../../core/export/pictures/picture-occlusion'
import type { Recipe } from '../../../core/recipe/recipe-schema'
import { formatPercent } from '../../../ui/format'
import type { PredictedPicture } from '../../../workers/picture-score-protocol'
import { HeatCanvas } from './heat-canvas'
import { OriginalThumbnail } from './original-thumbnail'

/** Classes listed by name under the answer; the rest are summed into one line. */
const SHOWN_CLASSES = 5

interface PictureCardProps {
  readonly recipe: Recipe
  readonly picture: PredictedPicture
  readonly blob: Blob
  /** Where the picture came from ("test picture 12 of 180, a 3"), when known. */
  readonly origin: string | null
}

/** One picture: the file, what the model sees with where it looks, the class and its odds. */
export function PictureCard({ recipe, picture, blob, origin }: PictureCardProps) {
  const classes = recipe.target.classes ?? []
  const { answer, seen, occlusion } = picture
  const predicted = answer ? (classes[answer.predicted] ?? '') : null
  const ranked = answer
    ? answer.probabilities
        .map((p, c) => ({ name: classes[c] ?? String(c), p }))
        .sort((a, b) => b.p - a.p)
    : []
  const rest = ranked.slice(SHOWN_CLASSES).reduce((sum, r) => sum + r.p, 0)
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      role="region"
      aria-label={`Prediction for ${picture.name}`}
      data-probabilities={answer ? JSON.stringify(answer.probabilities) : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={500} truncate title={picture.name}>
            {picture.name}
          </Text>
          {origin && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {origin}
            </Text>
          )}
        </Group>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Stack gap={2} align="center">
            <OriginalThumbnail blob={blob} label={`${picture.name} as chosen`} size={96} />
            <Text size="xs" c="dimmed">
              As chosen
            </Text>
          </Stack>
          {seen && (
            <Stack gap={2} align="center">
              <HeatCanvas
                {...seen}
                occlusion={occlusion}
                size={96}
                label={`${picture.name} as the model sees it, with where it looks`}
              />
              <Text size="xs" c="dimmed">
                As the model sees it
              </Text>
            </Stack>
          )}
          {answer && predicted !== null ? (
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs" align="baseline">
                <Text size="sm">Predicted {recipe.target.column}:</Text>
                <Badge size="lg" variant="filled" tt="none" aria-label="Predicted class">
                  {predicted}
                </Badge>
              </Group>
              <Text size="sm">
                Probability{' '}
                <Text span fw={700} aria-label="Probability of the predicted class">
                  {formatPercent(answer.probabilities[answer.predicted] ?? 0)}
                </Text>
              </Text>
              <Table
                fz="xs"
                verticalSpacing={1}
                horizontalSpacing={4}
                aria-label={`Class probabilities for ${picture.name}`}
              >
                <Table.Tbody>
                  {ranked.slice(0, SHOWN_CLASSES).map((r) => (
                    <Table.Tr key={r.name}>
                      <Table.Td w={70}>
                        <Text size="xs" truncate>
                          {r.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Progress value={r.p * 100} size="sm" aria-hidden />
                      </Table.Td>
                      <Table.Td w={52} ta="right">
                        {formatPercent(r.p)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {ranked.length > SHOWN_CLASSES && (
                    <Table.Tr>
                      <Table.Td colSpan={2}>
                        <Text size="xs" c="dimmed">
                          {ranked.length - SHOWN_CLASSES} other classes
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{formatPercent(rest)}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Stack>
          ) : (
            <Text size="sm" c="red.8" style={{ flex: 1 }}>
              {picture.problem}
            </Text>
          )}
        </Group>
        {occlusion && predicted !== null && (
          <Text size="xs" c="dimmed" aria-label={`Why ${picture.name} is ${predicted}`}>
            {describeOcclusion(occlusion, predicted)} Red marks what speaks for {predicted}, blue
            what speaks against it.
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
