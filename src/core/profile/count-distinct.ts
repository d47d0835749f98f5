/**
 * Exact count of distinct numbers among the first `n` values (no NaN, no −0), by an open-
 * addressing hash set on the values' bits: a JavaScript Set of a million doubles is several times
 * slower and allocates far more. The table starts cache-sized and doubles at half load, so a
 * column of a few thousand prices never touches a 16 MB table.
 */
export function countDistinctNumbers(values: Float64Array, n: number): number {
  if (n === 0) return 0
  const bits = new Int32Array(values.buffer, values.byteOffset, n * 2)
  // Size the table from the repeats in a first stretch (birthday estimate D ≈ k² / 2·repeats), so
  // a million measurements do not grow through every size and 100,000 prices stay cache-sized.
  let capacity = 1 << 12
  const k = 8192
  if (n > 4 * k) {
    const repeats = k - countDistinctNumbers(values.subarray(0, k), k)
    const estimate = repeats > 0 ? (k * k) / (2 * repeats) : n
    while (capacity < 2 * Math.min(n, 2 * estimate)) capacity *= 2
  }
  let mask = capacity - 1
  // NaN marks an empty slot: one memory read per probe instead of a key and a flag.
  let keys: Float64Array = new Float64Array(capacity).fill(Number.NaN)
  let distinct = 0
  for (let i = 0; i < n; i++) {
    const v = values[i] as number
    let slot = mixBits(bits[2 * i] as number, bits[2 * i + 1] as number) & mask
    for (;;) {
      const key = keys[slot] as number
      if (key !== key) {
        keys[slot] = v
        distinct++
        break
      }
      if (key === v) break
      slot = (slot + 1) & mask
    }
    if (distinct * 2 > capacity) {
      capacity *= 2
      mask = capacity - 1
      keys = rehash(keys, capacity)
    }
  }
  return distinct
}

function rehash(old: Float64Array, capacity: number): Float64Array {
  const keys = new Float64Array(capacity).fill(Number.NaN)
  const mask = capacity - 1
  const cell = new Float64Array(1)
  const cellBits = new Int32Array(cell.buffer)
  for (const v of old) {
    if (v !== v) continue
    cell[0] = v
    let slot = mixBits(cellBits[0] as number, cellBits[1] as number) & mask
    while (!Number.isNaN(keys[slot])) slot = (slot + 1) & mask
    keys[slot] = v
  }
  return keys
}

/** A 32-bit mix of a double's two halves (murmur3 finaliser). */
export function mixBits(lo: number, hi: number): number {
  let h = lo ^ Math.imul(hi, 0x9e3779b1)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Distinct present categories and the count of each code (index = code). */
export function countCodes(codes: Int32Array, categoryCount: number): Int32Array {
  const counts = new Int32Array(categoryCount)
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number
    if (code >= 0) counts[code] = (counts[code] as number) + 1
  }
  return counts
}
