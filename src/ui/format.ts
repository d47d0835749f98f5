/** Numbers as an analyst reads them: grouped thousands, a sensible number of decimals. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value.toLocaleString('en-US')
  const abs = Math.abs(value)
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(2)
  return value.toLocaleString('en-US', { maximumFractionDigits: digits })
}

export function formatRate(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} samples/s`
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`
}
