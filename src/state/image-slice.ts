import type { ImageDataset } from '../core/images/image-summary'
import { loadImagesInWorker, type ImageProgress } from '../workers/image-client'
import type { ImageRequest, PathedFile } from '../workers/image-protocol'
import type { Slice } from './slice'

export interface ImageSlice {
  /** The image classification dataset; independent of the tabular `dataset`. */
  imageDataset: ImageDataset | null
  imageLoading: boolean
  /** How far the current load is (null when none runs or before the first report). */
  imageProgress: Pick<ImageProgress, 'stage' | 'done' | 'total'> | null
  /** The last load's problem; the image dataset already loaded stays as it was. */
  imageError: string | null
  /** Files of a folder chosen with a webkitdirectory input (paths from webkitRelativePath). */
  loadImageFiles: (files: readonly File[]) => Promise<void>
  /** Files found by walking a drop; `folders` are the directories met, for empty-folder notes. */
  loadImageEntries: (
    files: readonly PathedFile[],
    folders: readonly string[],
    name: string,
  ) => Promise<void>
  loadImageZip: (zip: Blob, name: string) => Promise<void>
}

export const createImageSlice: Slice<ImageSlice> = (set) => {
  // Only the latest load may land: a slow folder must not replace a zip chosen after it.
  let latest = 0
  const run = async (request: ImageRequest) => {
    const id = ++latest
    set({ imageLoading: true, imageError: null, imageProgress: null })
    try {
      const dataset = await loadImagesInWorker(request, ({ stage, done, total }) => {
        if (id === latest) set({ imageProgress: { stage, done, total } })
      })
      if (id === latest) set({ imageDataset: dataset, imageLoading: false, imageProgress: null })
    } catch (error) {
      if (id !== latest) return
      set({
        imageLoading: false,
        imageProgress: null,
        imageError: `Could not load "${request.name}": ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  }
  return {
    imageDataset: null,
    imageLoading: false,
    imageProgress: null,
    imageError: null,
    loadImageFiles: (files) => {
      const pathed = files.map((file) => ({
        path: file.webkitRelativePath || file.name,
        file,
      }))
      const root = pathed[0]?.path.split('/')[0] ?? 'Chosen folder'
      return run({ type: 'files', files: pathed, folders: [], name: root, source: 'folder' })
    },
    loadImageEntries: (files, folders, name) =>
      run({ type: 'files', files, folders, name, source: 'drop' }),
    loadImageZip: (zip, name) => run({ type: 'zip', zip, name }),
  }
}
