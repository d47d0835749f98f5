// The parsing worker: reads a file's text and runs the core parser off the main thread.
import { DataError } from '../core/table/parse-delimited'
import { parseAnyFile } from '../core/table/parse-file'
import { inferColumnTypes } from '../core/table/infer-types'
import { profileTable } from '../core/profile/profile-table'
import type { ParseReply, ParseRequest } from './parse-protocol'

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  void (async () => {
    let reply: ParseReply
    try {
      const { file, name } = event.data
      const parsed = await parseAnyFile(new Uint8Array(await file.arrayBuffer()), name)
      const types = inferColumnTypes(parsed.table)
      reply = { ok: true, parsed, types, profile: profileTable(parsed.table, types) }
    } catch (error) {
      reply = {
        ok: false,
        message:
          error instanceof DataError
            ? error.message
            : `The file could not be read (${error instanceof Error ? error.message : String(error)}). Check that it is a CSV, TSV or JSON text file.`,
      }
    }
    self.postMessage(reply)
  })()
})
