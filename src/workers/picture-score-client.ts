import type { ScoredPicture } from '../core/export/pictures/picture-table'
import type {
  NamedPicture,
  PictureScoreReply,
  PictureScoreRequest,
  PictureScoreSetup,
  PredictedPicture,
} from './picture-score-protocol'

type BatchSource = Extract<PictureScoreRequest, { type: 'batch' }>['source']

export interface PictureBatch {
  readonly result: Promise<readonly ScoredPicture[]>
  /** Stops the work at once: the worker ends and `result` never settles. */
  readonly cancel: () => void
}

interface Pending {
  readonly resolve: (reply: PictureScoreReply) => void
  readonly reject: (error: Error) => void
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * A worker holding one picture model: pictures to predict and explain, whole zips or folders to
 * score. Cancelling a batch ends the worker; the next request starts a fresh one.
 */
export class PictureScoreClient {
  private worker: Worker | null = null
  private next = 0
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly setup: PictureScoreSetup) {}

  predict(pictures: readonly NamedPicture[]): Promise<readonly PredictedPicture[]> {
    const id = this.next++
    return this.ask({ type: 'predict', id, pictures }).then((reply) => {
      if (reply.type !== 'predicted') throw new Error('The picture worker answered out of turn.')
      return reply.pictures
    })
  }

  scoreBatch(source: BatchSource, onProgress: (done: number, total: number) => void): PictureBatch {
    const id = this.next++
    const result = this.ask({ type: 'batch', id, source }, onProgress).then((reply) => {
      if (reply.type !== 'scored') throw new Error('The picture worker answered out of turn.')
      return reply.rows
    })
    return { result, cancel: () => this.dispose() }
  }

  /** Ends the worker; requests still open never settle. */
  dispose(): void {
    this.worker?.terminate()
    this.worker = null
    this.pending.clear()
  }

  private ask(
    request: PictureScoreRequest & { id: number },
    onProgress?: (done: number, total: number) => void,
  ) {
    const worker = this.started()
    return new Promise<PictureScoreReply>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject, ...(onProgress && { onProgress }) })
      worker.postMessage(request)
    })
  }

  private settle(id: number, reply: PictureScoreReply) {
    const waiting = this.pending.get(id)
    if (!waiting) return
    this.pending.delete(id)
    if (reply.type === 'failed') waiting.reject(new Error(reply.message))
    else waiting.resolve(reply)
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./picture-score-worker.ts', import.meta.url), {
      type: 'module',
      name: 'picture-score',
    })
    worker.addEventListener('message', (event: MessageEvent<PictureScoreReply>) => {
      const reply = event.data
      if (reply.type === 'progress') {
        this.pending.get(reply.id)?.onProgress?.(reply.done, reply.total)
        return
      }
      this.settle(reply.id, reply)
    })
    worker.addEventListener('error', (event) => {
      const message = `Scoring stopped unexpectedly (${event.message || 'no details'}). Try again.`
      for (const id of [...this.pending.keys()]) this.settle(id, { type: 'failed', id, message })
      this.worker = null
    })
    worker.postMessage({ type: 'setup', setup: this.setup } satisfies PictureScoreRequest)
    this.worker = worker
    return worker
  }
}
