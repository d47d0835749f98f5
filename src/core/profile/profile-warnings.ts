import { formatCount, formatShare } from './profile-format'
import type { ColumnProfile, CorrelationMatrix, ProfileWarning } from './profile-types'

/** |r| at or above this and two inputs carry the same information. */
export const HIGH_CORRELATION = 0.95
/** Skewness beyond this (either way) distorts scaled inputs. */
const STRONG_SKEW = 2
const MANY_CATEGORIES = 100
const MAX_CORRELATION_WARNINGS = 10

/** What an analyst should know before modelling, most serious first. */
export function profileWarnings(
  rowCount: number,
  duplicateRows: number,
  columns: readonly ColumnProfile[],
  correlation: CorrelationMatrix,
): ProfileWarning[] {
  const warnings: ProfileWarning[] = []
  if (duplicateRows > 0) {
    warnings.push({
      kind: 'duplicates',
      columns: [],
      message: `${formatCount(duplicateRows)} rows (${formatShare(duplicateRows / rowCount)}) repeat an earlier row exactly.`,
      advice:
        'Check whether they are real repeats; if not, remove them so the test rows do not copy the training rows.',
      severity: 'warning',
    })
  }
  for (const column of columns) warnings.push(...columnWarnings(column, rowCount))
  warnings.push(...correlationWarnings(correlation))
  const rank = (w: ProfileWarning) => (w.severity === 'warning' ? 0 : 1)
  return warnings.sort((a, b) => rank(a) - rank(b))
}

function columnWarnings(c: ColumnProfile, rowCount: number): ProfileWarning[] {
  const present = rowCount - c.missing
  const name = `"${c.name}"`
  if (present === 0) {
    return [
      {
        kind: 'constant',
        columns: [c.name],
        message: `${name} is empty: every value is missing.`,
        advice: 'Leave it out of the inputs; it cannot help the model.',
        severity: 'warning',
      },
    ]
  }
  if (c.type === 'constant' || c.distinct === 1) {
    return [
      {
        kind: 'constant',
        columns: [c.name],
        message: `${name} has a single value${c.missing > 0 ? ' where present' : ''}.`,
        advice: 'Leave it out of the inputs; a constant cannot separate anything.',
        severity: 'warning',
      },
    ]
  }
  const warnings: ProfileWarning[] = []
  const allDistinct = c.distinct === present && present >= 20
  if (c.type === 'identifier') {
    warnings.push(
      identifierWarning(c, `${name} is an identifier: ${formatCount(c.distinct)} distinct values.`),
    )
  } else if (
    allDistinct &&
    (c.type === 'categorical' || ((c.type === 'integer' || c.type === 'numeric') && isRowNumber(c)))
  ) {
    warnings.push(
      identifierWarning(
        c,
        `${name} looks like an identifier: every one of its ${formatCount(present)} values is different.`,
      ),
    )
  } else if (
    c.type === 'categorical' &&
    (c.distinct > MANY_CATEGORIES || (c.distinct > 20 && c.distinct / present > 0.5))
  ) {
    warnings.push({
      kind: 'high-cardinality',
      columns: [c.name],
      message: `${name} has ${formatCount(c.distinct)} categories, very many for ${formatCount(present)} values.`,
      advice:
        'Group rare categories into "other", treat it as text, or leave it out: one-hot encoding would add a column per category.',
      severity: 'warning',
    })
  }
  const missingShare = c.missing / rowCount
  if (missingShare >= 0.2) {
    warnings.push({
      kind: 'missing',
      columns: [c.name],
      message: `${name} is missing in ${formatShare(missingShare)} of rows.`,
      advice:
        missingShare >= 0.5
          ? 'Consider leaving it out; if you keep it, impute it and add a "was missing" flag in Prepare.'
          : 'Impute it in Prepare (median or most frequent) and consider a "was missing" flag.',
      severity: missingShare >= 0.5 ? 'warning' : 'info',
    })
  }
  const skew = c.numeric?.skew ?? 0
  // Two-valued columns (0/1 flags) are skewed by their class shares, not by outliers.
  if (
    (c.type === 'numeric' || c.type === 'integer') &&
    c.distinct > 2 &&
    Math.abs(skew) >= STRONG_SKEW
  ) {
    const positive = (c.numeric?.min ?? -1) >= 0
    warnings.push({
      kind: 'skew',
      columns: [c.name],
      message: `${name} is strongly skewed (skewness ${skew.toFixed(1)}).`,
      advice:
        positive && skew > 0
          ? 'A log transform in Prepare makes its scale easier for the model.'
          : 'Consider clipping extreme values or a robust scaling in Prepare.',
      severity: 'info',
    })
  }
  return warnings
}

/**
 * Distinct whole numbers packed into a range about as long as the column, like 1…n: a row number
 * or sequential key. Distinct whole amounts spread over a wider range are ordinary quantities.
 */
function isRowNumber(c: ColumnProfile): boolean {
  const s = c.numeric
  return !!s && s.wholeNumbers && s.max - s.min + 1 <= 1.5 * c.distinct
}

function identifierWarning(c: ColumnProfile, message: string): ProfileWarning {
  return {
    kind: 'identifier',
    columns: [c.name],
    message,
    advice:
      'Leave it out of the inputs (set its type to identifier): a model would memorise rows instead of learning.',
    severity: 'warning',
  }
}

function correlationWarnings(matrix: CorrelationMatrix): ProfileWarning[] {
  const k = matrix.columns.length
  const pairs: { a: string; b: string; r: number }[] = []
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const r = matrix.values[i * k + j] as number
      if (Math.abs(r) >= HIGH_CORRELATION)
        pairs.push({ a: matrix.columns[i] as string, b: matrix.columns[j] as string, r })
    }
  }
  pairs.sort((x, y) => Math.abs(y.r) - Math.abs(x.r))
  const warnings: ProfileWarning[] = pairs
    .slice(0, MAX_CORRELATION_WARNINGS)
    .map(({ a, b, r }) => ({
      kind: 'correlated',
      columns: [a, b],
      message: `"${a}" and "${b}" are almost the same signal (r = ${r.toFixed(3)}).`,
      advice: 'Keep one of them as an input; the pair adds little over either alone.',
      severity: 'info',
    }))
  if (pairs.length > MAX_CORRELATION_WARNINGS) {
    const rest = pairs.slice(MAX_CORRELATION_WARNINGS)
    warnings.push({
      kind: 'correlated',
      columns: [...new Set(rest.flatMap((p) => [p.a, p.b]))],
      message: `${formatCount(rest.length)} more pairs of columns have |r| ≥ ${HIGH_CORRELATION}.`,
      advice: 'See the correlation heatmap and keep one column of each tight group.',
      severity: 'info',
    })
  }
  return warnings
}
