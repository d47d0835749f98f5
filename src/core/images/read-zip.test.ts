import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { DataError } from '../table/parse-delimited'
import { digitPngs, digitsZipBytes } from './image-test-files'
import { DEFAULT_ZIP_LIMITS, readZipEntries } from './read-zip'

const pngs = digitPngs(3)
const central = (zip: Uint8Array) => {
  // The central directory header signature PK\x01\x02; sizes sit at offsets 20 and 24 after it.
  for (let i = zip.length - 4; i >= 0; i--)
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) return i
  throw new Error('no central directory')
}

describe('readZipEntries', () => {
  it('extracts pictures byte for byte and lists folders and other files without reading them', () => {
    const [a, b] = pngs
    if (!a || !b) throw new Error('fixture')
    const zip = zipSync({
      'pets/cats/': new Uint8Array(),
      'pets/cats/a.png': a.bytes,
      'pets/dogs/b.png': b.bytes,
      'pets/labels.csv': new TextEncoder().encode('x\n'),
    })
    const entries = readZipEntries(zip)
    expect(entries.map((e) => [e.path, e.isFolder])).toEqual([
      ['pets/cats/', true],
      ['pets/cats/a.png', false],
      ['pets/dogs/b.png', false],
      ['pets/labels.csv', false],
    ])
    expect(entries[1]?.bytes).toEqual(a.bytes)
    expect(entries[3]?.bytes).toBeNull()
  })

  it('reads the bundled digits zip whole', () => {
    const entries = readZipEntries(digitsZipBytes())
    expect(entries.filter((e) => e.bytes !== null).length).toBeGreaterThan(1700)
  })

  it('says a broken or cut-short zip is not readable', () => {
    const zip = digitsZipBytes()
    for (const broken of [new TextEncoder().encode('not a zip at all'), zip.slice(0, 5000)]) {
      expect(() => readZipEntries(broken)).toThrow(DataError)
      expect(() => readZipEntries(broken)).toThrow('This file is not a readable .zip')
    }
  })

  it('refuses a zip bomb by its expanded size before inflating it', () => {
    // 16 MB of zeros deflates to about 16 kB: a thousandfold bomb.
    const zeros = new Uint8Array(16 * 1024 * 1024)
    const bomb = zipSync({ 'a/x.png': zeros, 'b/y.png': zeros }, { level: 9 })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(() =>
      readZipEntries(bomb, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 20 * 1024 * 1024 }),
    ).toThrow('zip bomb')
  })

  it('refuses an entry that claims a huge size in the central directory', () => {
    const zip = zipSync({ 'a/x.png': pngs[0]?.bytes ?? new Uint8Array() })
    new DataView(zip.buffer).setUint32(central(zip) + 24, 0xfffffff0, true)
    expect(() => readZipEntries(zip)).toThrow('expands to 4,096 MB')
  })

  it('cuts short an entry that lies small about its size instead of growing', () => {
    const zip = zipSync({ 'a/x.png': new Uint8Array(1024 * 1024) }, { level: 9 })
    new DataView(zip.buffer).setUint32(central(zip) + 24, 100, true)
    const entries = readZipEntries(zip)
    expect(entries[0]?.bytes?.length).toBe(100)
  })

  it('refuses more entries than the limit', () => {
    const files = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`c/${i}.png`, new Uint8Array([i])]),
    )
    expect(() => readZipEntries(zipSync(files), { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 })).toThrow(
      'more than 10 entries',
    )
  })

  it('refuses a zip over the size the studio reads', () => {
    expect(() =>
      readZipEntries(digitsZipBytes(), { ...DEFAULT_ZIP_LIMITS, maxZipBytes: 1024 }),
    ).toThrow('the studio reads zips up to')
  })
})
