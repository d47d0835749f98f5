// The parsing worker: reads a file's text and runs the core parser off the main thread.
import { DataError, parseDelimitedText } from '../core/table/parse-delimited'
import type { ParseReply, ParseRequest } from './parse-protocol'

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  void (async () => {
    let reply: ParseReply
    try {
      const parsed = parseDelimitedText(await event.data.file.text())
      reply = { ok: true, parsed }
    } catch (error) {
      reply = {
        ok: false,
        message:
          error instanceof DataError
            ? error.message
            : `The file could not be read (${error instanceof Error ? error.message : String(error)}). Check that it is a CSV or TSV text file.`,
      }
    }
    self.postMessage(reply)
  })()
})
