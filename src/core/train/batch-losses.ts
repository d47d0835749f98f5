import * as tf from '@tensorflow/tfjs'
import type { BatchLosses } from './engine'

/** At most five chunks a second: enough for a live curve, few enough reads to cost nothing. */
export const BATCH_CHUNK_MS = 200

/**
 * Collects every batch's training loss without a GPU sync per batch. tfjs hands `onBatchEnd` the
 * loss as a scalar tensor and disposes it right after; this keeps a clone (no copy: it shares the
 * data) and, every `BATCH_CHUNK_MS` and at the epoch's end, stacks the clones and reads them with
 * one `await data()` started without waiting for it, so training goes on while the read settles.
 * A `CustomCallback` would `await data()` on every batch's logs: one sync per batch.
 */
export class BatchLossReporter extends tf.Callback {
  private pending: tf.Tensor[] = []
  private firstPending = 0
  private batchesSeen = 0
  private lastChunk = 0
  private reads: Promise<void>[] = []
  private epoch = 1
  private batchesPerEpoch = 0

  constructor(private readonly report: (losses: BatchLosses) => void) {
    super()
  }

  /** Called by the engine before each epoch's fit. */
  startEpoch(epoch: number, batchesPerEpoch: number): void {
    this.epoch = epoch
    this.batchesPerEpoch = batchesPerEpoch
    this.batchesSeen = 0
    this.firstPending = 0
    this.lastChunk = performance.now()
  }

  override onBatchEnd(
    _batch: number,
    logs?: { readonly [key: string]: number | tf.Scalar },
  ): Promise<void> {
    const loss = logs?.loss
    this.batchesSeen += 1
    if (!(loss instanceof tf.Tensor)) return Promise.resolve()
    this.pending.push(loss.clone())
    if (performance.now() - this.lastChunk >= BATCH_CHUNK_MS) this.sendChunk()
    return Promise.resolve()
  }

  /** Sends what is left of the epoch and waits for every read: call after the epoch's fit. */
  async flush(): Promise<void> {
    this.sendChunk()
    const reads = this.reads
    this.reads = []
    await Promise.all(reads)
  }

  /** Frees losses not read yet (a run that ends by an error). */
  dispose(): void {
    tf.dispose(this.pending)
    this.pending = []
  }

  private sendChunk(): void {
    this.lastChunk = performance.now()
    if (this.pending.length === 0) return
    const scalars = this.pending
    this.pending = []
    const chunk = {
      epoch: this.epoch,
      firstBatch: this.firstPending,
      perEpoch: this.batchesPerEpoch,
    }
    this.firstPending += scalars.length
    const stacked = tf.stack(scalars)
    tf.dispose(scalars)
    this.reads.push(
      stacked
        .data()
        .then((values) =>
          this.report({
            epoch: chunk.epoch,
            firstBatch: chunk.firstBatch,
            batchesPerEpoch: chunk.perEpoch,
            losses: Array.from(values),
          }),
        )
        .finally(() => stacked.dispose()),
    )
  }
}
