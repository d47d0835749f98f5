import { MISSING_CODE, type CategoricalColumn } from '../../table/table'
import { quantileOfSorted } from '../pipeline/stats'
import { count } from './format'
import type { Draft } from './draft'

/** More words than this and an embedding table gets large for the little data behind rare words. */
export const MAX_VOCABULARY = 10_000
/** Longer sequences cost memory and time in every text model for little gain on most texts. */
export const MAX_SEQUENCE = 256
/** Statistics come from at most this many texts, spread evenly over the file. */
const SAMPLE = 20_000
/** Ids 0 (padding) and 1 (not in the vocabulary) come before the words. */
const RESERVED_IDS = 2

/** Words as a tokeniser splits them: runs of letters and digits, lower-cased. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'\p{L}+)?/gu) ?? []
}

/**
 * Token ids sized from the data: a sequence as long as 95% of the texts (capped), and a
 * vocabulary of the words seen at least twice (capped): a word seen once teaches the model
 * nothing it can use on new text.
 */
export function proposeTokens(column: CategoricalColumn): Draft<'tokens'> | null {
  const rows: number[] = []
  for (let row = 0; row < column.codes.length; row++)
    if (column.codes[row] !== MISSING_CODE) rows.push(row)
  if (rows.length === 0) return null
  const step = Math.max(1, Math.ceil(rows.length / SAMPLE))
  const lengths: number[] = []
  const seen = new Map<string, number>()
  for (let i = 0; i < rows.length; i += step) {
    const text = column.categories[column.codes[rows[i] as number] as number] ?? ''
    const tokens = words(text)
    lengths.push(tokens.length)
    for (const t of tokens) seen.set(t, (seen.get(t) ?? 0) + 1)
  }
  const sorted = Float64Array.from(lengths).sort()
  const p95 = Math.ceil(quantileOfSorted(sorted, 0.95))
  const sequenceLength = Math.min(MAX_SEQUENCE, Math.max(1, p95))
  let repeated = 0
  for (const n of seen.values()) if (n >= 2) repeated++
  const vocabularySize = Math.min(MAX_VOCABULARY, Math.max(RESERVED_IDS, repeated + RESERVED_IDS))
  const sampled = step > 1 ? ` (in ${count(lengths.length)} texts spread over the file)` : ''
  const cut = p95 > MAX_SEQUENCE ? `, capped at ${MAX_SEQUENCE}` : ''
  const words_ = vocabularySize - RESERVED_IDS
  return {
    op: 'tokens',
    column: column.name,
    vocabularySize,
    sequenceLength,
    lowercase: true,
    why: `"${column.name}" is free text: it becomes a sequence of word ids. 95% of texts have at most ${count(p95)} words${sampled}, so sequences hold ${count(sequenceLength)} ids${cut} (longer texts are cut, shorter ones padded). Of ${count(seen.size)} different words, ${count(repeated)} appear at least twice; the vocabulary keeps the ${count(words_)} most frequent${repeated > words_ ? ` (at most ${count(MAX_VOCABULARY)} ids)` : ''} and any other word shares the "unknown" id. Lower-cased, so "Rates" and "rates" are one word. A model with an Embedding layer reads these ids best; a plain dense network treats them as numbers.`,
  }
}
