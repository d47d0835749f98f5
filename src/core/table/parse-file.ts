import { decodeText } from './decode-text'
import { parseDelimitedText, type ParsedTable } from './parse-delimited'
import { parseJsonText } from './parse-json'

const JSON_EXTENSIONS = /\.(json|jsonl|ndjson)$/i

/**
 * Any supported text file, by name and content: JSON (array or JSON Lines) or delimited text,
 * in whatever encoding it was saved. The encoding read shows as a note when it was not UTF-8.
 */
export function parseFileBytes(bytes: Uint8Array, fileName: string): ParsedTable {
  const { text, encoding } = decodeText(bytes)
  const start = text.trimStart()[0]
  const looksJson = JSON_EXTENSIONS.test(fileName) || start === '[' || start === '{'
  const parsed = looksJson ? parseJsonText(text) : parseDelimitedText(text)
  if (encoding === 'utf-8') return parsed
  const label = encoding === 'windows-1252' ? 'Latin-1 (Windows-1252)' : encoding.toUpperCase()
  return { ...parsed, warnings: [`The file was read as ${label} text.`, ...parsed.warnings] }
}
