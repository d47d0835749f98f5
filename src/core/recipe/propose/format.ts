/** How the proposal writes numbers in its reasons: the way an analyst would say them. */

export const count = (n: number): string => n.toLocaleString('en-US')

/** 0.123 → "12%", 0.0094 → "0.9%", 0.0001 → "<0.1%". */
export function percent(fraction: number): string {
  const p = fraction * 100
  if (p >= 10) return `${Math.round(p)}%`
  if (p > 0 && p < 0.05) return '<0.1%'
  return `${Number(p.toFixed(1))}%`
}

/** A statistic to two significant decimals at most: 4.1834 → "4.2", −0.034 → "−0.03". */
export function stat(value: number): string {
  const abs = Math.abs(value)
  const text = abs >= 10 ? value.toFixed(0) : abs >= 1 ? value.toFixed(1) : value.toFixed(2)
  return text.replace('-', '−')
}

/** A value from the data, short: 68,900, 0.33, 1,459. */
export function value(v: number): string {
  if (Number.isInteger(v)) return count(v)
  const abs = Math.abs(v)
  if (abs >= 1000) return count(Math.round(v))
  return v.toLocaleString('en-US', { maximumSignificantDigits: 3 })
}

export function quotedList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ')
}

/** "has" or "have" after a list of names. */
export const has = (names: readonly unknown[]): string => (names.length > 1 ? 'have' : 'has')
