import type { EpochLog } from '../../train/engine'

/**
 * The model card as plain text in blocks, before any markup: the Markdown and HTML writers each
 * render the same blocks, so the two files never say different things. Every string here is
 * plain text (the writers escape it); nothing is pre-formatted markup.
 */
export type CardBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  | { readonly kind: 'table'; readonly table: CardTable }
  /** The loss curves: a line chart in HTML, its table in Markdown. */
  | { readonly kind: 'curves'; readonly epochs: readonly EpochLog[]; readonly table: CardTable }

export interface CardTable {
  /** The table's accessible name in HTML, and its caption. */
  readonly caption: string
  readonly head: readonly string[]
  readonly rows: readonly (readonly string[])[]
  /** Columns holding numbers, right-aligned. */
  readonly numeric?: readonly boolean[]
}

export interface CardSection {
  readonly id: string
  readonly title: string
  readonly blocks: readonly CardBlock[]
}

export interface CardDocument {
  readonly title: string
  /** One line under the title: where and when the model was made. */
  readonly subtitle: string
  readonly sections: readonly CardSection[]
}
