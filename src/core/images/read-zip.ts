import { unzipSync } from 'fflate'
import { DataError } from '../table/parse-delimited'
import { extensionOf, IMAGE_EXTENSIONS } from './image-format'

/** What a zip may expand to before the studio refuses it (a zip bomb guard). */
export interface ZipLimits {
  readonly maxZipBytes: number
  readonly maxEntries: number
  /** Total uncompressed bytes of the entries that are extracted (the pictures). */
  readonly maxTotalBytes: number
  readonly maxEntryBytes: number
}

const MiB = 1024 * 1024

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxZipBytes: 1024 * MiB,
  maxEntries: 100_000,
  maxTotalBytes: 1024 * MiB,
  maxEntryBytes: 64 * MiB,
}

export interface ZipEntry {
  readonly path: string
  readonly isFolder: boolean
  /** The uncompressed bytes, or null for folders and files that are not pictures by name. */
  readonly bytes: Uint8Array<ArrayBuffer> | null
}

const megabytes = (bytes: number) => `${Math.round(bytes / MiB).toLocaleString('en')} MB`

/**
 * Lists a zip's entries and extracts the ones that may be pictures (by extension, or with none).
 * Sizes are checked against the limits from the central directory before anything is inflated;
 * fflate inflates each entry into a buffer of its declared size, so an entry that lies about its
 * size is cut short (and then fails to decode) rather than growing without bound.
 */
export function readZipEntries(
  zip: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntry[] {
  if (zip.length > limits.maxZipBytes) {
    throw new DataError(
      `The zip is ${megabytes(zip.length)}; the studio reads zips up to ${megabytes(limits.maxZipBytes)}. Use fewer or smaller pictures.`,
    )
  }
  const entries: ZipEntry[] = []
  const listed: string[] = []
  let total = 0
  let files: Record<string, Uint8Array<ArrayBuffer>>
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        listed.push(file.name)
        if (listed.length > limits.maxEntries) {
          throw new DataError(
            `The zip holds more than ${limits.maxEntries.toLocaleString('en')} entries; the studio reads at most that many. Use fewer pictures.`,
          )
        }
        const wanted = !file.name.endsWith('/') && maybeImage(file.name)
        if (!wanted) return false
        if (file.originalSize > limits.maxEntryBytes) {
          throw new DataError(
            `"${file.name}" expands to ${megabytes(file.originalSize)}; a picture may be at most ${megabytes(limits.maxEntryBytes)}. This zip looks damaged or is a zip bomb.`,
          )
        }
        total += file.originalSize
        if (total > limits.maxTotalBytes) {
          throw new DataError(
            `The zip expands to more than ${megabytes(limits.maxTotalBytes)} of pictures, the most the studio reads in one go. Use fewer or smaller pictures (or it is a zip bomb).`,
          )
        }
        return true
      },
    })
  } catch (error) {
    if (error instanceof DataError) throw error
    throw new DataError(
      `This file is not a readable .zip (${error instanceof Error ? error.message : String(error)}). Make the zip again (e.g. right-click the folder and choose Compress) and load it again.`,
    )
  }
  // A zip may name the same path twice; the last copy wins, as when it is unpacked.
  for (const name of new Set(listed)) {
    entries.push({ path: name, isFolder: name.endsWith('/'), bytes: files[name] ?? null })
  }
  return entries
}

function maybeImage(name: string): boolean {
  const extension = extensionOf(name)
  return extension === '' || IMAGE_EXTENSIONS.has(extension)
}
