/**
 * Indices of at most `max` points spread evenly over a curve of `length` points, always keeping
 * the first, the last and each of `keep`: a chart of 100 000 test rows draws a few hundred points
 * that look the same, and the points an analyst acts on (the minimum, the KS gap) stay exact.
 */
export function thinIndices(length: number, max: number, keep: readonly number[] = []): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i)
  const chosen = new Set<number>(keep.filter((i) => i >= 0 && i < length))
  const step = (length - 1) / (max - 1)
  for (let k = 0; k < max; k++) chosen.add(Math.round(k * step))
  return [...chosen].sort((a, b) => a - b)
}
