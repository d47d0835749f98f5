import type { ImageDataset } from '../core/images/image-summary'

/** A file of a chosen or dropped folder, with its path below the folder the person picked. */
export interface PathedFile {
  readonly path: string
  readonly file: Blob
}

export type ImageRequest =
  | { readonly type: 'zip'; readonly zip: Blob; readonly name: string }
  | {
      readonly type: 'files'
      readonly files: readonly PathedFile[]
      /** Folders met while walking a drop, so empty ones can be reported. */
      readonly folders: readonly string[]
      readonly name: string
      readonly source: 'folder' | 'drop'
    }

export type ImageReply =
  | {
      readonly type: 'progress'
      readonly stage: 'reading' | 'decoding'
      readonly done: number
      readonly total: number
    }
  | { readonly type: 'done'; readonly dataset: ImageDataset }
  | { readonly type: 'error'; readonly message: string }
