import { DataError } from './parsed-table'

// Placeholder with the agreed signature: the formats helper's reader replaces this file.
/* eslint-disable @typescript-eslint/require-await, @typescript-eslint/no-unused-vars */
export async function readParquet(
  _bytes: Uint8Array,
): Promise<{ columns: { name: string; values: ArrayLike<unknown> }[]; rowCount: number }> {
  throw new DataError('Parquet files are not available yet. Export the data as CSV and load that.')
}
