import type { FinishedRun } from '../../train/run-history'
import type { InputColumn } from '../input-schema'
import type { WeightQuantization } from '../quantize'

export interface ModelCardInput {
  readonly run: FinishedRun
  readonly dataset: {
    readonly name: string
    /** SHA-256 of the file as loaded, hex; null when the file is not at hand. */
    readonly sha256: string | null
    readonly rows: number
  }
  readonly inputSchema: readonly InputColumn[]
  readonly quantization: WeightQuantization
  readonly createdAt: Date
}

/** The model card, as Markdown and as a standalone HTML page. Owned by the card helper. */
export function modelCard(input: ModelCardInput): { markdown: string; html: string } {
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void input
  throw new Error('modelCard: not built yet (card helper)')
}
