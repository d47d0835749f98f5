// The baseline: papaparse alone streaming the same file in chunks in a worker, keeping nothing.
import Papa from 'papaparse'
import type { BareReply } from './protocol'

self.addEventListener('message', (event: MessageEvent<{ file: File }>) => {
  let rows = 0
  Papa.parse<string[]>(event.data.file, {
    chunk: (results) => {
      rows += results.data.length
    },
    complete: () => self.postMessage({ ok: true, rows } satisfies BareReply),
    error: (error) => self.postMessage({ ok: false, message: error.message } satisfies BareReply),
  })
})
