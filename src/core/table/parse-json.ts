import { tableFromRecords, type ParsedWithSources } from './from-values'
import { DataError } from './parsed-table'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Records from a JSON array of objects, or from JSON Lines (one object per line). */
function readRecords(text: string): unknown[] {
  const body = text.trim()
  if (body.startsWith('[')) {
    try {
      return JSON.parse(body) as unknown[]
    } catch (error) {
      throw new DataError(
        `This JSON file could not be read (${error instanceof Error ? error.message : String(error)}). Check that it is a complete array of records.`,
      )
    }
  }
  return body
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      try {
        return JSON.parse(line) as unknown
      } catch {
        throw new DataError(
          `Line ${number} of this JSON Lines file is not valid JSON. Each line must hold one record like {"age": 42, "income": 3100}.`,
        )
      }
    })
}

/**
 * Parses JSON records into a table: the columns are every key seen, in first-seen order; a
 * record without a key has a missing cell there.
 */
export function parseJsonText(text: string): ParsedWithSources {
  const records = readRecords(text)
  if (records.length === 0) throw new DataError('The JSON file holds no records.')
  const keys: string[] = []
  const seen = new Set<string>()
  records.forEach((record, i) => {
    if (!isRecord(record)) {
      throw new DataError(
        `Record ${i + 1} is not an object with named fields. Use an array of records like [{"age": 42, "income": 3100}, …].`,
      )
    }
    for (const key of Object.keys(record)) {
      if (!seen.has(key)) {
        seen.add(key)
        keys.push(key)
      }
    }
  })
  return tableFromRecords(records as Record<string, unknown>[], keys)
}
