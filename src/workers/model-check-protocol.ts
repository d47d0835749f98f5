import type {
  QuantizationCheck,
  QuantizationCheckInput,
} from '../core/export/card/quantization-check'

export type ModelCheckRequest = QuantizationCheckInput

export type ModelCheckReply =
  | { readonly type: 'checked'; readonly check: QuantizationCheck }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string }
