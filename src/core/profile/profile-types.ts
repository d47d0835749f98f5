import type { ColumnType } from '../table/column-type'
import type { ColumnKind } from '../table/table'

/** Order statistics with numpy/pandas "linear" interpolation between the two nearest ranks. */
export interface Quantiles {
  readonly p1: number
  readonly p5: number
  readonly p25: number
  readonly p50: number
  readonly p75: number
  readonly p95: number
  readonly p99: number
}

export interface NumericSummary {
  readonly min: number
  readonly max: number
  readonly mean: number
  /** Sample standard deviation (n − 1), as pandas and R report it. */
  readonly std: number
  /** Adjusted Fisher–Pearson skewness (pandas `skew`); 0 when undefined. */
  readonly skew: number
  readonly zeros: number
  /** Every present value is a whole number. */
  readonly wholeNumbers: boolean
  readonly quantiles: Quantiles
}

/**
 * Equal-width bins from `start`; the last bin includes its right edge (numpy convention). Whole
 * numbers get a whole-number width (bin i holds start + i·width … start + (i+1)·width − 1).
 */
export interface Histogram {
  readonly start: number
  readonly width: number
  readonly counts: readonly number[]
  /** True when each bin is one whole number (small integer ranges), so labels read as values. */
  readonly discrete: boolean
}

export interface CategoryCount {
  readonly label: string
  readonly count: number
}

export interface TopCategories {
  /** The most frequent values, most frequent first (ties by label). */
  readonly top: readonly CategoryCount[]
  /** Present cells outside `top`, and how many distinct values they hold. */
  readonly otherCount: number
  readonly otherDistinct: number
}

export interface ColumnProfile {
  readonly name: string
  readonly type: ColumnType
  readonly storage: ColumnKind
  readonly missing: number
  readonly distinct: number
  /** Numbers: the moments, quantiles and histogram (for datetimes in epoch ms). */
  readonly numeric?: NumericSummary
  readonly histogram?: Histogram
  /** Categories (and numbers read as categories: boolean, small integer codes). */
  readonly categories?: TopCategories
  /** Mean number of characters of present values, for categorical storage. */
  readonly meanLength?: number
}

export interface CorrelationMatrix {
  /** Numeric and integer columns that vary and are not identifiers or dates, in table order. */
  readonly columns: readonly string[]
  /** Pearson r over rows where both values are present, row-major n × n; NaN when undefined. */
  readonly values: readonly number[]
  /** Set when r was estimated from this many evenly spread rows instead of all of them. */
  readonly sampleRows?: number
  /** Eligible columns left out of a very wide table (only the first ones are correlated). */
  readonly omittedColumns?: number
}

export type WarningKind =
  | 'identifier'
  | 'constant'
  | 'high-cardinality'
  | 'missing'
  | 'skew'
  | 'correlated'
  | 'duplicates'
  | 'leakage'
  | 'imbalance'

export interface ProfileWarning {
  readonly kind: WarningKind
  /** The columns it is about (none for table-wide warnings such as duplicate rows). */
  readonly columns: readonly string[]
  /** What was found, with the figure that shows it. */
  readonly message: string
  /** What the analyst should do about it. */
  readonly advice: string
  readonly severity: 'warning' | 'info'
}

export interface TableProfile {
  readonly rowCount: number
  /** Rows identical in every column to an earlier row. */
  readonly duplicateRows: number
  readonly missingCells: number
  readonly columns: readonly ColumnProfile[]
  readonly correlation: CorrelationMatrix
  readonly warnings: readonly ProfileWarning[]
}

export interface ClassShare {
  readonly label: string
  readonly count: number
  readonly share: number
}

/** What the chosen target looks like, and which columns give it away. */
export interface TargetProfile {
  readonly target: string
  readonly task: 'binary' | 'multiclass' | 'regression' | null
  /** Classes, most frequent first, for classification targets. */
  readonly classes?: readonly ClassShare[]
  /** The target's own column profile (distribution for a numeric target). */
  readonly column: ColumnProfile
  readonly warnings: readonly ProfileWarning[]
}
