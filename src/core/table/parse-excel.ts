import { DataError } from './parsed-table'

// Placeholder with the agreed signature: the formats helper's reader replaces this file.
/* eslint-disable @typescript-eslint/require-await, @typescript-eslint/no-unused-vars */
export async function readExcel(
  _bytes: Uint8Array,
  _sheet?: string,
): Promise<{ sheetNames: string[]; sheet: string; rows: unknown[][] }> {
  throw new DataError('Excel workbooks are not available yet. Save the sheet as CSV and load that.')
}
