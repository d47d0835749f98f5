import { DelimitedReader } from './delimited-reader'
import type { ParsedTable } from './parsed-table'

// Where these lived before the streaming reader; parsers and tests import them from here.
export { cleanHeaders, DataError, type ParsedTable } from './parsed-table'

/**
 * Parses CSV/TSV text whose first row is the header (or, when it looks like data, generated
 * names). The delimiter is detected and quoting handled; rows shorter than the header are padded
 * with missing cells and longer ones are cut, each reported as a warning rather than silently
 * shifting values into the wrong column. Big files go through `readDelimitedBlob` instead.
 */
export function parseDelimitedText(text: string): ParsedTable {
  const reader = new DelimitedReader(text.length)
  reader.push(text, true)
  return reader.finish()
}
