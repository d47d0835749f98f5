import type { ColumnTypeInfo } from '../core/table/column-type'
import type { ParsedTable } from '../core/table/parse-delimited'
import type { TableProfile } from '../core/profile/profile-types'

export interface ParseRequest {
  readonly file: Blob
  /** The file's name: its extension tells JSON from delimited text. */
  readonly name: string
}

export type ParseReply =
  | {
      readonly ok: true
      readonly parsed: ParsedTable
      /** Inferred type of each column, in table order. */
      readonly types: readonly ColumnTypeInfo[]
      readonly profile: TableProfile
    }
  | { readonly ok: false; readonly message: string }
