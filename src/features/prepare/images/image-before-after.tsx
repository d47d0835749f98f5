import { Group, Stack, Text } from '@mantine/core'
import type { ImageDataset } from '../../../core/images/image-summary'
import { channelAffine } from '../../../core/images/prepare/normalise'
import { valuesPerImage, type ResizedImages } from '../../../core/images/prepare/rgba-image'
import type { Recipe } from '../../../core/recipe/recipe-schema'
import { OriginalPicture } from './original-picture'
import classes from './image-prepare.module.css'
import { PixelCanvas } from './pixel-canvas'

/** Pictures shown per class, and classes shown, so a big dataset still gives a short preview. */
const PER_CLASS = 3
const MAX_CLASSES = 12

const value = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 })

/** The range of the network's inputs for the shown pictures, once normalised as the plan says. */
function inputRange(
  recipe: Recipe,
  pictures: ResizedImages,
  shown: readonly number[],
): string | null {
  const step = recipe.steps.find((s) => s.op === 'image-normalise' && s.enabled)
  let affine: ReturnType<typeof channelAffine>
  try {
    affine = channelAffine(step?.op === 'image-normalise' ? step : null, pictures.channels)
  } catch {
    return null
  }
  const size = valuesPerImage(pictures)
  let lo = Infinity
  let hi = -Infinity
  for (const index of shown) {
    for (let i = 0; i < size; i++) {
      const c = i % pictures.channels
      const v =
        (pictures.pixels[index * size + i] as number) * (affine.scale[c] as number) +
        (affine.offset[c] as number)
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
  }
  return Number.isFinite(lo) ? `${value(lo)} to ${value(hi)}` : null
}

interface BeforeAfterProps {
  readonly dataset: ImageDataset
  /** Resized pictures for the current settings, or null while they are read. */
  readonly pictures: ResizedImages | null
  /** The plan's recipe: its normalisation is fitted once the pictures are read. */
  readonly fitted: Recipe
}

/** A few pictures of each class as loaded, beside what the network will get. */
export function ImageBeforeAfter({ dataset, pictures, fitted }: BeforeAfterProps) {
  const shownClasses = dataset.classes.slice(0, MAX_CLASSES)
  const rows = shownClasses.map((imageClass, k) => {
    const first = dataset.images.findIndex((image) => image.classIndex === k)
    const count = Math.min(PER_CLASS, imageClass.count)
    return { imageClass, indices: Array.from({ length: count }, (_, i) => first + i) }
  })
  const range = pictures
    ? inputRange(
        fitted,
        pictures,
        rows.flatMap((r) => r.indices),
      )
    : null
  const size = pictures ? valuesPerImage(pictures) : 0
  return (
    <Stack gap="xs" aria-label="Before and after preparation" role="group">
      {range && (
        <Text size="xs" c="dimmed">
          The network gets these pictures as numbers from {range}.
        </Text>
      )}
      {rows.map(({ imageClass, indices }, k) => (
        <Group key={imageClass.name} gap="md" wrap="nowrap">
          <Text size="sm" w={90} truncate title={imageClass.name}>
            {imageClass.name}
          </Text>
          {indices.map((index, i) => {
            const image = dataset.images[index]
            const original = imageClass.previews[i] ?? image?.blob
            return (
              <div key={index} className={classes.pair}>
                {original && (
                  <OriginalPicture
                    blob={original}
                    label={`${imageClass.name}, picture ${i + 1} as loaded`}
                  />
                )}
                <span className={classes.arrow} aria-hidden>
                  →
                </span>
                {pictures ? (
                  <PixelCanvas
                    pixels={pictures.pixels.subarray(index * size, (index + 1) * size)}
                    width={pictures.width}
                    height={pictures.height}
                    channels={pictures.channels}
                    label={`${imageClass.name}, picture ${i + 1} after preparation`}
                  />
                ) : (
                  <div className={classes.picture} aria-hidden />
                )}
              </div>
            )
          })}
          {k === MAX_CLASSES - 1 && dataset.classes.length > MAX_CLASSES && (
            <Text size="xs" c="dimmed">
              and {dataset.classes.length - MAX_CLASSES} more classes
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  )
}
