import type { Column, Table } from '../../table/table'

const scratch = new Float64Array(1)
const bits = new Uint32Array(scratch.buffer)

/** Whether two rows hold the same value in every column (missing equals missing). */
function sameRow(columns: readonly Column[], a: number, b: number): boolean {
  for (const c of columns) {
    if (c.kind === 'numeric') {
      const x = c.values[a] as number
      const y = c.values[b] as number
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false
    } else if (c.codes[a] !== c.codes[b]) return false
  }
  return true
}

/**
 * Rows that repeat an earlier row exactly, in every column. Rows are bucketed by a hash of their
 * cells and compared only within a bucket, so a million rows cost one pass and no row strings.
 */
export function countDuplicateRows(table: Table): number {
  const buckets = new Map<number, number[]>()
  let duplicates = 0
  for (let row = 0; row < table.rowCount; row++) {
    let h = 0x811c9dc5
    for (const c of table.columns) {
      if (c.kind === 'numeric') {
        const v = c.values[row] as number
        // One bit pattern for every NaN and for −0, which equal their twins in sameRow.
        scratch[0] = Number.isNaN(v) ? Number.NaN : v === 0 ? 0 : v
        h = Math.imul(h ^ (bits[0] as number), 0x01000193)
        h = Math.imul(h ^ (bits[1] as number), 0x01000193)
      } else {
        h = Math.imul(h ^ (c.codes[row] as number), 0x01000193)
      }
    }
    const bucket = buckets.get(h)
    if (!bucket) buckets.set(h, [row])
    else if (bucket.some((other) => sameRow(table.columns, other, row))) duplicates++
    else bucket.push(row)
  }
  return duplicates
}
