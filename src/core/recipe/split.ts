import { createRng, shuffleInPlace, type Rng } from '../random'
import { cellLabel, findColumn, type Table } from '../table/table'
import type { Recipe, SplitSpec } from './recipe-schema'

export interface SplitRows {
  readonly train: Int32Array
  readonly validation: Int32Array
  readonly test: Int32Array
  /** Rows left out because their target is missing. */
  readonly droppedMissingTarget: number
  /** Chronological splits: rows left out because their date is missing. */
  readonly droppedMissingOrder: number
}

export interface PartSizes {
  readonly train: number
  readonly validation: number
  readonly test: number
}

/** A class with at least this many rows gets at least one row in every part of a stratified split. */
export const MIN_ROWS_FOR_EVERY_PART = 3

/** Refuses fractions that do not add up to 1, naming all three so the analyst sees which to change. */
export function checkFractions(split: Pick<SplitSpec, 'train' | 'validation' | 'test'>): void {
  const { train, validation, test } = split
  const sum = train + validation + test
  if (!(Math.abs(sum - 1) <= 1e-9)) {
    throw new Error(
      `The split fractions must add up to 1, but train ${train} + validation ${validation} + test ${test} = ${Number(sum.toPrecision(12))}. Change one of them so the three add up to 1.`,
    )
  }
}

/**
 * Part sizes as scikit-learn's two-stage `train_test_split` gives them: test first,
 * n_test = ceil(test · n), then validation out of the rest,
 * n_validation = ceil(validation / (train + validation) · rest), and train keeps what is left.
 * The arithmetic is written exactly as in Python, so the same doubles round the same way.
 */
export function partSizes(n: number, split: Pick<SplitSpec, 'train' | 'validation' | 'test'>) {
  checkFractions(split)
  const test = Math.min(n, Math.ceil(split.test * n))
  const rest = n - test
  const validation =
    split.validation > 0
      ? Math.min(rest, Math.ceil((split.validation / (split.train + split.validation)) * rest))
      : 0
  return { train: rest - validation, validation, test }
}

/**
 * scikit-learn's `_approximate_mode`: `draws` rows shared among classes in proportion to their
 * counts, floored, and the rows still missing go to the largest remainders. Ties are broken by
 * the seeded generator (numpy's generator breaks them there, so tied cases match in totals only).
 */
export function approximateMode(counts: readonly number[], draws: number, rng: Rng): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0)
  if (total === 0) return counts.map(() => 0)
  const continuous = counts.map((c) => (c / total) * draws)
  const floored = continuous.map(Math.floor)
  let needed = draws - floored.reduce((sum, c) => sum + c, 0)
  const remainders = continuous.map((c, i) => c - (floored[i] as number))
  const values = [...new Set(remainders)].sort((a, b) => b - a)
  for (const value of values) {
    if (needed <= 0) break
    const tied = remainders.flatMap((r, i) => (r === value ? [i] : []))
    shuffleInPlace(tied, rng)
    for (const i of tied.slice(0, needed)) floored[i] = (floored[i] as number) + 1
    needed -= Math.min(tied.length, needed)
  }
  return floored
}

/**
 * Moves rows between classes, keeping the total, until each class's share lies within
 * [low, high] where it can: the class furthest above (or below) its proportional share gives
 * (or takes) the row. A class that cannot be helped is left as it is.
 */
function keepWithin(
  shares: number[],
  targets: readonly number[],
  low: readonly number[],
  high: readonly number[],
): void {
  const pick = (ok: (j: number) => boolean, score: (j: number) => number) => {
    let best = -1
    for (let j = 0; j < shares.length; j++)
      if (ok(j) && (best < 0 || score(j) > score(best))) best = j
    return best
  }
  for (let k = 0; k < shares.length; k++) {
    while ((shares[k] as number) < (low[k] as number)) {
      const j = pick(
        (j) => j !== k && (shares[j] as number) > (low[j] as number),
        (j) => (shares[j] as number) - (targets[j] as number),
      )
      if (j < 0) break
      shares[k] = (shares[k] as number) + 1
      shares[j] = (shares[j] as number) - 1
    }
    while ((shares[k] as number) > (high[k] as number)) {
      const j = pick(
        (j) => j !== k && (shares[j] as number) < (high[j] as number),
        (j) => (targets[j] as number) - (shares[j] as number),
      )
      if (j < 0) break
      shares[k] = (shares[k] as number) - 1
      shares[j] = (shares[j] as number) + 1
    }
  }
}

/** What one stage of the stratified split wants for each class. */
interface StageGoal {
  /** Rows of the class on each side in exact proportion to the whole data set (not rounded). */
  readonly first: readonly number[]
  readonly second: readonly number[]
  /** Rows the class must keep on each side (1 or 2 for a class of 3+ rows, else 0). */
  readonly minFirst: readonly number[]
  readonly minSecond: readonly number[]
}

/**
 * One stage of a stratified `train_test_split`: how many rows of each class go to the first
 * side (`first` rows in all). It starts from scikit-learn's rounding, then moves rows between
 * classes (totals kept) so that each class stays within one row of its proportional share on
 * both sides, which the second stage of scikit-learn's two-stage split does not always give,
 * and so that a class of 3+ rows keeps a row in every part. The minimums win over proportion.
 */
function stratifiedStage(counts: readonly number[], first: number, rng: Rng, goal: StageGoal) {
  const shares = approximateMode(counts, first, rng)
  const low: number[] = []
  const high: number[] = []
  const needLow: number[] = []
  const needHigh: number[] = []
  counts.forEach((c, k) => {
    const [tf, ts] = [goal.first[k] as number, goal.second[k] as number]
    const [mf, ms] = [goal.minFirst[k] as number, goal.minSecond[k] as number]
    // Within one row on both sides: |x − tf| ≤ 1 and |(c − x) − ts| ≤ 1 (1e-9 absorbs noise).
    const nearLow = Math.ceil(Math.max(tf, c - ts) - 1 - 1e-9)
    const nearHigh = Math.floor(Math.min(tf, c - ts) + 1 + 1e-9)
    const [mustLow, mustHigh] = mf + ms <= c ? [mf, c - ms] : [0, c]
    const [lo, hi] = [Math.max(nearLow, mustLow), Math.min(nearHigh, mustHigh)]
    const fits = lo <= hi
    low.push(Math.max(0, fits ? lo : mustLow))
    high.push(Math.min(c, fits ? hi : mustHigh))
    needLow.push(mustLow)
    needHigh.push(mustHigh)
  })
  keepWithin(shares, goal.first, low, high)
  // Many rare classes and a small part: the minimums may take a second row from a large class.
  keepWithin(shares, goal.first, needLow, needHigh)
  return shares
}

/** Rows with a target value, in file order. */
function rowsWithTarget(table: Table, target: string): { rows: number[]; dropped: number } {
  const column = findColumn(table, target)
  const rows: number[] = []
  let dropped = 0
  for (let row = 0; row < table.rowCount; row++) {
    if (cellLabel(column, row) === null) dropped++
    else rows.push(row)
  }
  return { rows, dropped }
}

/**
 * Moves a cut out of a run of equal dates, to the nearer end of the run (the later end on a
 * tie), so that one day's rows (several stocks on the same date) never sit on both sides: the
 * model would otherwise learn from the very day it is tested on. A move that would empty a part
 * takes the other end; if both would, the cut stays.
 */
function cutBetweenDates(
  times: readonly number[],
  cut: number,
  lowest: number,
  highest: number,
): number {
  if (cut <= 0 || cut >= times.length || times[cut - 1] !== times[cut]) return cut
  let start = cut
  while (start > 0 && times[start - 1] === times[cut]) start--
  let end = cut
  while (end < times.length && times[end] === times[cut]) end++
  const fits = (c: number) => c > lowest && c < highest
  const options = end - cut <= cut - start ? [end, start] : [start, end]
  return options.find(fits) ?? cut
}

/** Train, then validation, then test, in time order: the model is tested on the future. */
function chronological(table: Table, recipe: Recipe, rows: number[]) {
  const orderBy = recipe.split.orderBy ?? null
  let ordered = rows
  let missing = 0
  let times: number[] | null = null
  if (orderBy !== null) {
    if (!table.columns.some((c) => c.name === orderBy)) {
      throw new Error(
        `The chronological split orders rows by "${orderBy}", which is not in the data. Choose the date column to order by, or file order.`,
      )
    }
    const column = findColumn(table, orderBy)
    if (column.kind !== 'numeric') {
      throw new Error(
        `A chronological split needs "${orderBy}" to be dates or numbers. Set its type to datetime on the Data step, or choose another column.`,
      )
    }
    const present = rows.filter((row) => !Number.isNaN(column.values[row] as number))
    missing = rows.length - present.length
    // Array sort is stable, so rows of the same date keep file order.
    ordered = present.sort((a, b) => (column.values[a] as number) - (column.values[b] as number))
    times = ordered.map((row) => column.values[row] as number)
  }
  const sizes = partSizes(ordered.length, recipe.split)
  let secondCut = sizes.train + sizes.validation
  let firstCut = sizes.train
  if (times) {
    // Every part keeps at least one row, validation excepted when asked to be empty.
    if (sizes.validation === 0) {
      secondCut = firstCut = cutBetweenDates(times, secondCut, 0, ordered.length)
    } else {
      secondCut = cutBetweenDates(times, secondCut, 1, ordered.length)
      firstCut = cutBetweenDates(times, firstCut, 0, secondCut)
    }
  }
  return {
    parts: [
      ordered.slice(0, firstCut),
      ordered.slice(firstCut, secondCut),
      ordered.slice(secondCut),
    ],
    missing,
  }
}

/** The class of each row, grouped, classes in sorted label order (as numpy's `unique`). */
function rowsByClass(table: Table, target: string, rows: readonly number[]): number[][] {
  const column = findColumn(table, target)
  const groups = new Map<string, number[]>()
  for (const row of rows) {
    const key = cellLabel(column, row) ?? ''
    let group = groups.get(key)
    if (!group) groups.set(key, (group = []))
    group.push(row)
  }
  return [...groups.keys()].sort().map((key) => groups.get(key) ?? [])
}

/**
 * scikit-learn's two-stage stratified split (test out of all rows, then validation out of the
 * rest) with its part sizes, each class cut in proportion, so a rare class (defaults, fraud) is
 * in every part. Two departures, both where scikit-learn's rounding falls short: a class of 3
 * rows or more keeps at least one row in each part (scikit-learn may put all 3 in training), and
 * every class stays within one row of its share of each part (scikit-learn's second stage rounds
 * shares of the rest, which can drift by up to 1 + validation / (train + validation) rows).
 * Otherwise the counts per class are scikit-learn's; the rows drawn differ (another generator).
 */
function stratified(table: Table, recipe: Recipe, rows: number[], rng: Rng): number[][] {
  if (recipe.target.task === 'regression') {
    throw new Error(
      `A stratified split keeps the share of each class, but "${recipe.target.column}" is a number to predict, not a class. Choose a random split.`,
    )
  }
  const groups = rowsByClass(table, recipe.target.column, rows)
  for (const group of groups) shuffleInPlace(group, rng)
  const sizes = partSizes(rows.length, recipe.split)
  const counts = groups.map((g) => g.length)
  const n = rows.length
  const share = (size: number) => counts.map((c) => (n === 0 ? 0 : (c * size) / n))
  const rare = counts.map((c) => (c >= MIN_ROWS_FOR_EVERY_PART ? 1 : 0))
  const withValidation = sizes.validation > 0 ? 2 : 1
  const rest = stratifiedStage(counts, sizes.train + sizes.validation, rng, {
    first: share(sizes.train + sizes.validation),
    second: share(sizes.test),
    minFirst: rare.map((r) => r * withValidation),
    minSecond: rare,
  })
  const train =
    sizes.validation > 0
      ? stratifiedStage(rest, sizes.train, rng, {
          first: share(sizes.train),
          second: share(sizes.validation),
          minFirst: rare,
          minSecond: rare,
        })
      : rest
  const parts: number[][] = [[], [], []]
  groups.forEach((group, k) => {
    const inTrain = train[k] as number
    const inRest = rest[k] as number
    // Row by row: spreading a group of 150,000+ rows into push() overflows the stack.
    group.forEach((row, i) => parts[i < inTrain ? 0 : i < inRest ? 1 : 2]?.push(row))
  })
  for (const part of parts) shuffleInPlace(part, rng)
  return parts
}

/** Seeded shuffle, then test, validation and train cut from it with scikit-learn's sizes. */
function shuffled(recipe: Recipe, rows: number[], rng: Rng): number[][] {
  const sizes = partSizes(rows.length, recipe.split)
  const order = [...rows]
  shuffleInPlace(order, rng)
  const test = order.slice(0, sizes.test)
  const validation = order.slice(sizes.test, sizes.test + sizes.validation)
  return [order.slice(sizes.test + sizes.validation), validation, test]
}

/** Splits the rows that have a target into train, validation and test as the recipe says. */
export function splitRows(table: Table, recipe: Recipe): SplitRows {
  checkFractions(recipe.split)
  const { rows, dropped } = rowsWithTarget(table, recipe.target.column)
  const rng = createRng(recipe.seed)
  let parts: number[][]
  let droppedMissingOrder = 0
  if (recipe.split.method === 'chronological') {
    const result = chronological(table, recipe, rows)
    parts = result.parts
    droppedMissingOrder = result.missing
  } else if (recipe.split.method === 'stratified') {
    parts = stratified(table, recipe, rows, rng)
  } else {
    parts = shuffled(recipe, rows, rng)
  }
  return {
    train: Int32Array.from(parts[0] ?? []),
    validation: Int32Array.from(parts[1] ?? []),
    test: Int32Array.from(parts[2] ?? []),
    droppedMissingTarget: dropped,
    droppedMissingOrder,
  }
}
