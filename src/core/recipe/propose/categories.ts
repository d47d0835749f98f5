import { MISSING_CODE, type CategoricalColumn } from '../../table/table'
import { count, percent } from './format'
import type { Draft } from './draft'

/** Up to this many categories, each gets its own one-hot input. */
export const MAX_PROPOSED_ONE_HOT = 20
/**
 * Beyond that, one-hot keeps the most frequent (MAX_PROPOSED_ONE_HOT − 1) and an "other" input
 * when they cover at least this share of the rows; otherwise "other" would swallow most rows, and
 * frequency encoding (one input, every category kept) says more.
 */
const MIN_ONE_HOT_COVERAGE = 0.75

/** Scales whose words have an order (lower case); a column using only words of one is ordinal. */
const ORDERED_WORDS: readonly (readonly string[])[] = [
  ['very low', 'low', 'medium', 'high', 'very high'],
  ['low', 'mid', 'high'],
  ['poor', 'fair', 'good', 'very good', 'excellent'],
  ['never', 'rarely', 'sometimes', 'often', 'always'],
  ['strongly disagree', 'disagree', 'neutral', 'agree', 'strongly agree'],
  ['small', 'medium', 'large'],
  ['xs', 's', 'm', 'l', 'xl', 'xxl'],
]

/** A letter and a digit (A1 … G5), or a single letter in a column named as a grade or rating. */
function gradeOrder(name: string, categories: readonly string[]): string[] | null {
  const subGrades = categories.every((c) => /^[A-Z][1-9]$/.test(c))
  const letters = /grade|rating/i.test(name) && categories.every((c) => /^[A-Z][+-]?$/.test(c))
  return subGrades || letters ? [...categories].sort() : null
}

function wordOrder(categories: readonly string[]): string[] | null {
  for (const scale of ORDERED_WORDS) {
    const rank = (c: string) => scale.indexOf(c.trim().toLowerCase())
    if (categories.every((c) => rank(c) >= 0))
      return [...categories].sort((a, b) => rank(a) - rank(b))
  }
  return null
}

/** The categories in their natural order when they have one (grades, low/medium/high…). */
export function naturalOrder(name: string, categories: readonly string[]): string[] | null {
  if (categories.length < 3) return null
  return gradeOrder(name, categories) ?? wordOrder(categories)
}

/** Categories present in the column, most frequent first (ties in category order), with counts. */
export function categoryCounts(column: CategoricalColumn): { category: string; n: number }[] {
  const counts = new Int32Array(column.categories.length)
  for (const code of column.codes) if (code !== MISSING_CODE) counts[code] = (counts[code] ?? 0) + 1
  return column.categories
    .map((category, code) => ({ category, n: counts[code] ?? 0 }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n)
}

export type EncodingDraft = Draft<'one-hot'> | Draft<'ordinal'> | Draft<'frequency'>

function shortList(items: readonly string[]): string {
  return items.length <= 4
    ? items.join(', ')
    : `${items.slice(0, 2).join(', ')} … ${items[items.length - 1] ?? ''}`
}

/**
 * How a categorical column becomes numbers: ordinal codes when its categories have an order,
 * one input per category when there are few, and for many categories one-hot with an "other"
 * input or frequency encoding, by how much of the data the most frequent categories cover.
 */
export function proposeEncoding(column: CategoricalColumn): EncodingDraft {
  const counts = categoryCounts(column)
  const levels = counts.length
  const order = naturalOrder(
    column.name,
    counts.map((c) => c.category),
  )
  if (order) {
    const middle = (order.length - 1) / 2
    return {
      op: 'ordinal',
      column: column.name,
      order,
      unseenValue: middle,
      why: `"${column.name}" has ${levels} categories with a natural order (${shortList(order)}): codes 0–${levels - 1} keep that order in one input, where one-hot would need ${levels} inputs and lose it. A category never seen in training takes the middle code, ${middle}.`,
    }
  }
  if (levels <= MAX_PROPOSED_ONE_HOT) {
    return {
      op: 'one-hot',
      column: column.name,
      maxCategories: null,
      unseen: 'zeros',
      why: `"${column.name}" is categorical with ${levels} values: one 0/1 input per category seen in training; a category never seen before, or a missing one, turns every input off.`,
    }
  }
  const kept = MAX_PROPOSED_ONE_HOT - 1
  const present = counts.reduce((sum, c) => sum + c.n, 0)
  const covered = counts.slice(0, kept).reduce((sum, c) => sum + c.n, 0) / present
  if (covered >= MIN_ONE_HOT_COVERAGE) {
    return {
      op: 'one-hot',
      column: column.name,
      maxCategories: MAX_PROPOSED_ONE_HOT,
      unseen: 'other',
      why: `"${column.name}" is categorical with ${count(levels)} values, and the ${kept} most frequent cover ${percent(covered)} of rows: each of those gets an input, and the other ${count(levels - kept)} (${percent(1 - covered)} of rows) share "other", as does a value never seen in training. One-hot keeps what each frequent value means; frequency encoding would only say how common it is.`,
    }
  }
  return {
    op: 'frequency',
    column: column.name,
    why: `"${column.name}" is categorical with ${count(levels)} values, and the ${kept} most frequent cover only ${percent(covered)} of rows, so one-hot would lump most rows into "other". Instead each value becomes its share of the training rows: one input that tells common values from rare ones, though equally common values look alike. A value never seen in training becomes 0.`,
  }
}
