import type { ParsedTable } from '../core/table/parse-delimited'

export interface ParseRequest {
  readonly file: Blob
}

export type ParseReply =
  | { readonly ok: true; readonly parsed: ParsedTable }
  | { readonly ok: false; readonly message: string }
