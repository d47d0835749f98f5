import type { Column, Table } from '../../table/table'

/** Whether two rows hold the same value in every column (missing equals missing). */
function sameRow(columns: readonly Column[], a: number, b: number): boolean {
  for (const c of columns) {
    if (c.kind === 'numeric') {
      const x = c.values[a] as number
      const y = c.values[b] as number
      if (x !== y && !(x !== x && y !== y)) return false
    } else if (c.codes[a] !== c.codes[b]) return false
  }
  return true
}

const mix = (h: number, x: number): number => {
  const k = Math.imul(x, 0xcc9e2d51)
  return Math.imul((h ^ ((k << 15) | (k >>> 17))) >>> 0, 0x1b873593) >>> 0
}

/** A hash of every row's cells, filled column by column (each column is read in order). */
function rowHashes(table: Table): Uint32Array {
  const hashes = new Uint32Array(table.rowCount)
  for (const c of table.columns) {
    if (c.kind === 'categorical') {
      for (let row = 0; row < table.rowCount; row++)
        hashes[row] = mix(hashes[row] as number, c.codes[row] as number)
      continue
    }
    const bits = new Uint32Array(c.values.buffer, c.values.byteOffset, c.values.length * 2)
    for (let row = 0; row < table.rowCount; row++) {
      const v = c.values[row] as number
      // Every NaN hashes alike, and −0 like 0, as sameRow compares them.
      const lo = v !== v ? 1 : v === 0 ? 0 : (bits[2 * row] as number)
      const hi = v !== v ? 0x7ff80000 : v === 0 ? 0 : (bits[2 * row + 1] as number)
      hashes[row] = mix(mix(hashes[row] as number, lo), hi)
    }
  }
  return hashes
}

/**
 * Rows that repeat an earlier row exactly, in every column. Rows are hashed into an
 * open-addressing table and compared cell by cell only when their hashes match, so a million
 * rows cost a few linear passes and no row strings.
 */
export function countDuplicateRows(table: Table): number {
  const n = table.rowCount
  const hashes = rowHashes(table)
  let size = 1
  while (size < 2 * n) size *= 2
  const mask = size - 1
  const slots = new Int32Array(size).fill(-1)
  let duplicates = 0
  for (let row = 0; row < n; row++) {
    const h = hashes[row] as number
    let at = (h ^ (h >>> 16)) & mask
    let repeat = false
    for (let other = slots[at] as number; other !== -1; other = slots[at] as number) {
      if (hashes[other] === h && sameRow(table.columns, other, row)) {
        repeat = true
        break
      }
      at = (at + 1) & mask
    }
    if (repeat) duplicates++
    else slots[at] = row
  }
  return duplicates
}
