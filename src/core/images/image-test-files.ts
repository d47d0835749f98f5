// Real pictures for the image tests: the bundled handwritten digits, read from their zip.
import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'

const DIGITS_ZIP = new URL('../../../public/datasets/digits-images.zip', import.meta.url)

export function digitsZipBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(DIGITS_ZIP))
}

/** The first `n` digit PNGs, as {path, bytes}. */
export function digitPngs(n: number): { path: string; bytes: Uint8Array<ArrayBuffer> }[] {
  const files = unzipSync(digitsZipBytes())
  return Object.entries(files)
    .slice(0, n)
    .map(([path, bytes]) => ({ path, bytes: new Uint8Array(bytes) }))
}
