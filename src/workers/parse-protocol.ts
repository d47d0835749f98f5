import type { ColumnTypeInfo } from '../core/table/column-type'
import type { TableProfile } from '../core/profile/profile-types'
import type { LoadProgress } from '../core/table/read-delimited-blob'
import type { Table } from '../core/table/table'
import type { WireTable } from './packed-categories'

export interface ParseRequest {
  readonly file: Blob
  /** The file's name: with the first bytes it tells the format. */
  readonly name: string
  /** The worksheet of a workbook to read (the first when not given). */
  readonly sheet?: string
}

export interface ParseResult {
  readonly table: Table
  readonly warnings: string[]
  /** Inferred type of each column, in table order. */
  readonly types: readonly ColumnTypeInfo[]
  readonly profile: TableProfile
  readonly sheets?: { readonly names: readonly string[]; readonly current: string }
}

/** The result as it crosses from the worker: big category lists packed (packed-categories.ts). */
export interface WireResult extends Omit<ParseResult, 'table'> {
  readonly table: WireTable
}

export type ParseMessage =
  | { readonly type: 'progress'; readonly progress: LoadProgress }
  | { readonly type: 'done'; readonly result: WireResult }
  | { readonly type: 'failed'; readonly message: string }
