/** How the bytes of a text file were read. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  readonly text: string
  readonly encoding: TextEncodingName
}

/**
 * Reads a text file's bytes whatever the spreadsheet saved them as: a byte-order mark decides
 * when there is one; UTF-16 without one shows as zero bytes in every other place; otherwise
 * UTF-8, and where the bytes are not valid UTF-8, Windows-1252 (the Latin-1 superset Excel
 * writes on Western systems), so "café" never turns into "caf�".
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  const utf16 = guessUtf16(bytes)
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
  }
}

/**
 * The encoding to stream a file with, judged from its first kilobytes: a byte-order mark, or
 * UTF-16's zero bytes, else UTF-8 (a reader falls back to Windows-1252 when the bytes turn out
 * not to be valid UTF-8).
 */
export function detectEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  return guessUtf16(head) ?? 'utf-8'
}

/** How a note names an encoding that was not UTF-8; null for UTF-8. */
export function encodingNote(encoding: TextEncodingName): string | null {
  if (encoding === 'utf-8') return null
  const label = encoding === 'windows-1252' ? 'Latin-1 (Windows-1252)' : encoding.toUpperCase()
  return `The file was read as ${label} text.`
}

/** ASCII text in UTF-16 has a zero in every other byte: count them in the first few kilobytes. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}
