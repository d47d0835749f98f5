/**
 * What the prepared data gives the network for one row, decided by the recipe (see
 * `modelInputOf` in core/recipe/model-input.ts). Training matrices stay flat, rows × product of
 * `shape`, and are reshaped to `[rows, ...shape]` as they enter the model.
 */
export interface ModelInput {
  /**
   * table: prepared columns, one value each; sequence: time steps × series (time-series windows);
   * tokens: token ids of one text (0 pads, 1 is out of vocabulary); image: height × width × channels.
   */
  readonly kind: 'table' | 'sequence' | 'tokens' | 'image'
  /** One row's shape, batch excluded: [F] | [steps, series] | [length] | [height, width, channels]. */
  readonly shape: readonly number[]
  /** Tokens only: ids run 0 … vocabularySize − 1 (what an Embedding's input size must cover). */
  readonly vocabularySize?: number
  /** Plain words for the Model step: "12 time steps × 2 series". */
  readonly description: string
  /** Why the data enters flat when it looks like a sequence (windows mixed with other columns). */
  readonly note?: string
}

/** A flat table input of `width` prepared columns (what every recipe could give before v2). */
export function tableInput(width: number): ModelInput {
  return {
    kind: 'table',
    shape: [width],
    description: `${width.toLocaleString('en-US')} prepared input${width === 1 ? '' : 's'}`,
  }
}
