import type { SavedModelFiles } from '../core/export/model-files'
import type { OcclusionMap } from '../core/export/pictures/picture-occlusion'
import type { PictureAnswer } from '../core/export/pictures/picture-outputs'
import type { ScoredPicture } from '../core/export/pictures/picture-table'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { PathedFile } from './image-protocol'

/** The model a picture scoring worker holds: sent once, before any picture. */
export interface PictureScoreSetup {
  readonly model: SavedModelFiles
  readonly recipe: Recipe
}

export interface NamedPicture {
  readonly name: string
  readonly blob: Blob
}

export type PictureScoreRequest =
  | { readonly type: 'setup'; readonly setup: PictureScoreSetup }
  /** A few pictures to predict and explain, one card each. */
  | { readonly type: 'predict'; readonly id: number; readonly pictures: readonly NamedPicture[] }
  /** A zip or a folder of pictures: every file scored in chunks, one row each. */
  | {
      readonly type: 'batch'
      readonly id: number
      readonly source:
        | { readonly kind: 'zip'; readonly zip: Blob }
        | { readonly kind: 'files'; readonly files: readonly PathedFile[] }
    }

/** One predicted picture with what the model saw and why it answered as it did. */
export interface PredictedPicture {
  readonly name: string
  /** null when the file could not be read as a picture (`problem` says why). */
  readonly answer: PictureAnswer | null
  readonly problem: string | null
  /** The picture as the model sees it: resized, 0…255, height × width × channels. */
  readonly seen: {
    readonly width: number
    readonly height: number
    readonly channels: number
    readonly pixels: Uint8ClampedArray
  } | null
  readonly occlusion: OcclusionMap | null
}

export type PictureScoreReply =
  | {
      readonly type: 'predicted'
      readonly id: number
      readonly pictures: readonly PredictedPicture[]
    }
  | {
      readonly type: 'progress'
      readonly id: number
      readonly done: number
      readonly total: number
    }
  | { readonly type: 'scored'; readonly id: number; readonly rows: readonly ScoredPicture[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
