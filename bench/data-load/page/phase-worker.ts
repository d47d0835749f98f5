// Our load taken apart: the same core calls as src/workers/parse-worker.ts, each timed.
import { profileTable } from '../../../src/core/profile/profile-table'
import { inferTable } from '../../../src/core/table/infer-types'
import { parseFile } from '../../../src/core/table/parse-file'
import { packTable } from '../../../src/workers/packed-categories'
import type { PhaseReply } from './protocol'

self.addEventListener('message', (event: MessageEvent<{ file: File }>) => {
  void (async () => {
    try {
      const { file } = event.data
      let start = performance.now()
      const parsed = await parseFile(file, file.name)
      const readMs = performance.now() - start
      start = performance.now()
      const { table, types } = inferTable(parsed.table, parsed.sources)
      const inferMs = performance.now() - start
      start = performance.now()
      profileTable(table, types)
      const profileMs = performance.now() - start
      // the reply as parse-worker.ts sends it: packed categories, column buffers transferred
      start = performance.now()
      const wire = packTable(table)
      const transfer = wire.columns.map((c) => (c.kind === 'numeric' ? c.values : c.codes).buffer)
      const packMs = performance.now() - start
      const phases = {
        packMs,
        sentAt: performance.timeOrigin + performance.now(),
        readMs,
        inferMs,
        profileMs,
        rows: table.rowCount,
        columns: table.columns.length,
        types: types.map((t) => t.type),
      }
      self.postMessage({ ok: true, phases, wire } satisfies PhaseReply, { transfer })
    } catch (error) {
      self.postMessage({ ok: false, message: String(error) } satisfies PhaseReply)
    }
  })()
})
