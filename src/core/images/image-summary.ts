import { DataError } from '../table/parse-delimited'
import type { ImageFormat } from './image-format'
import {
  CLASS_FOLDERS_HINT,
  someNames,
  type ImagePlan,
  type ImageSourceKind,
} from './image-dataset'

/**
 * One decoded picture. The Blob holds the original file bytes; Prepare/Train decode it again at
 * the size they choose, so nothing here is resized or converted.
 */
export interface ImageRecord {
  readonly path: string
  readonly classIndex: number
  readonly format: ImageFormat
  readonly width: number
  readonly height: number
  readonly blob: Blob
}

export interface ImageClass {
  readonly name: string
  readonly count: number
  /** Small pictures to show (at most a few dozen per class); the view makes URLs of them. */
  readonly previews: readonly Blob[]
}

export interface ImageSizeSummary {
  /** The most common width × height and how many images have it. */
  readonly common: { readonly width: number; readonly height: number; readonly count: number }
  readonly minWidth: number
  readonly maxWidth: number
  readonly minHeight: number
  readonly maxHeight: number
  readonly distinctSizes: number
}

/** An image classification dataset: class names, every image with its class, sizes, notes. */
export interface ImageDataset {
  readonly name: string
  readonly source: ImageSourceKind
  /** In natural order (2 before 10); ImageRecord.classIndex points here. */
  readonly classes: readonly ImageClass[]
  /** Grouped by class, in natural path order within a class. */
  readonly images: readonly ImageRecord[]
  readonly sizes: ImageSizeSummary
  readonly warnings: readonly string[]
}

/** A class with fewer images than this gets a warning: too few to learn or to test on. */
export const FEW_IMAGES = 5
/** Largest class this many times the smallest one or more: the classes are called unbalanced. */
export const UNBALANCED_RATIO = 3

export function summariseSizes(
  sizes: readonly { width: number; height: number }[],
): ImageSizeSummary {
  const counts = new Map<string, { width: number; height: number; count: number }>()
  let minWidth = Infinity
  let maxWidth = 0
  let minHeight = Infinity
  let maxHeight = 0
  for (const { width, height } of sizes) {
    const key = `${width}x${height}`
    const seen = counts.get(key)
    if (seen) seen.count++
    else counts.set(key, { width, height, count: 1 })
    minWidth = Math.min(minWidth, width)
    maxWidth = Math.max(maxWidth, width)
    minHeight = Math.min(minHeight, height)
    maxHeight = Math.max(maxHeight, height)
  }
  let common = { width: 0, height: 0, count: 0 }
  for (const entry of counts.values()) if (entry.count > common.count) common = entry
  return {
    common,
    minWidth: sizes.length ? minWidth : 0,
    maxWidth,
    minHeight: sizes.length ? minHeight : 0,
    maxHeight,
    distinctSizes: counts.size,
  }
}

/**
 * The dataset once every planned image was decoded (or failed to): undecodable pictures are
 * dropped with a warning, classes left empty disappear, and small or unbalanced classes are
 * pointed out. `decoded` and `blobs` run parallel to plan.images.
 */
export function assembleImageDataset(
  name: string,
  source: ImageSourceKind,
  plan: ImagePlan,
  decoded: readonly ({ width: number; height: number } | null)[],
  blobs: readonly Blob[],
): ImageDataset {
  const warnings = [...plan.warnings]
  const failed = plan.images.filter((_, i) => !decoded[i]).map((image) => image.path)
  if (failed.length > 0) {
    warnings.push(
      `Skipped ${failed.length.toLocaleString('en')} ${failed.length === 1 ? 'image' : 'images'} the browser could not decode (${someNames(failed)}); the file may be damaged or cut short.`,
    )
  }
  const counts = plan.classes.map(() => 0)
  plan.images.forEach((image, i) => {
    if (decoded[i]) counts[image.classIndex] = (counts[image.classIndex] ?? 0) + 1
  })
  const kept = plan.classes.map((_, i) => i).filter((i) => (counts[i] ?? 0) > 0)
  const lost = plan.classes.filter((_, i) => counts[i] === 0)
  if (lost.length > 0) {
    warnings.push(`No image of ${someNames(lost.map((c) => `"${c}"`))} could be decoded; dropped.`)
  }
  if (kept.length < 2) {
    throw new DataError(
      `Fewer than two classes have images the browser can decode (${failed.length.toLocaleString('en')} could not be decoded). Check that the files are real pictures, then ${CLASS_FOLDERS_HINT}.`,
    )
  }
  const newIndex = new Map(kept.map((old, i) => [old, i]))
  const images: ImageRecord[] = []
  plan.images.forEach((image, i) => {
    const size = decoded[i]
    const blob = blobs[i]
    const classIndex = newIndex.get(image.classIndex)
    if (!size || !blob || classIndex === undefined) return
    images.push({ path: image.path, classIndex, format: image.format, ...size, blob })
  })
  const classes = kept.map((old) => ({
    name: plan.classes[old] ?? '',
    count: counts[old] ?? 0,
    previews: [],
  }))

  const few = classes.filter((c) => c.count < FEW_IMAGES)
  if (few.length > 0) {
    warnings.push(
      `${someNames(few.map((c) => `"${c.name}" (${c.count})`))} ${few.length === 1 ? 'has' : 'have'} fewer than ${FEW_IMAGES} images: too few to learn a class or to test it. Add more pictures of ${few.length === 1 ? 'it' : 'them'}.`,
    )
  }
  const largest = classes.reduce((a, b) => (b.count > a.count ? b : a))
  const smallest = classes.reduce((a, b) => (b.count < a.count ? b : a))
  if (largest.count >= UNBALANCED_RATIO * smallest.count) {
    warnings.push(
      `The classes are unbalanced: "${largest.name}" has ${largest.count.toLocaleString('en')} images, "${smallest.name}" ${smallest.count.toLocaleString('en')} (${(largest.count / smallest.count).toFixed(1)}× fewer). A model leans towards the large classes; add pictures to the small ones if you can.`,
    )
  }
  return { name, source, classes, images, sizes: summariseSizes(images), warnings }
}
