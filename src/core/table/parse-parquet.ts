import { DataError } from './parse-delimited'

/** A Parquet file as columns of values: typed arrays where the file allows, else arrays. */
export interface ParquetColumns {
  readonly columns: { name: string; values: ArrayLike<unknown> }[]
  readonly rowCount: number
}

interface Chunk {
  readonly rowStart: number
  readonly data: ArrayLike<unknown>
}

const MAGIC = 'PAR1'
// Files written with Parquet modular encryption end in "PARE" instead of "PAR1".
const ENCRYPTED_MAGIC = 'PARE'
const REWRITE =
  'Write it again from your tool (pandas, Spark, DuckDB…) with Snappy, gzip or Zstandard compression, or export it as CSV.'

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes)
}

function looksLikeText(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32)
}

function damaged(): DataError {
  return new DataError(
    `The Parquet file is damaged or incomplete: it may have been cut off while downloading or copying. ${REWRITE}`,
  )
}

/** Refuses, with what to do, anything that cannot be a complete Parquet file. */
function checkContainer(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw new DataError('The file is empty. Choose a Parquet file that has data in it.')
  }
  const head = ascii(bytes.subarray(0, 4))
  const tail = ascii(bytes.subarray(bytes.length - 4))
  if (head !== MAGIC && head !== ENCRYPTED_MAGIC) {
    throw new DataError(
      looksLikeText(bytes)
        ? 'This file is named like a Parquet file but contains plain text. If it is a CSV, rename it to .csv and load it again.'
        : `This file is not a Parquet file. ${REWRITE}`,
    )
  }
  if (tail === ENCRYPTED_MAGIC) {
    throw new DataError(
      'This Parquet file is encrypted, so it cannot be read here. Write it again without encryption, or export it as CSV.',
    )
  }
  if (tail !== MAGIC || bytes.length < 12) throw damaged()
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * INT64 values arrive as BigInt. A column whose values all fit in a double becomes numbers; one
 * holding any larger value (ids, hashes, nanosecond counters) becomes exact decimal strings for
 * the whole column, because rounding would silently merge distinct ids.
 */
function fromBigInts(values: ArrayLike<unknown>): ArrayLike<unknown> {
  let safe = true
  let nulls = false
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (typeof v === 'bigint') {
      if (v > MAX_SAFE || v < -MAX_SAFE) safe = false
    } else nulls = true
  }
  if (!safe) {
    return Array.from(values, (v) => (typeof v === 'bigint' ? v.toString() : null))
  }
  if (!nulls) return Float64Array.from(values as ArrayLike<bigint>, Number)
  return Array.from(values, (v) => (typeof v === 'bigint' ? Number(v) : null))
}

function hasBigInt(values: ArrayLike<unknown>): boolean {
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return true
  for (let i = 0; i < values.length; i++) if (typeof values[i] === 'bigint') return true
  return false
}

/** Anything that is not a plain cell (a list, a struct, bytes) as text the grid can show. */
function plainCell(value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (typeof value !== 'object' || value instanceof Date) return value
  if (value instanceof Uint8Array) {
    return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')
  }
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
}

type NumericArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Int8Array
type NumericArrayType = new (length: number) => NumericArray

function numericArrayType(data: ArrayLike<unknown>): NumericArrayType | null {
  for (const type of [Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Int8Array]) {
    if (data instanceof type) return type
  }
  return null
}

/** One column's chunks, from every row group, stitched into a single array in row order. */
function stitch(chunks: readonly Chunk[], rowCount: number): ArrayLike<unknown> {
  const type = chunks[0] ? numericArrayType(chunks[0].data) : null
  if (type && chunks.every((chunk) => chunk.data instanceof type)) {
    const out = new type(rowCount)
    for (const { rowStart, data } of chunks) {
      out.set((data as NumericArray).subarray(0, rowCount - rowStart), rowStart)
    }
    return out
  }
  const out = new Array<unknown>(rowCount).fill(null)
  for (const { rowStart, data } of chunks) {
    const end = Math.min(data.length, rowCount - rowStart)
    for (let i = 0; i < end; i++) out[rowStart + i] = data[i]
  }
  if (hasBigInt(out)) return fromBigInts(out)
  return out.map(plainCell)
}

function readError(error: unknown): DataError {
  const message = error instanceof Error ? error.message : String(error)
  const codec = /unsupported compression codec: (\w+)/.exec(message)?.[1]
  if (codec) {
    return new DataError(
      `This Parquet file uses ${codec} compression, which cannot be read here. ${REWRITE}`,
    )
  }
  return damaged()
}

/**
 * Reads every row group of a Parquet file into columns. Nulls come back as null, timestamps and
 * dates as Date, INT64 as numbers when safe (see fromBigInts). hyparquet is imported only when a
 * Parquet file arrives, and its extra decompressors (gzip, zstd, brotli, lz4) only when the file
 * uses one of them.
 */
export async function readParquet(bytes: Uint8Array): Promise<ParquetColumns> {
  checkContainer(bytes)
  const { parquetMetadata, parquetRead, parquetSchema } = await import('hyparquet')
  const file = bytes.slice().buffer
  let metadata: ReturnType<typeof parquetMetadata>
  try {
    metadata = parquetMetadata(file)
  } catch {
    throw damaged()
  }
  const names = parquetSchema(metadata).children.map((child) => child.element.name)
  const rowCount = Number(metadata.num_rows)
  if (names.length === 0 || rowCount === 0) {
    throw new DataError(
      'The Parquet file has no rows. Choose a file with data, or check that it was written completely.',
    )
  }
  const codecs = metadata.row_groups.flatMap((group) =>
    group.columns.map((column) => column.meta_data?.codec ?? 'UNCOMPRESSED'),
  )
  // hyparquet reads snappy itself; the other decompressors (brotli's dictionary alone is most of
  // their 115 kB) are fetched only for files that need them.
  const compressors = codecs.every((codec) => codec === 'UNCOMPRESSED' || codec === 'SNAPPY')
    ? undefined
    : (await import('hyparquet-compressors')).compressors
  const chunks = new Map<string, Chunk[]>(names.map((name) => [name, []]))
  try {
    await parquetRead({
      file,
      metadata,
      compressors,
      onChunk: ({ columnName, columnData, rowStart }) => {
        chunks.get(columnName)?.push({ rowStart, data: columnData })
      },
    })
  } catch (error) {
    throw readError(error)
  }
  const columns = names.map((name) => ({ name, values: stitch(chunks.get(name) ?? [], rowCount) }))
  return { columns, rowCount }
}
