// The parsing worker: streams the file into typed columns, infers types, profiles, and hands the
// columns' buffers back (transferred, not copied).
import { profileTable } from '../core/profile/profile-table'
import { inferTable } from '../core/table/infer-types'
import { parseFile } from '../core/table/parse-file'
import { DataError } from '../core/table/parsed-table'
import type { Table } from '../core/table/table'
import { packTable } from './packed-categories'
import type { ParseMessage, ParseRequest } from './parse-protocol'

const post = (message: ParseMessage, transfer: Transferable[] = []) => {
  self.postMessage(message, { transfer })
}

/** The column buffers, each once (a column may view a larger buffer it owns alone). */
function buffers(table: Table): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>()
  for (const c of table.columns)
    set.add((c.kind === 'numeric' ? c.values : c.codes).buffer as ArrayBuffer)
  return [...set]
}

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  void (async () => {
    try {
      const { file, name, sheet } = event.data
      const parsed = await parseFile(file, name, {
        sheet,
        onProgress: (progress) => post({ type: 'progress', progress }),
      })
      const { table, types } = inferTable(parsed.table, parsed.sources)
      const profile = profileTable(table, types)
      const wire = packTable(table)
      const result = {
        table: wire,
        warnings: parsed.warnings,
        types,
        profile,
        sheets: parsed.sheets,
      }
      post({ type: 'done', result }, buffers(table))
    } catch (error) {
      post({
        type: 'failed',
        message:
          error instanceof DataError
            ? error.message
            : `The file could not be read (${error instanceof Error ? error.message : String(error)}). Check that it is a CSV, TSV, JSON, Excel (.xlsx) or Parquet file.`,
      })
    }
  })()
})
