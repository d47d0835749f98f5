import { parquetWriteBuffer } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { readParquet } from './parse-parquet'
import {
  addressSince,
  creditCardRecords,
  dataErrorMessage,
  fixture,
  PARQUET_COLUMNS,
} from './fixtures/formats/credit-card-source'

const source = creditCardRecords().slice(0, 200)

function values(read: Awaited<ReturnType<typeof readParquet>>, name: string): unknown[] {
  const column = read.columns.find((c) => c.name === name)
  if (!column) throw new Error(`no column ${name}`)
  return Array.from(column.values)
}

describe('readParquet', () => {
  it.each(['snappy', 'gzip', 'zstd'])(
    'reads every row group of a %s file with its types and nulls',
    async (codec) => {
      const read = await readParquet(fixture(`credit-card.${codec}.parquet`))
      expect(read.rowCount).toBe(200)
      expect(read.columns.map((c) => c.name)).toEqual(PARQUET_COLUMNS)
      for (const column of read.columns) expect(column.values).toHaveLength(200)
      const n = (i: number) => i + 1
      expect(values(read, 'card')).toEqual(source.map((r) => r.card))
      expect(values(read, 'reports')).toEqual(source.map((r) => Number(r.reports)))
      expect(values(read, 'age')).toEqual(source.map((r) => Number(r.age)))
      expect(values(read, 'income')).toEqual(
        source.map((r, i) => (n(i) % 20 === 0 ? null : Number(r.income))),
      )
      expect(values(read, 'owner')).toEqual(
        source.map((r, i) => (n(i) % 33 === 0 ? null : r.owner === 'yes')),
      )
      // INT64 months: BigInt in the file, plain numbers here because they are all small.
      expect(values(read, 'months')).toEqual(source.map((r) => Number(r.months)))
      expect(values(read, 'address_since')).toEqual(
        source.map((r, i) => (n(i) % 25 === 0 ? null : addressSince(r.months ?? ''))),
      )
    },
  )

  it('keeps required numeric columns as typed arrays', async () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'amount', data: [1.5, 2.5, 4], type: 'DOUBLE', nullable: false },
        { name: 'count', data: [1, 2, 3], type: 'INT32', nullable: false },
        { name: 'id', data: [7n, 8n, 9n], type: 'INT64', nullable: false },
      ],
    })
    const read = await readParquet(new Uint8Array(bytes))
    expect(read.columns.map((c) => c.values.constructor.name)).toEqual([
      'Float64Array',
      'Int32Array',
      'Float64Array',
    ])
    expect(values(read, 'id')).toEqual([7, 8, 9])
  })

  it('keeps INT64 values beyond 2^53 exact, as text, with nulls', async () => {
    const big = 2n ** 62n + 1n
    const bytes = parquetWriteBuffer({
      columnData: [{ name: 'account', data: [big, null, 5n], type: 'INT64' }],
    })
    const read = await readParquet(new Uint8Array(bytes))
    expect(values(read, 'account')).toEqual([big.toString(), null, '5'])
  })

  it('says what to do with a cut-off, renamed, encrypted or empty file', async () => {
    expect(await dataErrorMessage(readParquet(fixture('truncated.parquet')))).toMatch(
      /^The Parquet file is damaged or incomplete: it may have been cut off/,
    )
    expect(await dataErrorMessage(readParquet(fixture('really-text.parquet')))).toBe(
      'This file is named like a Parquet file but contains plain text. If it is a CSV, rename it to .csv and load it again.',
    )
    expect(await dataErrorMessage(readParquet(new Uint8Array()))).toMatch(/^The file is empty/)
    // Parquet modular encryption marks the footer "PARE"; only that marker is checked here.
    const encrypted = fixture('credit-card.snappy.parquet')
    encrypted.set(new TextEncoder().encode('PARE'), encrypted.length - 4)
    expect(await dataErrorMessage(readParquet(encrypted))).toMatch(
      /^This Parquet file is encrypted/,
    )
  })

  it('names a compression codec it cannot read', async () => {
    // Pages labelled LZO (stored uncompressed by an identity compressor): the reader must refuse
    // the codec by name before it tries to decompress anything.
    const bytes = parquetWriteBuffer({
      columnData: [{ name: 'x', data: [1, 2, 3], type: 'INT32' }],
      codec: 'LZO',
      compressors: { LZO: (input: Uint8Array) => input },
    })
    expect(await dataErrorMessage(readParquet(new Uint8Array(bytes)))).toMatch(
      /^This Parquet file uses LZO compression, which cannot be read here\. Write it again/,
    )
  })

  it('refuses a file with no rows', async () => {
    const bytes = parquetWriteBuffer({ columnData: [{ name: 'x', data: [], type: 'INT32' }] })
    expect(await dataErrorMessage(readParquet(new Uint8Array(bytes)))).toMatch(/has no rows/)
  })
})
