import { useStudio } from '../../../state/studio-store'
import { loneZip, walkDroppedEntries } from './walk-drop'

/** What a drop holds, taken during the event: the DataTransfer is emptied once it returns. */
export interface Drop {
  readonly entries: FileSystemEntry[]
  readonly files: File[]
}

export function takeDrop(data: DataTransfer): Drop {
  return {
    entries: [...data.items].map((item) => item.webkitGetAsEntry()).filter((e) => e !== null),
    files: [...data.files],
  }
}

/** A lone .zip or any folder: what only the image loader can read. */
export function isImageDrop(drop: Drop): boolean {
  return loneZip(drop.files) !== null || drop.entries.some((entry) => entry.isDirectory)
}

/** Loads a drop as an image dataset: a lone .zip, or files and folders walked recursively. */
export async function loadImageDrop({ entries, files }: Drop): Promise<void> {
  const studio = useStudio.getState()
  const zip = loneZip(files)
  if (zip) return studio.loadImageZip(zip, zip.name)
  try {
    const tree =
      entries.length > 0
        ? await walkDroppedEntries(entries)
        : { files: files.map((file) => ({ path: file.name, file })), folders: [] }
    const [only] = entries
    const name = entries.length === 1 && only?.isDirectory ? only.name : 'Dropped files'
    await studio.loadImageEntries(tree.files, tree.folders, name)
  } catch (error) {
    useStudio.setState({
      imageError: `The dropped files could not be read (${error instanceof Error ? error.message : String(error)}). Try "Choose a folder" or a .zip instead.`,
    })
  }
}
