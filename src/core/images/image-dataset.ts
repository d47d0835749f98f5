import { DataError } from '../table/parse-delimited'
import { extensionOf, IMAGE_EXTENSIONS, sniffImageFormat, type ImageFormat } from './image-format'
import { commonRootDepth, isJunkPath, safeSegments } from './image-paths'

/** One file or folder of a dropped folder or a zip, before anything is decoded. */
export interface SourceEntry {
  readonly path: string
  readonly isFolder: boolean
  /** The first bytes of a file (null when it was not read, e.g. a .csv inside a zip). */
  readonly head: Uint8Array | null
}

/** Where the entries came from, as the messages name it: "The zip has no class folders…". */
export type ImageSourceKind = 'zip' | 'folder' | 'drop'

export interface PlannedImage {
  /** Index into the entries given to planImageDataset. */
  readonly entry: number
  readonly path: string
  readonly classIndex: number
  readonly format: ImageFormat
}

/** Which entries are images of which class, before decoding. */
export interface ImagePlan {
  readonly classes: string[]
  /** Grouped by class, then by path in natural order. */
  readonly images: PlannedImage[]
  readonly warnings: string[]
}

/** The start of a message about the source, verb agreed: "The zip has", "The dropped files have". */
const SOURCE_HAS: Record<ImageSourceKind, string> = {
  zip: 'The zip has',
  folder: 'The folder has',
  drop: 'The dropped files have',
}

export const CLASS_FOLDERS_HINT =
  "put each class's images in its own folder, e.g. cats/…, dogs/…, and load the parent folder or a .zip of it"

const FORMATS_TEXT = 'PNG, JPEG, GIF, WebP or BMP'

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** "a, b, c and 4 more", for warnings that name the files concerned. */
export function someNames(names: readonly string[], shown = 3): string {
  const head = names.slice(0, shown).join(', ')
  return names.length > shown ? `${head} and ${names.length - shown} more` : head
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/**
 * Reads the folder layout: the first folder level under the (dropped) common root names the
 * classes, and every picture below a class folder belongs to it. Junk, unsafe paths, non-images
 * and stray pictures are skipped with a warning; a layout with nothing to learn from throws a
 * DataError that says how to arrange the folders.
 */
export function planImageDataset(
  entries: readonly SourceEntry[],
  source: ImageSourceKind,
): ImagePlan {
  const has = SOURCE_HAS[source]
  const warnings: string[] = []
  const unsafe: string[] = []
  const files: { index: number; segments: string[] }[] = []
  const folders: string[][] = []
  entries.forEach((entry, index) => {
    const segments = safeSegments(entry.path)
    if (segments === null) unsafe.push(entry.path)
    else if (segments.length === 0 || isJunkPath(segments)) return
    else if (entry.isFolder) folders.push(segments)
    else files.push({ index, segments })
  })
  if (unsafe.length > 0) {
    warnings.push(
      `Skipped ${plural(unsafe.length, 'entry', 'entries')} whose path leaves the folder or is absolute (${someNames(unsafe)}).`,
    )
  }
  if (files.length === 0) throw new DataError(`${has} no files. ${capitalise(CLASS_FOLDERS_HINT)}.`)

  const depth = commonRootDepth(files.map((f) => f.segments))
  const notImages: string[] = []
  const fakeImages: string[] = []
  const stray: string[] = []
  const byClass = new Map<string, { entry: number; path: string; format: ImageFormat }[]>()
  for (const { index, segments } of files) {
    const entry = entries[index]
    if (!entry) continue
    const format = entry.head ? sniffImageFormat(entry.head) : null
    if (format === null) {
      if (IMAGE_EXTENSIONS.has(extensionOf(entry.path))) fakeImages.push(entry.path)
      else notImages.push(entry.path)
      continue
    }
    const inner = segments.slice(depth)
    const className = inner[0]
    if (inner.length < 2 || className === undefined) {
      stray.push(entry.path)
      continue
    }
    const list = byClass.get(className) ?? []
    list.push({ entry: index, path: entry.path, format })
    byClass.set(className, list)
  }

  const imageCount = files.length - notImages.length - fakeImages.length
  if (imageCount === 0) {
    throw new DataError(
      `${has} no ${FORMATS_TEXT} images: ${plural(files.length, 'file')} (${someNames(files.map((f) => f.segments.join('/')))}), none of them a picture.`,
    )
  }
  if (byClass.size === 0) {
    throw new DataError(`${has} no class folders: ${CLASS_FOLDERS_HINT}.`)
  }
  if (byClass.size === 1) {
    const only = [...byClass.keys()][0] ?? ''
    throw new DataError(
      `${has} a single class folder ("${only}"); a classifier needs at least two: ${CLASS_FOLDERS_HINT}.`,
    )
  }

  if (notImages.length > 0) {
    const what =
      notImages.length === 1 ? `is not a ${FORMATS_TEXT} image` : `are not ${FORMATS_TEXT} images`
    warnings.push(
      `Skipped ${plural(notImages.length, 'file')} that ${what} (${someNames(notImages)}).`,
    )
  }
  if (fakeImages.length > 0) {
    warnings.push(
      `Skipped ${plural(fakeImages.length, 'file')} named like an image whose content is not one (${someNames(fakeImages)}).`,
    )
  }
  if (stray.length > 0) {
    warnings.push(
      `Skipped ${plural(stray.length, 'image')} outside any class folder (${someNames(stray)}): move ${stray.length === 1 ? 'it' : 'them'} into the folder of ${stray.length === 1 ? 'its' : 'their'} class.`,
    )
  }
  const emptyFolders = folders
    .map((segments) => segments.slice(depth))
    .filter((inner) => inner.length === 1 && inner[0] !== undefined && !byClass.has(inner[0]))
    .map((inner) => `${inner.join('/')}/`)
  const imagelessClassFolders = new Set(
    files
      .map((f) => f.segments.slice(depth))
      .filter((inner) => inner.length >= 2 && inner[0] !== undefined && !byClass.has(inner[0]))
      .map((inner) => `${inner[0] ?? ''}/`),
  )
  const empty = [...new Set([...emptyFolders, ...imagelessClassFolders])]
  if (empty.length > 0) {
    warnings.push(
      `${empty.length === 1 ? 'A folder holds' : `${empty.length} folders hold`} no images and ${empty.length === 1 ? 'is not a class' : 'are not classes'} (${someNames(empty)}).`,
    )
  }

  const classes = [...byClass.keys()].sort(natural.compare)
  const images = classes.flatMap((name, classIndex) =>
    (byClass.get(name) ?? [])
      .sort((a, b) => natural.compare(a.path, b.path))
      .map((image) => ({ ...image, classIndex })),
  )
  return { classes, images, warnings }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
