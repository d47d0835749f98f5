import { extensionOf, IMAGE_EXTENSIONS, sniffImageFormat } from '../../images/image-format'
import { isJunkPath, safeSegments } from '../../images/image-paths'
import { readZipEntries } from '../../images/read-zip'

/** A file to score: its bytes when it can be a picture, else why it is not scored. */
export interface PictureFile {
  readonly path: string
  readonly bytes: Uint8Array<ArrayBuffer> | null
  /** Why the file is not scored (null when it will be): shown on its own row. */
  readonly problem: string | null
}

const FORMATS = 'PNG, JPEG, GIF, WebP and BMP'

/**
 * Whether a file can be scored, from its name and first bytes: extensions lie, so the bytes
 * decide, but a file with another extension is not read at all. Operating-system clutter
 * (__MACOSX, .DS_Store, Thumbs.db) returns null: it is no file the person meant to score.
 */
export function pictureFile(
  path: string,
  bytes: Uint8Array<ArrayBuffer> | null,
): PictureFile | null {
  const segments = safeSegments(path)
  if (segments && isJunkPath(segments)) return null
  const extension = extensionOf(path)
  if (extension !== '' && !IMAGE_EXTENSIONS.has(extension))
    return {
      path,
      bytes: null,
      problem: `Not a picture (.${extension} file): only ${FORMATS} files are scored.`,
    }
  if (!bytes || sniffImageFormat(bytes.subarray(0, 12)) === null)
    return {
      path,
      bytes: null,
      problem: `Not a picture: its bytes are not ${FORMATS}, whatever its name says. The file may be damaged.`,
    }
  return { path, bytes, problem: null }
}

/** Every file of a zip as a file to score, in the zip's order, folders and clutter left out. */
export function pictureFilesInZip(zip: Uint8Array): PictureFile[] {
  return readZipEntries(zip)
    .filter((entry) => !entry.isFolder)
    .map((entry) => pictureFile(entry.path, entry.bytes))
    .filter((file): file is PictureFile => file !== null)
}
