import type { PathedFile } from '../../../workers/image-protocol'

export interface DroppedTree {
  readonly files: PathedFile[]
  readonly folders: string[]
}

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject))

/** Every entry of a directory: readEntries answers in batches (about 100) until it answers none. */
async function childrenOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader()
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    )
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory
const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile

/** Walks dropped files and folders; paths are relative to the drop (no leading slash). */
export async function walkDroppedEntries(
  entries: readonly FileSystemEntry[],
): Promise<DroppedTree> {
  const tree: DroppedTree = { files: [], folders: [] }
  const visit = async (entry: FileSystemEntry): Promise<void> => {
    const path = entry.fullPath.replace(/^\/+/, '')
    if (isFile(entry)) tree.files.push({ path, file: await fileOf(entry) })
    else if (isDirectory(entry)) {
      tree.folders.push(`${path}/`)
      for (const child of await childrenOf(entry)) await visit(child)
    }
  }
  for (const entry of entries) await visit(entry)
  return tree
}

/** A lone .zip among what was dropped, if that is all there is. */
export function loneZip(files: readonly File[]): File | null {
  const [only] = files
  return files.length === 1 && only && /\.zip$/i.test(only.name) ? only : null
}
