import type { Column, Table } from './table'

/*
 * Duplicate rows, for the profile's count, the auto recipe's proposal and the drop-duplicates
 * step: one hashing scheme, so all three always agree on what a repeat is.
 */

/** One round of MurmurHash3's mixing: cheap, and spreads structured keys (ids, codes) well. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  h ^= Math.imul(k, 0x1b873593)
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

function finish(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

const NAN_KEY = 0x7ff80000

/**
 * A hash per live row of its cells; equal cells (every NaN alike, 0 and −0 alike) hash alike.
 * Column by column, so each inner loop reads one typed array of one kind.
 */
function rowHashes(columns: readonly Column[], live: Int32Array): Int32Array {
  const hashes = new Int32Array(live.length).fill(0x9747b28c)
  for (const column of columns) {
    if (column.kind === 'categorical') {
      const codes = column.codes
      for (let i = 0; i < live.length; i++)
        hashes[i] = mix(hashes[i] as number, codes[live[i] as number] as number)
      continue
    }
    const values = column.values
    // The two 32-bit halves of each double, read in place.
    const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2)
    for (let i = 0; i < live.length; i++) {
      const row = live[i] as number
      const v = values[row] as number
      const h = hashes[i] as number
      if (v !== v) hashes[i] = mix(h, NAN_KEY)
      else if (v === 0) hashes[i] = mix(h, 0)
      else hashes[i] = mix(mix(h, words[2 * row] as number), words[2 * row + 1] as number)
    }
  }
  for (let i = 0; i < hashes.length; i++) hashes[i] = finish(hashes[i] as number)
  return hashes
}

/** Cell-by-cell equality, for rows whose hashes collide. */
function sameRow(columns: readonly Column[], a: number, b: number): boolean {
  for (const column of columns) {
    if (column.kind === 'categorical') {
      if (column.codes[a] !== column.codes[b]) return false
      continue
    }
    const x = column.values[a] as number
    const y = column.values[b] as number
    if (x !== y && !(x !== x && y !== y)) return false
  }
  return true
}

/**
 * 1 for every live row equal, in `columns`, to a live row before it (pandas' `duplicated`, keep
 * 'first'). An open-addressing table of first occurrences keeps a million rows to a few typed
 * arrays instead of a million-entry Map.
 */
export function duplicateRows(
  columns: readonly Column[],
  liveRows: Int32Array,
  rowCount: number,
): Uint8Array {
  const remove = new Uint8Array(rowCount)
  let size = 16
  while (size < liveRows.length * 2) size *= 2
  const mask = size - 1
  const slotRow = new Int32Array(size).fill(-1)
  const slotHash = new Int32Array(size)
  const hashes = rowHashes(columns, liveRows)
  for (let i = 0; i < liveRows.length; i++) {
    const row = liveRows[i] as number
    const h = hashes[i] as number
    let slot = h & mask
    for (;;) {
      const first = slotRow[slot] as number
      if (first < 0) {
        slotRow[slot] = row
        slotHash[slot] = h
        break
      }
      if (slotHash[slot] === h && sameRow(columns, first, row)) {
        remove[row] = 1
        break
      }
      slot = (slot + 1) & mask
    }
  }
  return remove
}

/** Rows equal in every column to an earlier row (missing equals missing). */
export function countDuplicateRows(table: Table): number {
  if (table.rowCount < 2 || table.columns.length === 0) return 0
  const all = Int32Array.from({ length: table.rowCount }, (_, i) => i)
  let count = 0
  for (const flag of duplicateRows(table.columns, all, table.rowCount)) count += flag
  return count
}
