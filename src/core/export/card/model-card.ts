import type { FinishedRun } from '../../train/run-history'
import type { InputColumn } from '../input-schema'
import type { WeightQuantization } from '../quantize'
import type { QuantizationCheck } from './quantization-check'
import { cardHtml } from './card-html'
import { cardMarkdown } from './card-markdown'
import { cardSections } from './card-sections'

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
  /** The storages scored on the test rows, when the check ran: the card then gives its figures. */
  readonly quantizationCheck?: readonly QuantizationCheck[] | null
  readonly createdAt: Date
}

/** The model card, as Markdown and as a standalone HTML page, from the same sections. */
export function modelCard(input: ModelCardInput): { markdown: string; html: string } {
  const { target } = input.run.recipe
  const doc = {
    title: `Model card: ${target.column} from ${input.dataset.name}`,
    subtitle: `Made with Model Studio on ${input.createdAt.toISOString().slice(0, 10)} (${input.createdAt.toISOString().slice(11, 16)} UTC).`,
    // The target is what the model predicts, not something it reads.
    sections: cardSections({
      ...input,
      inputSchema: input.inputSchema.filter((c) => c.name !== target.column),
    }),
  }
  return { markdown: cardMarkdown(doc), html: cardHtml(doc) }
}
