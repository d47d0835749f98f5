import type {
  QuantizationCheck,
  QuantizationCheckInput,
} from '../core/export/card/quantization-check'
import type { PictureQuantizationInput } from '../core/export/pictures/picture-quantization'

/** A table model's test rows, or a picture model's test pictures, to score per weight storage. */
export type ModelCheckRequest =
  | ({ readonly kind: 'table' } & QuantizationCheckInput)
  | ({ readonly kind: 'pictures' } & PictureQuantizationInput)

export type ModelCheckReply =
  | { readonly type: 'checked'; readonly check: QuantizationCheck }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string }
