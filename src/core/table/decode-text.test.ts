import { describe, expect, it } from 'vitest'
import { decodeText } from './decode-text'

const CSV = 'name,city\nRenée,Zürich\n'

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2)
  const view = new DataView(bytes.buffer)
  let at = 0
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian)
    at = 2
  }
  for (let i = 0; i < text.length; i++) view.setUint16(at + i * 2, text.charCodeAt(i), littleEndian)
  return bytes
}

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const plain = new TextEncoder().encode(CSV)
    expect(decodeText(plain)).toEqual({ text: CSV, encoding: 'utf-8' })
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain])
    expect(decodeText(withBom)).toEqual({ text: CSV, encoding: 'utf-8' })
  })

  it('reads UTF-16 in both byte orders, with a mark or recognised by its zero bytes', () => {
    for (const littleEndian of [true, false]) {
      for (const bom of [true, false]) {
        const decoded = decodeText(utf16(CSV, littleEndian, bom))
        expect(decoded.text).toBe(CSV)
        expect(decoded.encoding).toBe(littleEndian ? 'utf-16le' : 'utf-16be')
      }
    }
  })

  it('falls back to Windows-1252 for Latin-1 bytes that are not valid UTF-8', () => {
    // "Renée,Zürich" as Excel saves it on a Western Windows machine: é = 0xE9, ü = 0xFC.
    const latin1 = Uint8Array.from(CSV, (c) => c.charCodeAt(0))
    expect(decodeText(latin1)).toEqual({ text: CSV, encoding: 'windows-1252' })
  })
})
