import {
  findColumn,
  MISSING_CODE,
  type CategoricalColumn,
  type NumericColumn,
  type Table,
} from '../../table/table'
import { refuseTarget, spliceColumn } from '../pipeline/columns'
import type { StepImpl } from '../pipeline/step-impl'
import { codeCounts } from '../pipeline/stats'
import type { StepOf } from '../step-schema'

export const PADDING_ID = 0
export const OUT_OF_VOCABULARY_ID = 1
/** Ids below this are reserved (padding, out of vocabulary); the vocabulary starts here. */
const FIRST_WORD_ID = 2

/**
 * One token, tried in this order:
 * - a cashtag, "$" then a letter: "$AAPL", "$BRK.B", "$ES_F" (financial text names tickers so,
 *   and "$AAPL" means more than "aapl"); a share-class suffix of one or two letters stays on;
 * - a number with decimal or thousands separators: "0.01", "1,000.50" (the "$" of a price drops);
 * - a run of Unicode letters, marks and digits, with inner apostrophes: "Nomura's", "Q3", "können".
 * Everything else (spaces, punctuation, emoji, the "://" of a link) separates tokens.
 */
const TOKEN =
  /\$\p{L}[\p{L}\p{N}]*(?:[._-]\p{L}{1,2}(?![\p{L}\p{N}]))?|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu

const NOT_ASCII = /[^\t\n\r -~]/

/**
 * The tokens of one text. NFKC folds look-alike forms first (full-width letters, ligatures), so
 * "ＡＡＰＬ" and "AAPL" are one word; `lowercase` then folds case ("$aapl" too).
 */
export function tokenize(text: string, lowercase: boolean): string[] {
  // NFKC leaves printable ASCII as it is; skipping it there saves a copy of most texts.
  const folded = NOT_ASCII.test(text) ? text.normalize('NFKC') : text
  return (lowercase ? folded.toLowerCase() : folded).match(TOKEN) ?? []
}

/** "<column>[i]", the i-th token id of the text. */
export function tokenName(column: string, position: number): string {
  return `${column}[${position}]`
}

function textInput(step: StepOf<'tokens'>, table: Table): CategoricalColumn {
  const column = findColumn(table, step.column)
  if (column.kind !== 'categorical') {
    throw new Error(
      `"${step.column}" holds numbers, not text, so it cannot be split into tokens. Choose a text column, or if the numbers are codes, set the column's type to text on the Data step.`,
    )
  }
  return column
}

/** Occurrences of each token in the training rows: each distinct text is tokenised once. */
function tokenCounts(
  column: CategoricalColumn,
  trainRows: Int32Array,
  lowercase: boolean,
): Map<string, { n: number }> {
  const rowsPerText = codeCounts(column, trainRows)
  // A mutable count per token: one hash lookup per occurrence instead of a get and a set.
  const counts = new Map<string, { n: number }>()
  rowsPerText.forEach((rows, code) => {
    if (rows === 0) return
    for (const token of tokenize(column.categories[code] as string, lowercase)) {
      const count = counts.get(token)
      if (count) count.n += rows
      else counts.set(token, { n: rows })
    }
  })
  return counts
}

/**
 * The id sequence of every distinct text, cut to `length`, packed end to end: text `code` has
 * ids[starts[code] … starts[code + 1]). One flat array instead of a small one per text keeps a
 * million distinct headlines from becoming a million allocations.
 */
function packedSequences(
  categories: readonly string[],
  lowercase: boolean,
  ids: ReadonlyMap<string, number>,
  length: number,
): { ids: Int32Array; starts: Int32Array; cut: Uint8Array } {
  const starts = new Int32Array(categories.length + 1)
  const cut = new Uint8Array(categories.length)
  let packed = new Int32Array(Math.max(categories.length * 8, 16))
  let end = 0
  categories.forEach((text, code) => {
    const tokens = tokenize(text, lowercase)
    const kept = Math.min(tokens.length, length)
    if (end + kept > packed.length) {
      const grown = new Int32Array(Math.max(packed.length * 2, end + kept))
      grown.set(packed)
      packed = grown
    }
    for (let i = 0; i < kept; i++)
      packed[end++] = ids.get(tokens[i] as string) ?? OUT_OF_VOCABULARY_ID
    starts[code + 1] = end
    if (tokens.length > length) cut[code] = 1
  })
  return { ids: packed, starts, cut }
}

/**
 * Text to a fixed-length sequence of token ids, as Keras' Tokenizer with `num_words` and
 * pad_sequences(padding='post', truncating='post'): the vocabulary is the `vocabularySize − 2`
 * most frequent training tokens (occurrences, ties alphabetical by code point) numbered from 2;
 * 0 pads the end of short texts, 1 stands for a token outside the vocabulary, and long texts keep
 * their first `sequenceLength` tokens. A missing text is all padding. Text lives in a column's
 * categories, so each distinct text is tokenised once however many rows repeat it.
 */
export const tokensStep: StepImpl<'tokens'> = {
  fit(step, table, trainRows, ctx) {
    refuseTarget([step.column], ctx.target, 'turned into token inputs')
    const column = textInput(step, table)
    const ranked = [...tokenCounts(column, trainRows, step.lowercase)].sort(
      ([a, ca], [b, cb]) => cb.n - ca.n || (a < b ? -1 : a > b ? 1 : 0),
    )
    const vocabulary = ranked.slice(0, step.vocabularySize - FIRST_WORD_ID).map(([token]) => token)
    return { ...step, fitted: { vocabulary } }
  },
  apply(step, table, liveRows) {
    const fitted = step.fitted
    if (!fitted) throw new Error(`The tokens step on "${step.column}" has not been fitted yet.`)
    const column = textInput(step, table)
    const length = step.sequenceLength
    const ids = new Map(fitted.vocabulary.map((token, i) => [token, i + FIRST_WORD_ID]))
    const packed = packedSequences(column.categories, step.lowercase, ids, length)
    const outputs = Array.from({ length }, (_, i): NumericColumn => ({
      name: tokenName(step.column, i),
      kind: 'numeric',
      values: new Float64Array(table.rowCount),
    }))
    const values = outputs.map((o) => o.values)
    const codes = column.codes
    for (let row = 0; row < codes.length; row++) {
      const code = codes[row] as number
      if (code === MISSING_CODE) continue // padding: the arrays start at 0
      const start = packed.starts[code] as number
      const stop = packed.starts[code + 1] as number
      for (let i = start; i < stop; i++)
        (values[i - start] as Float64Array)[row] = packed.ids[i] as number
    }
    let cut = 0
    for (const row of liveRows) {
      const code = codes[row] as number
      if (code !== MISSING_CODE && packed.cut[code] === 1) cut++
    }
    const notes =
      cut > 0
        ? [
            `${cut.toLocaleString('en-US')} text(s) of "${step.column}" have more than ${length} tokens: only the first ${length} are kept. Raise the sequence length if the end of a text matters.`,
          ]
        : []
    return { table: spliceColumn(table, step.column, outputs), notes }
  },
  describe: (step) =>
    `Tokens of ${step.column}: ${step.vocabularySize.toLocaleString('en-US')} ids, ${step.sequenceLength} per row${step.lowercase ? ', lower-cased' : ''}`,
  reads: (step) => [step.column],
}
