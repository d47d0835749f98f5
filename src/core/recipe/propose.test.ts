import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inferColumnTypes } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import { prepareTrainingJob } from './prepare-job'
import { fitRecipe } from './pipeline/prepare-data'
import { leftOutColumns, proposeRecipe, proposeSteps } from './propose'
import { parseRecipe, sourceColumns, type Recipe } from './recipe-schema'
import type { Table } from '../table/table'
import { featureNames } from './transform'

/** The model inputs the proposed recipe gives when fitted on every row. */
function inputs(recipe: Recipe, table: Table): string[] {
  const all = Int32Array.from({ length: table.rowCount }, (_, i) => i)
  return featureNames(fitRecipe(recipe, table, all))
}

function dataset(name: string) {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return parseDelimitedText(text).table
}

function csv(text: string) {
  return parseDelimitedText(text).table
}

describe('proposeRecipe: the positive class of a binary target', () => {
  it('chooses "yes" over "no" on CreditCard, although "yes" is the commoner class', () => {
    const recipe = proposeRecipe(dataset('CreditCard.csv'), 'CreditCard.csv', 'card')
    expect(recipe.target).toEqual({ column: 'card', task: 'binary', classes: ['no', 'yes'] })
  })

  it('chooses "Bad" on GermanCredit (the event of interest, and the rarer class)', () => {
    const recipe = proposeRecipe(dataset('GermanCredit.csv'), 'GermanCredit.csv', 'Class')
    expect(recipe.target.classes).toEqual(['Good', 'Bad'])
  })

  it('chooses the rarer class when neither label names an event', () => {
    const rareB = csv('x,label\n1,A\n2,A\n3,B\n4,A\n')
    expect(proposeRecipe(rareB, 't', 'label').target.classes).toEqual(['A', 'B'])
    const rareA = csv('x,label\n1,B\n2,A\n3,B\n4,B\n')
    expect(proposeRecipe(rareA, 't', 'label').target.classes).toEqual(['B', 'A'])
  })

  it('chooses 1 over 0 for a numeric 0/1 target, even when 1 is the commoner', () => {
    const table = csv('x,y\n1,1\n2,1\n3,0\n4,1\n')
    expect(proposeRecipe(table, 't', 'y').target.classes).toEqual(['0', '1'])
  })
})

describe('proposeRecipe: task, steps and split', () => {
  it('lists every class of a multiclass target, numbers in numeric order', () => {
    const table = csv('x,rating\n1,2\n2,10\n3,1\n4,2\n5,10\n')
    expect(proposeRecipe(table, 't', 'rating').target).toEqual({
      column: 'rating',
      task: 'multiclass',
      classes: ['1', '2', '10'],
    })
  })

  it('scales numeric columns and one-hot encodes categorical ones, never the target', () => {
    const recipe = proposeRecipe(dataset('CreditCard.csv'), 'CreditCard.csv', 'card')
    const byOp = (op: string) => recipe.steps.filter((s) => s.op === op)
    expect(byOp('one-hot').map((s) => (s.op === 'one-hot' ? s.column : ''))).toEqual([
      'owner',
      'selfemp',
    ])
    const [scale] = byOp('scale')
    expect(scale?.op === 'scale' && scale.columns).toEqual([
      'reports',
      'age',
      'income',
      'share',
      'expenditure',
      'dependents',
      'months',
      'majorcards',
      'active',
    ])
    expect(recipe.steps.every((s) => !('fitted' in s))).toBe(true)
  })

  it('explains each step by naming its column', () => {
    const steps = proposeSteps(csv('n,c,t\n1,a,0\n2,b,1\n'), 't')
    expect(steps.map((s) => s.op)).toEqual(['one-hot', 'scale'])
    expect(steps[0]?.why).toMatch(/^"c" is categorical/)
    expect(steps[1]?.why).toMatch(/^"n" is numeric/)
  })

  it('stratifies classification splits and splits regression at random, 80/10/10', () => {
    const table = csv('x,y,z\n1,a,1.5\n2,b,2.5\n3,a,3.25\n4,b,9.5\n')
    expect(proposeRecipe(table, 't', 'y').split).toEqual({
      method: 'stratified',
      train: 0.8,
      validation: 0.1,
      test: 0.1,
    })
    expect(proposeRecipe(table, 't', 'z').split.method).toBe('random')
    expect(proposeRecipe(table, 't', 'z').target.task).toBe('regression')
  })

  it('records the seed and the source schema, and passes its own validation', () => {
    const table = dataset('CreditCard.csv')
    const recipe = proposeRecipe(table, 'CreditCard.csv', 'card', 7)
    expect(recipe.seed).toBe(7)
    expect(sourceColumns(recipe)).toHaveLength(12)
    expect(sourceColumns(recipe)[6]).toEqual({ name: 'owner', kind: 'categorical' })
    expect(parseRecipe(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe)
  })

  it('refuses a target that cannot be predicted, with the reason', () => {
    const table = csv('x,same\n1,a\n2,a\n')
    expect(() => proposeRecipe(table, 't', 'same')).toThrow(/single value/)
    expect(() => proposeRecipe(table, 't', 'nope')).toThrow(/no column named "nope"/)
  })
})

describe('leftOutColumns: what the default recipe does not feed the network', () => {
  const rows = Array.from({ length: 120 }, (_, i) => `C-${1000 + i},north,${i % 7},${i % 2}`)
  const table = csv(`customer_id,region,visits,churn\n${rows.join('\n')}\n`)

  it('leaves out a constant column and an identifier, saying why, and keeps the rest', () => {
    const out = leftOutColumns(table, 'churn')
    expect(out.map((c) => c.column)).toEqual(['customer_id', 'region'])
    expect(out[0]?.why).toMatch(/^"customer_id" is an identifier: the network would memorise rows/)
    expect(out[0]?.why).toMatch(/Each of the 120 rows has its own value/)
    expect(out[1]?.why).toBe(
      '"region" is constant, so it cannot tell rows apart. All 120 values are "north".',
    )
    expect(inputs(proposeRecipe(table, 't', 'churn'), table)).toEqual(['visits'])
  })

  it('keeps dates and free text: they become calendar parts and word ids instead', () => {
    const words = ['a quiet morning', 'the market fell', 'rates went up', 'a strong quarter']
    const lines = Array.from(
      { length: 40 },
      (_, i) =>
        `2024-01-${String((i % 28) + 1).padStart(2, '0')},"Review ${i}: ${words[i % 4] ?? ''} and more words here",${i % 5},${i % 2}`,
    )
    const t = csv(`day,comment,score,y\n${lines.join('\n')}\n`)
    expect(leftOutColumns(t, 'y')).toEqual([])
    const steps = proposeSteps(t, 'y')
    // The dates are still text in this table, so they are read as dates first.
    expect(steps.map((s) => s.op)).toEqual(['cast', 'date-parts', 'tokens', 'scale'])
    expect(steps[0]).toMatchObject({ op: 'cast', column: 'day', to: 'datetime' })
    expect(steps[1]).toMatchObject({ column: 'day', parts: ['weekday'], cyclical: true })
    expect(steps[1]?.why).toMatch(/year is left out \(a single year\); month is left out/)
    expect(steps[2]).toMatchObject({ column: 'comment', sequenceLength: 9, lowercase: true })
  })

  it('leaves out a column that only records an earlier train/valid/test split', () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `${i % 7},${['train', 'valid', 'test'][i % 3] ?? ''},${i % 2}`,
    )
    const t = csv(`x,split,y\n${rows.join('\n')}\n`)
    expect(leftOutColumns(t, 'y')).toEqual([
      {
        column: 'split',
        why: '"split" only says which part of an earlier split each row came from (train, valid, test): it describes the file, not the row, and the recipe makes its own split.',
      },
    ])
  })

  it('keeps a column the analyst chose to treat as categorical, whatever its cardinality', () => {
    const types = inferColumnTypes(table).map((info, i) =>
      i === 0 ? { type: 'categorical' as const, reason: 'Chosen by you.', overridden: true } : info,
    )
    const out = leftOutColumns(table, 'churn', types)
    expect(out.map((c) => c.column)).toEqual(['region'])
  })

  it('keeps a categorical column whose many categories each cover several rows', () => {
    const many = Array.from({ length: 240 }, (_, i) => `city${i % 60},${i % 2}`)
    const cities = csv(`city,y\n${many.join('\n')}\n`)
    expect(leftOutColumns(cities, 'y')).toEqual([])
  })

  it('refuses to train when no informative column is left', () => {
    const only = csv(`id,y\n${Array.from({ length: 80 }, (_, i) => `r${i},${i % 2}`).join('\n')}\n`)
    const recipe = proposeRecipe(only, 't', 'y')
    expect(() => prepareTrainingJob(recipe, only, 'cpu')).toThrow(/No column is left to learn from/)
  })
})
