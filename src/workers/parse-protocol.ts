import type { ParsedTable } from '../core/table/parse-delimited'

export interface ParseRequest {
  readonly file: Blob
  /** The file's name: its extension tells JSON from delimited text. */
  readonly name: string
}

export type ParseReply =
  | { readonly ok: true; readonly parsed: ParsedTable }
  | { readonly ok: false; readonly message: string }
