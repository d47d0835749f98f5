import { channelAffine, normalisedMatrix } from '../../images/prepare/normalise'
import { resizeStepOf } from '../../images/prepare/prepare-images'
import { resizeImage } from '../../images/prepare/resize'
import {
  valuesPerImage,
  type ResizedImages,
  type ResizeSpec,
  type RgbaImage,
} from '../../images/prepare/rgba-image'
import type { Matrix } from '../../model/predict-matrix'
import type { Recipe } from '../../recipe/recipe-schema'

/** What a fitted picture recipe does to one picture: its resize geometry and channel affine map. */
export interface PicturePreparation {
  readonly spec: ResizeSpec
  readonly affine: ReturnType<typeof channelAffine>
}

/**
 * The fitted image recipe as training used it (the same resize step and fitted normalisation,
 * read by the same prepare code), refused with a message when the recipe is not a picture one.
 */
export function picturePreparation(recipe: Recipe): PicturePreparation {
  const spec = pictureResizeSpec(recipe)
  const normalise = recipe.steps.find((s) => s.op === 'image-normalise' && s.enabled)
  return {
    spec,
    affine: channelAffine(normalise?.op === 'image-normalise' ? normalise : null, spec.channels),
  }
}

/** The resize geometry alone: enough to read pictures before the normalisation is fitted. */
export function pictureResizeSpec(recipe: Recipe): ResizeSpec {
  if (recipe.source.kind !== 'images')
    throw new Error('This model was trained on a table, not pictures: score rows instead.')
  const { width, height, channels, fit } = resizeStepOf(recipe)
  return { width, height, channels, fit }
}

/** Decoded pictures resized as the recipe's resize step says, packed as training packs them. */
export function resizePictures(spec: ResizeSpec, pictures: readonly RgbaImage[]): ResizedImages {
  const size = valuesPerImage(spec)
  const pixels = new Uint8ClampedArray(pictures.length * size)
  pictures.forEach((picture, i) => pixels.set(resizeImage(picture, spec), i * size))
  return {
    width: spec.width,
    height: spec.height,
    channels: spec.channels,
    count: pictures.length,
    pixels,
    labels: new Int32Array(pictures.length),
  }
}

/** Model inputs of some resized pictures (all of them when `rows` is left out). */
export function pictureMatrix(
  preparation: PicturePreparation,
  images: ResizedImages,
  rows: Int32Array = Int32Array.from({ length: images.count }, (_, i) => i),
): Matrix {
  const width = valuesPerImage(images)
  if (
    images.width !== preparation.spec.width ||
    images.height !== preparation.spec.height ||
    images.channels !== preparation.spec.channels
  )
    throw new Error(
      `The pictures were resized to ${images.width} × ${images.height} × ${images.channels}, but the model reads ${preparation.spec.width} × ${preparation.spec.height} × ${preparation.spec.channels}: prepare them again.`,
    )
  return {
    values: normalisedMatrix(images, rows, preparation.affine),
    rows: rows.length,
    width,
  }
}
