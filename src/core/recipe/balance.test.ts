import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { cellLabel, findColumn, type Table } from '../table/table'
import { balancedClassWeights, oversampleRows } from './balance'
import { prepareData } from './pipeline/prepare-data'
import { prepareTrainingJob } from './prepare-job'
import { proposeRecipe } from './propose'
import type { Recipe, TargetSpec } from './recipe-schema'

function dataset(name: string): Table {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return parseDelimitedText(text).table
}

/** Made by fixtures/split/make_split_golden.py: compute_class_weight('balanced') of sklearn 1.2.1. */
interface GoldenWeights {
  readonly class_weights: {
    name: string
    counts: Record<string, number>
    weights: Record<string, number>
  }[]
}

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/split/split-golden.json', import.meta.url), 'utf8'),
) as GoldenWeights

/** The golden case's table: the bundled file for real data, else labels with the given counts. */
const REAL: Record<string, [string, string]> = {
  'GermanCredit Class': ['GermanCredit.csv', 'Class'],
  'CreditCard card': ['CreditCard.csv', 'card'],
  'HMDA deny': ['HMDA.csv', 'deny'],
  'lending-club Class': ['lending-club.csv', 'Class'],
  'wine cultivar': ['wine.csv', 'cultivar'],
  'iris species': ['iris.csv', 'species'],
}

function labelsTable(counts: Record<string, number>): Table {
  const labels = Object.entries(counts).flatMap(([label, n]) => Array<string>(n).fill(label))
  return parseDelimitedText(['x,y', ...labels.map((l, i) => `${i},${l}`)].join('\n')).table
}

function allRows(table: Table): Int32Array {
  return Int32Array.from({ length: table.rowCount }, (_, i) => i)
}

function countByLabel(table: Table, target: string, rows: ArrayLike<number>) {
  const column = findColumn(table, target)
  const counts: Record<string, number> = {}
  for (let i = 0; i < rows.length; i++) {
    const label = cellLabel(column, rows[i] as number) ?? 'missing'
    counts[label] = (counts[label] ?? 0) + 1
  }
  return counts
}

describe('balancedClassWeights', () => {
  it.each(golden.class_weights.map((c) => [c.name, c] as const))(
    "equals scikit-learn's compute_class_weight('balanced') on %s",
    (name, c) => {
      const real = REAL[name]
      const table = real ? dataset(real[0]) : labelsTable(c.counts)
      const column = real ? real[1] : 'y'
      const target = proposeRecipe(table, name, column).target
      const weights = balancedClassWeights(table, target, allRows(table))
      const classes = target.classes ?? []
      expect(classes.slice().sort()).toEqual(Object.keys(c.weights))
      classes.forEach((label, k) => expect(weights[k]).toBeCloseTo(c.weights[label] ?? NaN, 12))
    },
  )

  it('counts only the classes present in training; an absent class gets weight 1', () => {
    const table = labelsTable({ a: 10, b: 30 })
    const target: TargetSpec = { column: 'y', task: 'multiclass', classes: ['a', 'b', 'c'] }
    // 40 rows, 2 classes present: 40 / (2 × 10) and 40 / (2 × 30), as sklearn with np.unique(y).
    expect(balancedClassWeights(table, target, allRows(table))).toEqual([2, 40 / 60, 1])
  })
})

describe('oversampleRows', () => {
  const german = dataset('GermanCredit.csv')
  const target = proposeRecipe(german, 'GermanCredit.csv', 'Class').target
  const train = Int32Array.from({ length: 500 }, (_, i) => i * 2)

  it('tops every class up to the largest with copies of its own training rows', () => {
    const before = countByLabel(german, 'Class', train)
    const out = oversampleRows(german, target, train, 42)
    const after = countByLabel(german, 'Class', out)
    const largest = Math.max(...Object.values(before))
    expect(after).toEqual({ Good: largest, Bad: largest })
    // Every original row is kept once, and copies come from the training rows only.
    expect(Array.from(out.subarray(0, train.length))).toEqual(Array.from(train))
    const allowed = new Set(train)
    expect(Array.from(out).every((row) => allowed.has(row))).toBe(true)
  })

  it('is repeatable with the seed and spreads the copies evenly over the rare rows', () => {
    const out = oversampleRows(german, target, train, 42)
    expect(oversampleRows(german, target, train, 42)).toEqual(out)
    expect(oversampleRows(german, target, train, 43)).not.toEqual(out)
    const label = findColumn(german, 'Class')
    const times = new Map<number, number>()
    for (const row of out)
      if (cellLabel(label, row) === 'Bad') times.set(row, (times.get(row) ?? 0) + 1)
    const counts = [...times.values()]
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
  })

  it('works for three classes of very different sizes', () => {
    const table = labelsTable({ a: 7, b: 50, c: 3 })
    const multi: TargetSpec = { column: 'y', task: 'multiclass', classes: ['a', 'b', 'c'] }
    const out = oversampleRows(table, multi, allRows(table), 1)
    expect(countByLabel(table, 'y', out)).toEqual({ a: 50, b: 50, c: 50 })
  })
})

describe('balance while preparing the data', () => {
  const german = dataset('GermanCredit.csv')
  const recipe = proposeRecipe(german, 'GermanCredit.csv', 'Class')
  const withBalance = (method: Recipe['balance']['method']): Recipe => ({
    ...recipe,
    balance: { method },
  })

  it('oversamples the training rows only: validation and test keep their rows and class mix', () => {
    const plain = prepareData(withBalance('none'), german)
    const over = prepareData(withBalance('oversample'), german)
    expect(plain.error).toBeNull()
    expect(over.error).toBeNull()
    expect(Array.from(over.parts.validation)).toEqual(Array.from(plain.parts.validation))
    expect(Array.from(over.parts.test)).toEqual(Array.from(plain.parts.test))
    expect(countByLabel(german, 'Class', over.parts.validation)).toEqual({ Good: 70, Bad: 30 })
    expect(countByLabel(german, 'Class', over.parts.test)).toEqual({ Good: 70, Bad: 30 })
    expect(countByLabel(german, 'Class', plain.parts.train)).toEqual({ Good: 560, Bad: 240 })
    expect(countByLabel(german, 'Class', over.parts.train)).toEqual({ Good: 560, Bad: 560 })
    // The copies are of training rows: no validation or test row reaches training.
    const trainRows = new Set(plain.parts.train)
    expect(Array.from(over.parts.train).every((row) => trainRows.has(row))).toBe(true)
    expect(over.notes.join(' ')).toMatch(/added 320 copies of training rows/)
    // What the steps learned does not depend on the copies: they are made after fitting.
    expect(over.recipe.steps).toEqual(plain.recipe.steps)
  })

  it('passes balanced class weights from the training rows into the training job', () => {
    const { job, split } = prepareTrainingJob(withBalance('class-weights'), german, 'cpu')
    expect(job.recipe.target.classes).toEqual(['Good', 'Bad'])
    // 560 Good and 240 Bad training rows: 800 / (2 × 560) and 800 / (2 × 240).
    expect(job.classWeights).toEqual([800 / 1120, 800 / 480])
    const sklearn = golden.class_weights.find((c) => c.name === 'GermanCredit Class')?.weights
    expect(job.classWeights?.[0]).toBeCloseTo(sklearn?.Good ?? 0, 12)
    expect(job.classWeights?.[1]).toBeCloseTo(sklearn?.Bad ?? 0, 12)
    // Class weights leave the rows alone.
    expect(split.train).toHaveLength(800)
    expect(job.train.y.rows).toBe(800)
  })

  it('gives no class weights unless asked, and none for a regression target', () => {
    expect(prepareTrainingJob(withBalance('none'), german, 'cpu').job.classWeights).toBeNull()
    expect(prepareTrainingJob(withBalance('oversample'), german, 'cpu').job.classWeights).toBeNull()
    const credit = dataset('CreditCard.csv')
    const regression = proposeRecipe(credit, 'CreditCard.csv', 'income')
    const prepared = prepareData({ ...regression, balance: { method: 'class-weights' } }, credit)
    expect(prepared.error).toBeNull()
    expect(prepared.classWeights).toBeNull()
  })
})
