import type { ResizedImages, ResizeSpec } from '../core/images/prepare/rgba-image'

/** Messages the page sends to the image preparation worker; a newer request cancels an older one. */
export type ImagePrepareRequest =
  | {
      /** Decodes a few pictures to see whether they have colour, before a recipe is proposed. */
      readonly type: 'probe'
      readonly id: number
      readonly blobs: readonly Blob[]
    }
  | {
      /** Decodes every picture and resizes it as the recipe's resize step says. */
      readonly type: 'resize'
      readonly id: number
      readonly blobs: readonly Blob[]
      readonly labels: Int32Array
      readonly spec: ResizeSpec
    }

export type ImagePrepareReply =
  | {
      readonly type: 'progress'
      readonly id: number
      readonly done: number
      readonly total: number
    }
  | { readonly type: 'probed'; readonly id: number; readonly grey: boolean }
  | { readonly type: 'resized'; readonly id: number; readonly images: ResizedImages }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
