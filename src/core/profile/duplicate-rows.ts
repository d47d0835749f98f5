import type { Column, Table } from '../table/table'
import { mixBits } from './count-distinct'

/**
 * Rows equal in every column to an earlier row (missing equals missing). Each row gets a 32-bit
 * hash built column by column (sequential reads), then an open-addressing table of first
 * occurrences finds repeats; equal hashes are confirmed cell by cell, so collisions never count.
 */
export function countDuplicateRows(table: Table): number {
  const n = table.rowCount
  if (n < 2 || table.columns.length === 0) return 0
  const hashes = new Int32Array(n)
  table.columns.forEach((column, c) => {
    const salt = Math.imul(c + 1, 0x27d4eb2d)
    if (column.kind === 'categorical') {
      const codes = column.codes
      for (let i = 0; i < n; i++) {
        hashes[i] = Math.imul((hashes[i] as number) ^ salt ^ (codes[i] as number), 0x9e3779b1)
      }
    } else {
      const values = column.values
      const bits = new Int32Array(values.buffer, values.byteOffset, n * 2)
      for (let i = 0; i < n; i++) {
        const v = values[i] as number
        // Every NaN and both zeros hash alike, whatever their bit patterns.
        const lo = v === 0 || v !== v ? 0 : (bits[2 * i] as number)
        const hi = v === 0 ? 0 : v !== v ? 0x7ff80000 : (bits[2 * i + 1] as number)
        const h = Math.imul((hashes[i] as number) ^ salt ^ lo, 0x9e3779b1)
        hashes[i] = Math.imul(h ^ hi, 0x85ebca6b)
      }
    }
  })
  let capacity = 16
  while (capacity < n * 2) capacity *= 2
  const mask = capacity - 1
  const firstRow = new Int32Array(capacity).fill(-1)
  let duplicates = 0
  for (let i = 0; i < n; i++) hashes[i] = mixBits(hashes[i] as number, 0)
  for (let i = 0; i < n; i++) {
    const h = hashes[i] as number
    let slot = h & mask
    for (;;) {
      const j = firstRow[slot] as number
      if (j < 0) {
        firstRow[slot] = i
        break
      }
      if (hashes[j] === h && rowsEqual(table.columns, i, j)) {
        duplicates++
        break
      }
      slot = (slot + 1) & mask
    }
  }
  return duplicates
}

function rowsEqual(columns: readonly Column[], a: number, b: number): boolean {
  for (const column of columns) {
    if (column.kind === 'categorical') {
      if (column.codes[a] !== column.codes[b]) return false
    } else {
      const x = column.values[a] as number
      const y = column.values[b] as number
      if (x !== y && !(x !== x && y !== y)) return false
    }
  }
  return true
}
