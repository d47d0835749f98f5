import type { Draft } from './draft'
import { percent, quotedList, stat, value } from './format'
import type { NumericProfile } from './numeric-profile'

export interface ProfiledColumn {
  readonly name: string
  readonly profile: NumericProfile
}

/** Skewness above this reads as a long right tail (money amounts, counts of events). */
export const LOG_SKEW = 2
/** …when the top 1% also lies this many times above the median: the values span a wide range. */
const TAIL_RATIO = 3
/** Far-out values (beyond 3 IQRs) are capped only when they are this rare… */
const MAX_CLIPPED_SHARE = 0.01
/** …and the farthest is at least this many IQRs out: stray values, not a long tail. */
const MIN_FARTHEST_IQRS = 10

/**
 * log(1 + x) suits non-negative values with a long right tail that spans a wide range. It is
 * not proposed when most values are 0 (the spike stays a spike), when values are small ratios
 * (log1p is nearly linear below 1, so the tail is barely shortened), or when the log would not
 * at least halve the skew (zeros far left of large amounts make a new tail).
 */
function wantsLog1p(p: NumericProfile): boolean {
  return (
    p.min >= 0 &&
    p.distinct > 2 &&
    p.skew > LOG_SKEW &&
    p.median > 0 &&
    p.p99 >= TAIL_RATIO * p.median &&
    Math.abs(p.log1pSkew) <= p.skew / 2
  )
}

export function proposeLog1p(columns: readonly ProfiledColumn[]): Draft<'log1p'> | null {
  const chosen = columns.filter((c) => wantsLog1p(c.profile))
  if (chosen.length === 0) return null
  const each = chosen.map(({ name, profile: p }) => {
    const ratio = p.p99 / p.median
    return `"${name}" (skew ${stat(p.skew)}; the top 1% is above ${value(p.p99)}, ${stat(ratio)}× the median of ${value(p.median)}; skew ${stat(p.log1pSkew)} after)`
  })
  return {
    op: 'log1p',
    columns: chosen.map((c) => c.name),
    why: `Long right tails, as money amounts and counts have: ${each.join(', ')}. log(1 + x) evens them out, so after scaling the few largest values no longer squeeze the rest into a narrow band.`,
  }
}

/**
 * Capping is kept for stray values: a handful of far-out values, far beyond the rest (such as
 * a payment-to-income ratio of 3 among ratios near 0.3). A long but populated tail is real
 * information and is left alone; the default recipe never drops rows for being unusual.
 */
function wantsClip(p: NumericProfile): boolean {
  return (
    p.distinct > 2 &&
    p.farOut > 0 &&
    p.farOut <= MAX_CLIPPED_SHARE * p.present &&
    p.farthestIqrs >= MIN_FARTHEST_IQRS
  )
}

export function proposeClip(columns: readonly ProfiledColumn[]): Draft<'outliers'> | null {
  const chosen = columns.filter((c) => wantsClip(c.profile))
  if (chosen.length === 0) return null
  const each = chosen.map(({ name, profile: p }) => {
    const farthest = p.max - p.q3 >= p.q1 - p.min ? p.max : p.min
    return `"${name}" has ${p.farOut} (${percent(p.farOut / p.present)}) more than 3 IQRs beyond its quartiles, the farthest ${stat(p.farthestIqrs)} IQRs out (${value(farthest)} against a median of ${value(p.median)})`
  })
  const names = chosen.map((c) => c.name)
  return {
    op: 'outliers',
    columns: names,
    method: 'iqr',
    threshold: 3,
    action: 'clip',
    why: `${each.join('; ')}. So few values so far out look like entry errors or freak cases, and would stretch the scale of ${quotedList(names)}: they are capped at the training bounds q1 − 3·IQR and q3 + 3·IQR, and no row is dropped. Switch this off if the extremes are real and matter.`,
  }
}
