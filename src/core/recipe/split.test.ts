import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { cellValue, findColumn, type Table } from '../table/table'
import { proposeRecipe } from './propose'
import type { Recipe } from './recipe-schema'
import { splitRows, type SplitRows } from './split'

function dataset(name: string): Table {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return parseDelimitedText(text).table
}

const german = dataset('GermanCredit.csv')
const credit = dataset('CreditCard.csv')
const germanRecipe = proposeRecipe(german, 'GermanCredit.csv', 'Class')
const creditRecipe = proposeRecipe(credit, 'CreditCard.csv', 'card')

function withSeed(recipe: Recipe, seed: number): Recipe {
  return { ...recipe, seed }
}

function parts(split: SplitRows): [string, Int32Array][] {
  return [
    ['train', split.train],
    ['validation', split.validation],
    ['test', split.test],
  ]
}

function classCount(table: Table, target: string, rows: Int32Array, label: string): number {
  const column = findColumn(table, target)
  return Array.from(rows).filter((row) => cellValue(column, row) === label).length
}

describe('splitRows', () => {
  it('gives the same split for the same seed, and a different one for another seed', () => {
    const a = splitRows(german, germanRecipe)
    const b = splitRows(german, withSeed(germanRecipe, germanRecipe.seed))
    expect(b).toEqual(a)
    const c = splitRows(german, withSeed(germanRecipe, germanRecipe.seed + 1))
    expect(Array.from(c.test)).not.toEqual(Array.from(a.test))
    expect(Array.from(c.train)).not.toEqual(Array.from(a.train))
  })

  it('cuts 1000 rows 800/100/100', () => {
    const split = splitRows(german, germanRecipe)
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([
      800, 100, 100,
    ])
    expect(split.droppedMissingTarget).toBe(0)
  })

  it.each([
    ['GermanCredit', german, germanRecipe, ['Good', 'Bad']],
    ['CreditCard', credit, creditRecipe, ['yes', 'no']],
  ] as const)(
    'keeps the class proportions of %s in every part, within one row per class',
    (_, table, recipe, labels) => {
      for (const seed of [1, 42, 2024]) {
        const split = splitRows(table, withSeed(recipe, seed))
        const all = Int32Array.from({ length: table.rowCount }, (_, i) => i)
        for (const label of labels) {
          const total = classCount(table, recipe.target.column, all, label)
          const fractions = { train: 0.8, validation: 0.1, test: 0.1 }
          for (const [name, rows] of parts(split)) {
            const expected = total * fractions[name as keyof typeof fractions]
            const got = classCount(table, recipe.target.column, rows, label)
            expect(
              Math.abs(got - expected),
              `${label} in ${name}, seed ${seed}`,
            ).toBeLessThanOrEqual(1)
          }
        }
      }
    },
  )

  it('puts every row with a target in exactly one part', () => {
    const split = splitRows(credit, creditRecipe)
    const all = [...split.train, ...split.validation, ...split.test]
    expect(all).toHaveLength(credit.rowCount)
    expect(new Set(all).size).toBe(credit.rowCount)
    expect(Math.min(...all)).toBe(0)
    expect(Math.max(...all)).toBe(credit.rowCount - 1)
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

  it('splits a regression target at random with the same sizes', () => {
    const recipe = proposeRecipe(credit, 'CreditCard.csv', 'income')
    expect(recipe.split.method).toBe('random')
    const split = splitRows(credit, recipe)
    // 1319 rows: round(1055.2) train, round(131.9) validation, the rest test.
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([
      1055, 132, 132,
    ])
  })
})
