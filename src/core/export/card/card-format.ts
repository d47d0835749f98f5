/** Numbers as the card prints them: grouped thousands, at most `digits` decimals. */
export function cardNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞'
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value.toLocaleString('en-US')
  const abs = Math.abs(value)
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(2)
  return value.toLocaleString('en-US', { maximumFractionDigits: digits })
}

/** "+0.0012", "−0.0300", "0": a change with its sign, for metric deltas. */
export function cardChange(value: number, digits = 4): string {
  if (Number.isNaN(value)) return '—'
  if (value === 0) return '0'
  const text = Math.abs(value).toFixed(digits)
  if (Number(text) === 0)
    return value > 0
      ? `+<${(10 ** -digits).toFixed(digits)}`
      : `−<${(10 ** -digits).toFixed(digits)}`
  return `${value > 0 ? '+' : '−'}${text}`
}

export function cardPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`
}

/** "12.3 KB": a file size as a person reads it (powers of 1024). */
export function cardBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
