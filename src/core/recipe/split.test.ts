import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import { cellLabel, cellValue, findColumn, type Table } from '../table/table'
import { CHRONOLOGICAL_REASON, prepareData } from './pipeline/prepare-data'
import { proposeRecipe } from './propose'
import type { Recipe, SplitSpec } from './recipe-schema'
import { partSizes, splitRows, type SplitRows } from './split'
import type { Step } from './step-schema'

function dataset(name: string): Table {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return inferTable(parseDelimitedText(text).table).table
}

const german = dataset('GermanCredit.csv')
const credit = dataset('CreditCard.csv')
const hmda = dataset('HMDA.csv')
const stocks = dataset('stocks.csv')
const germanRecipe = proposeRecipe(german, 'GermanCredit.csv', 'Class')
const creditRecipe = proposeRecipe(credit, 'CreditCard.csv', 'card')
const hmdaRecipe = proposeRecipe(hmda, 'HMDA.csv', 'deny')

type Fractions = readonly [number, number, number]

/** Made by fixtures/split/make_split_golden.py with scikit-learn 1.2.1. */
interface Golden {
  readonly sizes: { n: number; fractions: Fractions; sizes?: number[]; refused?: string }[]
  readonly stratified: {
    name: string
    counts: Record<string, number>
    fractions: Fractions
    /** Every outcome seen over 20 random states: per class, [train, validation, test]. */
    outcomes?: number[][][]
  }[]
}

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/split/split-golden.json', import.meta.url), 'utf8'),
) as Golden

function withSplit(recipe: Recipe, split: Partial<SplitSpec>, seed = recipe.seed): Recipe {
  return { ...recipe, seed, split: { ...recipe.split, ...split } }
}

function fractions([train, validation, test]: Fractions) {
  return { train, validation, test }
}

const PART_NAMES = ['train', 'validation', 'test'] as const

function sizesOf(split: SplitRows): number[] {
  return PART_NAMES.map((p) => split[p].length)
}

/** Rows of each class in each part: for each label, [train, validation, test]. */
function classCounts(table: Table, target: string, split: SplitRows, labels: readonly string[]) {
  const column = findColumn(table, target)
  return labels.map((label) =>
    PART_NAMES.map(
      (p) => Array.from(split[p]).filter((r) => cellLabel(column, r) === label).length,
    ),
  )
}

/** A table whose target "y" has the given class counts, interleaved, and a numeric column "x". */
function classTable(counts: Record<string, number>): Table {
  const labels = Object.entries(counts).flatMap(([label, n]) => Array<string>(n).fill(label))
  // A fixed interleaving (stride through the list) so the classes are not in blocks.
  const order = labels.map((_, i) => labels[(i * 7919) % labels.length] as string)
  const lines = ['x,y', ...order.map((label, i) => `${i},${label}`)]
  return parseDelimitedText(lines.join('\n')).table
}

function numbersTable(n: number): Table {
  const lines = ['x,y', ...Array.from({ length: n }, (_, i) => `${i},${(i * 37) % 101}`)]
  return parseDelimitedText(lines.join('\n')).table
}

describe('part sizes follow scikit-learn two-stage train_test_split (golden, sklearn 1.2.1)', () => {
  const compared = golden.sizes.filter((c) => c.sizes)
  it.each(compared.map((c) => [c.n, c.fractions.join('/'), c] as const))(
    'n = %i, train/validation/test = %s',
    (n, _, c) => {
      const split = fractions(c.fractions)
      const expected = c.sizes ?? []
      const sizes = partSizes(n, split)
      expect([sizes.train, sizes.validation, sizes.test]).toEqual(expected)
      // The random split itself cuts those sizes.
      const table = numbersTable(n)
      const recipe = withSplit(proposeRecipe(table, 't', 'y'), { method: 'random', ...split })
      expect(sizesOf(splitRows(table, recipe))).toEqual(expected)
    },
  )

  it('leaves training empty exactly where scikit-learn refuses the split as too small', () => {
    const refused = golden.sizes.filter((c) => c.refused)
    expect(refused.length).toBeGreaterThan(0)
    for (const c of refused) {
      expect(partSizes(c.n, fractions(c.fractions)).train).toBe(0)
    }
  })
})

describe('stratified per-class counts (golden, sklearn 1.2.1 with stratify=)', () => {
  const cases = golden.stratified.filter((c) => c.outcomes)
  it.each(cases.map((c) => [c.name, c.fractions.join('/'), c] as const))('%s, %s', (_, __, c) => {
    const counts = c.counts
    const labels = Object.keys(counts)
    const table = classTable(counts)
    const outcomes = c.outcomes ?? []
    // Where scikit-learn's rounding leaves a class of 3+ rows out of a part, we keep one row of
    // it there instead: we then match an outcome that keeps it, or else the part sizes.
    const parts = c.fractions[1] > 0 ? [0, 1, 2] : [0, 2]
    const sizes = labels.map((label) => counts[label] ?? 0)
    const keepsEveryClass = (o: number[][]) =>
      o.every((perPart, k) => (sizes[k] ?? 0) < 3 || parts.every((p) => (perPart[p] ?? 0) > 0))
    const keeping = outcomes.filter(keepsEveryClass)
    const recipe = withSplit(proposeRecipe(table, 't', 'y'), {
      method: 'stratified',
      ...fractions(c.fractions),
    })
    for (const seed of [1, 42, 2024]) {
      const got = classCounts(table, 'y', splitRows(table, { ...recipe, seed }), labels)
      if (keeping.length > 0) expect(keeping, `seed ${seed}`).toContainEqual(got)
      else expect(keepsEveryClass(got), `seed ${seed}`).toBe(true)
      const totals = (o: number[][]) => [0, 1, 2].map((p) => o.reduce((s, c) => s + (c[p] ?? 0), 0))
      expect(totals(got)).toEqual(totals(outcomes[0] ?? []))
    }
  })

  it('keeps a class of only 3 rows in every part, where scikit-learn puts all 3 in training', () => {
    const c = golden.stratified.find((s) => s.name === 'rare class of 3' && s.fractions[0] === 0.8)
    expect(c?.outcomes).toEqual([
      [
        [3, 0, 0],
        [160, 20, 20],
        [637, 80, 80],
      ],
    ])
    const table = classTable({ a: 3, b: 200, c: 797 })
    const recipe = withSplit(proposeRecipe(table, 't', 'y'), { method: 'stratified' })
    for (const seed of [1, 2, 3, 42]) {
      const split = splitRows(table, { ...recipe, seed })
      expect(sizesOf(split)).toEqual([800, 100, 100])
      expect(classCounts(table, 'y', split, ['a'])).toEqual([[1, 1, 1]])
    }
  })
})

describe('splitRows', () => {
  it('gives the same split for the same seed, and a different one for another seed', () => {
    for (const method of ['random', 'stratified'] as const) {
      const recipe = withSplit(germanRecipe, { method })
      const a = splitRows(german, recipe)
      const b = splitRows(german, withSplit(recipe, {}, recipe.seed))
      expect(b).toEqual(a)
      const c = splitRows(german, withSplit(recipe, {}, recipe.seed + 1))
      expect(Array.from(c.test)).not.toEqual(Array.from(a.test))
      expect(Array.from(c.train)).not.toEqual(Array.from(a.train))
    }
  })

  it('cuts the 1000 German credit rows 800/100/100, 240/30/30 of them Bad', () => {
    const split = splitRows(german, germanRecipe)
    expect(sizesOf(split)).toEqual([800, 100, 100])
    expect(classCounts(german, 'Class', split, ['Bad'])).toEqual([[240, 30, 30]])
    expect(split.droppedMissingTarget).toBe(0)
  })

  it.each([
    ['GermanCredit', german, germanRecipe],
    ['CreditCard', credit, creditRecipe],
    ['HMDA', hmda, hmdaRecipe],
  ] as const)(
    'keeps the class proportions of %s in every part, within one row per class',
    (_, table, recipe) => {
      const labels = recipe.target.classes ?? []
      const target = recipe.target.column
      const all = Int32Array.from({ length: table.rowCount }, (_, i) => i)
      const whole = classCounts(table, target, { ...splitRows(table, recipe), train: all }, labels)
      for (const f of [
        [0.8, 0.1, 0.1],
        [0.7, 0.15, 0.15],
        [0.6, 0.2, 0.2],
      ] as const) {
        for (const seed of [1, 42, 2024]) {
          const split = splitRows(table, withSplit(recipe, fractions(f), seed))
          const sizes = sizesOf(split)
          classCounts(table, target, split, labels).forEach((perPart, k) => {
            const total = whole[k]?.[0] as number
            perPart.forEach((got, p) => {
              const expected = (total * (sizes[p] as number)) / table.rowCount
              expect(
                Math.abs(got - expected),
                `${labels[k]} ${PART_NAMES[p]} ${f.join('/')} ${seed}`,
              ).toBeLessThanOrEqual(1)
            })
          })
        }
      }
    },
  )

  it('puts every row with a target in exactly one part', () => {
    for (const method of ['random', 'stratified', 'chronological'] as const) {
      const split = splitRows(credit, withSplit(creditRecipe, { method }))
      const all = [...split.train, ...split.validation, ...split.test]
      expect(all).toHaveLength(credit.rowCount)
      expect(new Set(all).size).toBe(credit.rowCount)
      expect(Math.min(...all)).toBe(0)
      expect(Math.max(...all)).toBe(credit.rowCount - 1)
    }
  })

  it('mixes the classes within a part rather than listing one class after the other', () => {
    const split = splitRows(german, germanRecipe)
    const target = findColumn(german, 'Class')
    const firstHundred = Array.from(split.train.subarray(0, 100), (r) => cellValue(target, r))
    expect(new Set(firstHundred)).toEqual(new Set(['Good', 'Bad']))
  })

  it('drops rows whose target is missing and counts them', () => {
    const lines = ['x,y']
    for (let i = 0; i < 50; i++) lines.push(`${i},${i % 10 === 3 ? 'NA' : i % 2 === 0 ? 'a' : 'b'}`)
    const { table } = parseDelimitedText(lines.join('\n'))
    const recipe = proposeRecipe(table, 't', 'y')
    const split = splitRows(table, recipe)
    expect(split.droppedMissingTarget).toBe(5)
    const used = [...split.train, ...split.validation, ...split.test]
    expect(used).toHaveLength(45)
    const y = findColumn(table, 'y')
    expect(used.every((row) => cellValue(y, row) !== null)).toBe(true)
  })

  it('splits a regression target at random with scikit-learn sizes', () => {
    const recipe = proposeRecipe(credit, 'CreditCard.csv', 'income')
    expect(recipe.split.method).toBe('random')
    // 1319 rows: test ceil(131.9) = 132, validation ceil(1187 / 9) = 132, train the rest.
    expect(sizesOf(splitRows(credit, recipe))).toEqual([1055, 132, 132])
  })

  it('refuses fractions that do not add up to 1, naming all three', () => {
    const recipe = withSplit(germanRecipe, { train: 0.7, validation: 0.2, test: 0.2 })
    expect(() => splitRows(german, recipe)).toThrow(
      /must add up to 1, but train 0\.7 \+ validation 0\.2 \+ test 0\.2 = 1\.1/,
    )
    const prepared = prepareData(recipe, german)
    expect(prepared.error?.stepId).toBeNull()
    expect(prepared.error?.message).toMatch(/train 0\.7 \+ validation 0\.2 \+ test 0\.2/)
    // Float noise within 1e-9 is fine: 0.34 + 0.33 + 0.33 is 1.0000000000000002 as doubles.
    const noisy = withSplit(germanRecipe, { train: 0.34, validation: 0.33, test: 0.33 })
    expect(sizesOf(splitRows(german, noisy))).toEqual([340, 330, 330])
  })

  it('refuses to stratify a regression target, saying to choose random', () => {
    const recipe = withSplit(proposeRecipe(credit, 'CreditCard.csv', 'income'), {
      method: 'stratified',
    })
    expect(() => splitRows(credit, recipe)).toThrow(/"income" is a number to predict.*random/)
  })
})

describe('chronological split', () => {
  const date = findColumn(stocks, 'date')
  const stocksRecipe = withSplit(proposeRecipe(stocks, 'stocks.csv', 'price'), {
    method: 'chronological',
    orderBy: 'date',
  })
  const time = (row: number) => cellValue(date, row) as number

  it('reads the stocks dates as dates (epoch ms), several stocks per date', () => {
    expect(date.kind).toBe('numeric')
    expect(time(0)).toBe(Date.UTC(2000, 0, 1))
    const perDate = new Map<number, number>()
    for (let r = 0; r < stocks.rowCount; r++) perDate.set(time(r), (perDate.get(time(r)) ?? 0) + 1)
    expect(Math.max(...perDate.values())).toBe(5)
  })

  it('trains on the past and tests on the future: every test date is after every training date', () => {
    const split = splitRows(stocks, stocksRecipe)
    const dates = (rows: Int32Array) => Array.from(rows, time)
    const [train, validation, test] = [
      dates(split.train),
      dates(split.validation),
      dates(split.test),
    ]
    expect(Math.max(...train)).toBeLessThan(Math.min(...validation))
    expect(Math.max(...validation)).toBeLessThan(Math.min(...test))
    // No shuffle: each part is in date order.
    for (const part of [train, validation, test]) {
      expect(part).toEqual([...part].sort((a, b) => a - b))
    }
    // scikit-learn's sizes: 447/57/56 (0.1 / 0.9 · 504 is 56.000000000000007 as doubles, so
    // validation rounds up to 57). A cut inside one month's rows moves to the month's edge.
    const sklearn = partSizes(560, stocksRecipe.split)
    expect([sklearn.train, sklearn.validation, sklearn.test]).toEqual([447, 57, 56])
    sizesOf(split).forEach((size, p) => {
      expect(Math.abs(size - ([447, 57, 56][p] as number))).toBeLessThanOrEqual(5)
    })
    expect(split.droppedMissingOrder).toBe(0)
  })

  it('is the same whatever the seed', () => {
    expect(splitRows(stocks, { ...stocksRecipe, seed: 7 })).toEqual(
      splitRows(stocks, { ...stocksRecipe, seed: 8 }),
    )
  })

  it('in file order, cuts contiguous blocks of scikit-learn sizes (shuffle=False)', () => {
    const split = splitRows(credit, withSplit(creditRecipe, { method: 'chronological' }))
    const range = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => from + i)
    expect(Array.from(split.train)).toEqual(range(0, 1055))
    expect(Array.from(split.validation)).toEqual(range(1055, 1187))
    expect(Array.from(split.test)).toEqual(range(1187, 1319))
  })

  it('leaves out rows without a date and counts them', () => {
    const lines = readFileSync(
      new URL('../../../public/datasets/stocks.csv', import.meta.url),
      'utf8',
    ).split('\n')
    // Blank the date of every 10th data row.
    const blanked = lines.map((line, i) =>
      i > 0 && i % 10 === 0 ? line.replace(/,[^,]+,/, ',,') : line,
    )
    const table = inferTable(parseDelimitedText(blanked.join('\n')).table).table
    const split = splitRows(table, stocksRecipe)
    expect(split.droppedMissingOrder).toBe(56)
    const used = [...split.train, ...split.validation, ...split.test]
    expect(used).toHaveLength(560 - 56)
    const column = findColumn(table, 'date')
    expect(used.every((r) => cellValue(column, r) !== null)).toBe(true)
  })

  it('explains an order column that is not dates or numbers, or not in the data', () => {
    expect(() => splitRows(stocks, withSplit(stocksRecipe, { orderBy: 'symbol' }))).toThrow(
      /needs "symbol" to be dates or numbers/,
    )
    expect(() => splitRows(stocks, withSplit(stocksRecipe, { orderBy: 'day' }))).toThrow(
      /orders rows by "day", which is not in the data/,
    )
  })
})

describe('time-series windows refuse a shuffled split', () => {
  const base = proposeRecipe(stocks, 'stocks.csv', 'price')
  const windows: Step = {
    id: 'w1',
    enabled: true,
    op: 'windows',
    orderBy: 'date',
    columns: ['price'],
    lookback: 3,
    horizon: 1,
    stride: 1,
  }
  const withWindows = (split: Partial<SplitSpec>, enabled = true): Recipe =>
    withSplit({ ...base, steps: [{ ...windows, enabled }] }, split)

  it.each(['random', 'stratified'] as const)(
    '%s split: says why and to choose chronological',
    (method) => {
      const prepared = prepareData(withWindows({ method }), stocks)
      expect(prepared.error).toEqual({ stepId: null, message: CHRONOLOGICAL_REASON })
      expect(CHRONOLOGICAL_REASON).toMatch(/Choose Chronological/)
    },
  )

  it('chronological split: no complaint about the split', () => {
    const dropSymbol: Step = { id: 'd1', enabled: true, op: 'drop-columns', columns: ['symbol'] }
    const recipe = withWindows({ method: 'chronological', orderBy: 'date' })
    const prepared = prepareData({ ...recipe, steps: [dropSymbol, ...recipe.steps] }, stocks)
    expect(prepared.error).toBeNull()
  })

  it('a windows step switched off does not constrain the split', () => {
    const dropSymbol: Step = { id: 'd1', enabled: true, op: 'drop-columns', columns: ['symbol'] }
    const recipe = withWindows({ method: 'random' }, false)
    const prepared = prepareData({ ...recipe, steps: [...recipe.steps, dropSymbol] }, stocks)
    expect(prepared.error).toBeNull()
  })
})
