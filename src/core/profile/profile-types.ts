// Contract placeholder: the profile helper replaces this file with the full profile types.
export interface ColumnProfile {
  readonly name: string
  readonly missing: number
  readonly distinct: number
}

export interface TableProfile {
  readonly rowCount: number
  readonly duplicateRows: number
  readonly columns: readonly ColumnProfile[]
}
