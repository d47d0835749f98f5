import type { CategoryCount, TopCategories } from './profile-types'

export const TOP_CATEGORIES = 10

/**
 * The most frequent entries of `counts` (index → count) by one scan that keeps a short sorted
 * list, so a text column with a million distinct values is not sorted whole.
 */
export function topCategories(
  counts: ArrayLike<number>,
  label: (index: number) => string,
  limit = TOP_CATEGORIES,
): TopCategories {
  const best: number[] = []
  let present = 0
  let distinct = 0
  const before = (a: number, b: number): boolean => {
    const ca = counts[a] as number
    const cb = counts[b] as number
    return ca > cb || (ca === cb && label(a) < label(b))
  }
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number
    if (count <= 0) continue
    present += count
    distinct++
    if (best.length === limit && !before(i, best[limit - 1] as number)) continue
    let at = best.length === limit ? limit - 1 : best.length
    while (at > 0 && before(i, best[at - 1] as number)) {
      best[at] = best[at - 1] as number
      at--
    }
    best[at] = i
  }
  const top: CategoryCount[] = best.map((i) => ({ label: label(i), count: counts[i] as number }))
  const shown = top.reduce((sum, c) => sum + c.count, 0)
  return { top, otherCount: present - shown, otherDistinct: distinct - top.length }
}
