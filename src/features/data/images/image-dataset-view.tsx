import { Alert, Badge, Group, List, Progress, Stack, Text, Title } from '@mantine/core'
import type { ImageDataset, ImageSizeSummary } from '../../../core/images/image-summary'
import { formatPercent } from '../../../ui/format'
import classes from './image-dataset.module.css'
import { Thumbnail } from './thumbnail'
import { useStripWidth } from './use-strip-width'

/** A preview tile and the gap between tiles, in CSS pixels (as in the stylesheet). */
const TILE = 48
const GAP = 4
/** Room kept at the end of a strip for "+1,234 more". */
const MORE_WIDTH = 80

/** How many previews a class shows on its one line, and how many of its images that leaves out. */
function fitStrip(width: number | null, previews: number, count: number) {
  if (width === null) return { shown: 0, more: 0 }
  const fits = (room: number) => Math.max(0, Math.floor((room + GAP) / (TILE + GAP)))
  if (previews === count && count <= fits(width)) return { shown: count, more: 0 }
  const shown = Math.min(previews, fits(width - MORE_WIDTH))
  return { shown, more: count - shown }
}

const size = (width: number, height: number) => `${width} × ${height}`

function describeSizes(sizes: ImageSizeSummary, total: number): string {
  const { common } = sizes
  if (sizes.distinctSizes === 1) return `All ${size(common.width, common.height)} pixels.`
  return `Most common ${size(common.width, common.height)} (${formatPercent(common.count / total)}); widths ${sizes.minWidth}–${sizes.maxWidth}, heights ${sizes.minHeight}–${sizes.maxHeight} pixels, ${sizes.distinctSizes.toLocaleString('en-US')} sizes in all. Training resizes them to one size.`
}

/** The loaded image dataset: totals, sizes, notes, and a strip of pictures per class. */
export function ImageDatasetView({ dataset }: { dataset: ImageDataset }) {
  const total = dataset.images.length
  const [stripWidth, measureStrip] = useStripWidth()
  const largest = Math.max(...dataset.classes.map((c) => c.count))
  const firstOfClass = dataset.classes.map((_, i) =>
    dataset.images.findIndex((image) => image.classIndex === i),
  )
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={5}>{dataset.name}</Title>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {total.toLocaleString('en-US')} images
          </Badge>
          <Badge variant="light" color="grape" tt="none">
            {dataset.classes.length} classes
          </Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" data-testid="image-sizes">
        {describeSizes(dataset.sizes, total)}
      </Text>
      {dataset.warnings.length > 0 && (
        <Alert color="yellow" title="Loaded, with notes">
          <List size="sm">
            {dataset.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ul className={classes.classList} aria-label="Image classes">
        {dataset.classes.map((imageClass, classIndex) => {
          const first = firstOfClass[classIndex] ?? 0
          const { shown, more } = fitStrip(stripWidth, imageClass.previews.length, imageClass.count)
          return (
            <li
              key={imageClass.name}
              className={classes.classRow}
              aria-label={`Class ${imageClass.name}`}
              data-count={imageClass.count}
            >
              <Stack gap={4}>
                <Text fw={600} size="sm" truncate="end" title={imageClass.name}>
                  {imageClass.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {imageClass.count.toLocaleString('en-US')} images ·{' '}
                  {formatPercent(imageClass.count / total)}
                </Text>
                <Progress
                  value={(100 * imageClass.count) / largest}
                  size="sm"
                  aria-label={`Share of ${imageClass.name}`}
                />
              </Stack>
              <div className={classes.strip} ref={classIndex === 0 ? measureStrip : undefined}>
                {imageClass.previews.slice(0, shown).map((blob, i) => {
                  const image = dataset.images[first + i]
                  return (
                    <Thumbnail
                      key={image?.path ?? i}
                      blob={blob}
                      label={image?.path ?? imageClass.name}
                      tiny={Math.max(image?.width ?? TILE, image?.height ?? TILE) < TILE}
                    />
                  )
                })}
                {more > 0 && (
                  <span className={classes.more}>+{more.toLocaleString('en-US')} more</span>
                )}
              </div>
            </li>
          )
        })}
      </ul>
    </Stack>
  )
}
