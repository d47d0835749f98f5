/**
 * What a column means, beyond how it is stored. Storage stays two kinds (numbers in a
 * Float64Array, categories as codes); the type tells the profile, the grid and the recipe how
 * to read it: an identifier is never a feature, a date is split into parts, text is tokenised.
 *
 * Storage by type: numeric, integer and datetime (epoch milliseconds, UTC) are numeric columns;
 * categorical and text are categorical columns; boolean, identifier and constant keep whichever
 * storage the values came in.
 */
export const COLUMN_TYPES = [
  'numeric',
  'integer',
  'boolean',
  'categorical',
  'datetime',
  'text',
  'identifier',
  'constant',
] as const

export type ColumnType = (typeof COLUMN_TYPES)[number]

export interface ColumnTypeInfo {
  readonly type: ColumnType
  /** One sentence an analyst can check: "All 1,000 values are whole numbers from 4 to 72." */
  readonly reason: string
  /** True when the analyst chose the type instead of the inference. */
  readonly overridden?: boolean
}
