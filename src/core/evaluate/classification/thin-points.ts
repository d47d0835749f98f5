/**
 * Indices of at most `max` points spread evenly over `count`, first and last kept: a curve over
 * tens of thousands of distinct scores draws the same shape from a few hundred points, and SVG
 * with every point would make the page slow. The numbers themselves are never thinned.
 */
export function thinnedIndices(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i)
  const step = (count - 1) / (max - 1)
  return Array.from({ length: max }, (_, i) => Math.round(i * step))
}
