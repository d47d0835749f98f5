import type { StepOf } from '../../recipe/step-schema'

/** A decoded picture as canvas `getImageData` gives it: rows top to bottom, 4 bytes a pixel. */
export interface RgbaImage {
  readonly width: number
  readonly height: number
  /** RGBA, not premultiplied, length width × height × 4. */
  readonly data: Uint8ClampedArray
}

/** The geometry the image-resize step asks for (its settings without id, why or enabled). */
export type ResizeSpec = Pick<StepOf<'image-resize'>, 'width' | 'height' | 'channels' | 'fit'>

/** Values in one resized picture: height × width × channels. */
export function valuesPerImage(spec: Pick<ResizeSpec, 'width' | 'height' | 'channels'>): number {
  return spec.width * spec.height * spec.channels
}

/**
 * Every picture of a dataset resized alike, packed one after another in `pixels` (height × width
 * × channels each, channels last, 0…255), with the class of each. Plain typed arrays so the set
 * crosses between workers as transferable buffers.
 */
export interface ResizedImages {
  readonly width: number
  readonly height: number
  readonly channels: 1 | 3
  readonly count: number
  readonly pixels: Uint8ClampedArray
  /** Index into the dataset's classes (the recipe's `source.classes`), one per picture. */
  readonly labels: Int32Array
}

/** A stable key of a resize spec: pictures resized for one spec are reused while it holds. */
export function resizeKey(spec: ResizeSpec): string {
  return `${spec.width}x${spec.height}x${spec.channels}:${spec.fit}`
}
