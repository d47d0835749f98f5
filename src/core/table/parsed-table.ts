import type { Table } from './table'

export interface ParsedTable {
  readonly table: Table
  /** Things the analyst should know that did not stop the load (renamed headers, ragged rows). */
  readonly warnings: string[]
}

/** An input problem the analyst can fix; its message says what to do. */
export class DataError extends Error {
  override readonly name = 'DataError'
}

/** Header cells made unique and non-empty, so every column can be named in the UI. */
export function cleanHeaders(raw: readonly string[], warnings: string[]): string[] {
  const used = new Set<string>()
  return raw.map((cell, i) => {
    let name = cell.trim()
    if (name === '') {
      name = `column_${i + 1}`
      warnings.push(`Column ${i + 1} had no header; it is called "${name}".`)
    }
    if (used.has(name)) {
      let n = 2
      while (used.has(`${name}_${n}`)) n++
      warnings.push(
        `The header "${name}" appears more than once; the repeat is called "${name}_${n}".`,
      )
      name = `${name}_${n}`
    }
    used.add(name)
    return name
  })
}
