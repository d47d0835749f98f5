import type { ScoredFile } from '../core/export/score/score-file'
import type { RawRecord } from '../core/table/records'
import type {
  FileCheck,
  PredictedRow,
  ScoreReply,
  ScoreRequest,
  ScoreSetup,
} from './score-protocol'

export interface FileScoring {
  /** The scored file; null when its columns were refused (the check says why). */
  readonly result: Promise<ScoredFile | null>
  /** Stops the work at once: the worker ends and `result` never settles. */
  readonly cancel: () => void
}

interface Pending {
  readonly resolve: (reply: ScoreReply) => void
  readonly reject: (error: Error) => void
  readonly onReply?: (reply: ScoreReply) => void
}

/**
 * A scoring worker holding one model: rows from the predict form, whole files from the batch
 * page. Cancelling a file ends the worker; the next request starts a fresh one.
 */
export class ScoreClient {
  private worker: Worker | null = null
  private next = 0
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly setup: ScoreSetup) {}

  predict(record: RawRecord): Promise<PredictedRow> {
    const id = this.next++
    return this.ask({ type: 'predict', id, record }).then((reply) => {
      if (reply.type !== 'predicted') throw new Error('The scoring worker answered out of turn.')
      return reply.row
    })
  }

  scoreFile(
    file: Blob,
    name: string,
    threshold: number,
    on: {
      readonly checked: (check: FileCheck) => void
      readonly progress: (done: number, total: number) => void
    },
  ): FileScoring {
    const id = this.next++
    const result = this.ask({ type: 'file', id, file, name, threshold }, (reply) => {
      if (reply.type === 'checked') on.checked(reply.check)
      if (reply.type === 'progress') on.progress(reply.done, reply.total)
      // A file whose columns were refused ends with its check.
      if (reply.type === 'checked' && reply.check.columns.missing.length > 0) this.settle(id, reply)
    }).then((reply) => (reply.type === 'scored' ? reply.file : null))
    return { result, cancel: () => this.dispose() }
  }

  /** Ends the worker; requests still open never settle. */
  dispose(): void {
    this.worker?.terminate()
    this.worker = null
    this.pending.clear()
  }

  private ask(request: ScoreRequest & { id: number }, onReply?: (reply: ScoreReply) => void) {
    const worker = this.started()
    return new Promise<ScoreReply>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject, ...(onReply && { onReply }) })
      worker.postMessage(request)
    })
  }

  private settle(id: number, reply: ScoreReply) {
    const waiting = this.pending.get(id)
    if (!waiting) return
    this.pending.delete(id)
    if (reply.type === 'failed') waiting.reject(new Error(reply.message))
    else waiting.resolve(reply)
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./score-worker.ts', import.meta.url), {
      type: 'module',
      name: 'score',
    })
    worker.addEventListener('message', (event: MessageEvent<ScoreReply>) => {
      const reply = event.data
      if (reply.type === 'checked' || reply.type === 'progress') {
        this.pending.get(reply.id)?.onReply?.(reply)
        return
      }
      this.settle(reply.id, reply)
    })
    worker.addEventListener('error', (event) => {
      const message = `Scoring stopped unexpectedly (${event.message || 'no details'}). Try again.`
      for (const id of [...this.pending.keys()]) this.settle(id, { type: 'failed', id, message })
      this.worker = null
    })
    worker.postMessage({ type: 'setup', setup: this.setup } satisfies ScoreRequest)
    this.worker = worker
    return worker
  }
}
