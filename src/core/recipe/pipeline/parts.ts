/** Row numbers of the training, validation and test data while a recipe is being prepared. */
export interface Parts {
  readonly train: Int32Array
  readonly validation: Int32Array
  readonly test: Int32Array
}

export type PartName = keyof Parts

export const PART_NAMES: readonly PartName[] = ['train', 'validation', 'test']

/** Every live row, ascending: what a step applies to. */
export function liveRows(parts: Parts): Int32Array {
  return ascendingRows([parts.train, parts.validation, parts.test])
}

/**
 * The rows of several lists together, ascending, repeats kept. Row numbers are small dense
 * integers, so a counting pass replaces the sort (a million rows: a few milliseconds, not a
 * tenth of a second per step); sparse lists, where counting would walk mostly empty slots, sort.
 */
export function ascendingRows(lists: readonly Int32Array[]): Int32Array {
  let total = 0
  let max = -1
  for (const list of lists) {
    total += list.length
    for (let i = 0; i < list.length; i++) if ((list[i] as number) > max) max = list[i] as number
  }
  const out = new Int32Array(total)
  if (max + 1 > 4 * total + 1024) {
    let at = 0
    for (const list of lists) {
      out.set(list, at)
      at += list.length
    }
    return out.sort()
  }
  const counts = new Int32Array(max + 1)
  for (const list of lists)
    for (let i = 0; i < list.length; i++)
      counts[list[i] as number] = (counts[list[i] as number] as number) + 1
  let at = 0
  for (let row = 0; row <= max; row++)
    for (let c = counts[row] as number; c > 0; c--) out[at++] = row
  return out
}

export function withoutRows(rows: Int32Array, remove: Uint8Array): Int32Array {
  let kept = 0
  for (let i = 0; i < rows.length; i++) if (remove[rows[i] as number] !== 1) kept++
  if (kept === rows.length) return rows
  const out = new Int32Array(kept)
  let at = 0
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number
    if (remove[row] !== 1) out[at++] = row
  }
  return out
}
