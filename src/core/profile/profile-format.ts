/** Figures inside warning sentences, written the way the rest of the studio writes them. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

export function formatShare(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`
}
