import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ColumnTypeInfo } from '../../table/column-type'
import { inferTable } from '../../table/infer-types'
import { parseDelimitedText } from '../../table/parse-delimited'
import type { Table } from '../../table/table'
import { prepareData } from '../pipeline/prepare-data'
import { tableStepImpl } from '../pipeline/registry'
import { proposeChoices, proposeRecipe } from '../propose'
import { recipeSchema, type Recipe } from '../recipe-schema'
import type { Step, StepOf, StepOp } from '../step-schema'

/** Each bundled table with the target its sample card preselects (sample-datasets.ts). */
const SAMPLES = [
  ['iris.csv', 'species'],
  ['wine.csv', 'cultivar'],
  ['breast-cancer.csv', 'diagnosis'],
  ['digits.csv', 'digit'],
  ['GermanCredit.csv', 'Class'],
  ['CreditCard.csv', 'card'],
  ['lending-club.csv', 'Class'],
  ['HMDA.csv', 'deny'],
  ['stocks.csv', 'price'],
  ['financial-news-sentiment.csv', 'sentiment'],
] as const

/** The file as the Data step loads it: parsed, then typed (dates become epoch milliseconds). */
function load(file: string): { table: Table; types: ColumnTypeInfo[] } {
  const text = readFileSync(new URL(`../../../../public/datasets/${file}`, import.meta.url), 'utf8')
  return inferTable(parseDelimitedText(text).table)
}

const loaded = new Map(SAMPLES.map(([file]) => [file, load(file)]))
const proposals = new Map(
  SAMPLES.map(([file, target]) => {
    const { table, types } = loaded.get(file) as { table: Table; types: ColumnTypeInfo[] }
    return [file, proposeRecipe(table, file, target, 42, types)]
  }),
)

function proposal(file: (typeof SAMPLES)[number][0]): Recipe {
  return proposals.get(file) as Recipe
}

function only<O extends StepOp>(recipe: Recipe, op: O): StepOf<O>[] {
  return recipe.steps.filter((s): s is StepOf<O> => s.op === op)
}

/** The columns a step reads, as its settings name them. */
function reads(step: Step): string[] {
  switch (step.op) {
    case 'drop-duplicates':
    case 'drop-columns':
    case 'outliers':
    case 'impute':
    case 'scale':
    case 'log1p':
      return step.columns
    case 'windows':
      return [...step.columns, ...(step.orderBy === null ? [] : [step.orderBy])]
    case 'image-resize':
    case 'image-normalise':
      return []
    default:
      return [step.column]
  }
}

/** Columns a step adds, by the names step-schema.ts gives them. */
function adds(step: Step, target: string): string[] {
  if (step.op === 'windows')
    return [
      `${target} (t)`,
      ...Array.from({ length: step.lookback - 1 }, (_, k) => `${target} (t-${k + 1})`),
    ]
  if (step.op === 'date-parts') return step.parts.map((p) => `${step.column}.${p}`)
  return []
}

/** A step whose implementation is still the placeholder that throws when applied. */
function isPlaceholder(step: Step): boolean {
  const empty = { columns: [], rowCount: 0 }
  try {
    tableStepImpl(step).apply(step, empty, new Int32Array(0), {
      target: '',
      seed: 0,
      mode: 'train',
    })
  } catch (error) {
    return error instanceof Error && error.message === 'This step is not built yet.'
  }
  return false
}

const placeholdersIn = (recipe: Recipe) => recipe.steps.filter(isPlaceholder).map((s) => s.op)

describe.each(SAMPLES)('the proposal for %s (target %s)', (file, target) => {
  const recipe = proposal(file)
  const { table } = loaded.get(file) as { table: Table }

  it('is a valid recipe whose every step says why', () => {
    expect(recipeSchema.parse(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe)
    for (const step of recipe.steps) expect(step.why?.length ?? 0).toBeGreaterThan(40)
    expect(new Set(recipe.steps.map((s) => s.id)).size).toBe(recipe.steps.length)
  })

  it('reads only columns that exist when the step runs, and never feeds the target', () => {
    const live = new Set(table.columns.map((c) => c.name))
    for (const step of recipe.steps) {
      for (const name of reads(step))
        expect(live.has(name), `${step.op} reads "${name}"`).toBe(true)
      if (step.op !== 'windows') expect(reads(step)).not.toContain(target)
      if (step.op === 'drop-columns') step.columns.forEach((c) => live.delete(c))
      if (step.op === 'date-parts' || step.op === 'tokens') live.delete(step.column)
      adds(step, target).forEach((c) => live.add(c))
    }
  })

  it('keeps the pipeline rules: windows only with a chronological split by their date', () => {
    const windows = only(recipe, 'windows')
    if (windows.length > 0) {
      expect(recipe.split).toMatchObject({ method: 'chronological', orderBy: windows[0]?.orderBy })
      expect(recipe.target.task).toBe('regression')
    } else {
      expect(recipe.split.method).toBe(
        recipe.target.task === 'regression' ? 'random' : 'stratified',
      )
    }
    const { split, balance } = proposeChoices(table, target, loaded.get(file)?.types)
    expect({ split, balance }).toEqual({ split: recipe.split, balance: recipe.balance })
  })

  // Guarded: runs once every step in this proposal is built (placeholders throw when applied).
  it.skipIf(placeholdersIn(recipe).length > 0)(
    `prepares its data end to end (skipped while ${placeholdersIn(recipe).join(', ') || 'nothing'} is a placeholder)`,
    () => {
      const prepared = prepareData(recipe, table)
      expect(prepared.error).toBeNull()
      expect(prepared.parts.train.length).toBeGreaterThan(0)
      expect(prepared.parts.test.length).toBeGreaterThan(0)
      const raw = new Set(table.columns.map((c) => c.name))
      const features = prepared.recipe.features ?? []
      expect(features.length).toBeGreaterThan(0)
      for (const f of features) {
        expect(f.sources.every((s) => raw.has(s))).toBe(true)
        if (recipe.target.task !== 'regression' || only(recipe, 'windows').length === 0)
          expect(f.sources).not.toContain(target)
      }
    },
  )
})

describe('the proposals, dataset by dataset', () => {
  it('iris: drops its one repeated row first and scales the four measurements', () => {
    const recipe = proposal('iris.csv')
    expect(recipe.steps.map((s) => s.op)).toEqual(['drop-duplicates', 'scale'])
    expect(recipe.steps[0]).toMatchObject({ op: 'drop-duplicates', columns: [] })
    expect(recipe.steps[0]?.why).toMatch(/^1 row \(0\.7%\) repeats an earlier row in every column/)
    expect(recipe.balance.method).toBe('none')
  })

  it('wine and digits: balanced classes, so no class weights, even with ten classes of 10%', () => {
    expect(proposal('wine.csv').steps.map((s) => s.op)).toEqual(['scale'])
    const digits = proposal('digits.csv')
    expect(digits.balance.method).toBe('none')
    expect(only(digits, 'drop-columns')[0]?.columns).toEqual([
      'pixel_0_0',
      'pixel_4_0',
      'pixel_4_7',
    ])
    // Pixels are mostly 0: a spike, not a long tail, so no log1p and no capping.
    expect(digits.steps.map((s) => s.op)).toEqual(['drop-columns', 'scale'])
    const { why } = proposeChoices(loaded.get('digits.csv')?.table as Table, 'digit')
    expect(why.balance).toBe(
      'The rarest class, "8", is 9.7% of rows (174 of 1,797): balanced enough to train as is.',
    )
  })

  it('breast cancer: log1p on the two error measures whose tails it evens out', () => {
    const [log] = only(proposal('breast-cancer.csv'), 'log1p')
    expect(log?.columns).toEqual(['perimeter_error', 'area_error'])
    expect(log?.why).toContain(
      '"area_error" (skew 5.4; the top 1% is above 178, 7.2× the median of 24.5; skew 0.85 after)',
    )
    // A small ratio such as smoothness_error barely changes under log(1 + x): left alone.
    expect(log?.columns).not.toContain('smoothness_error')
  })

  it('German credit: drops its two constant dummies, 30% "Bad" needs no weights', () => {
    const recipe = proposal('GermanCredit.csv')
    expect(recipe.steps.map((s) => s.op)).toEqual(['drop-columns', 'scale'])
    expect(only(recipe, 'drop-columns')[0]?.columns).toEqual([
      'Purpose.Vacation',
      'Personal.Female.Single',
    ])
    expect(recipe.balance.method).toBe('none')
  })

  it('credit cards: log1p on spending and months at the address, not on the mostly-zero reports', () => {
    const recipe = proposal('CreditCard.csv')
    expect(recipe.steps.map((s) => s.op)).toEqual(['log1p', 'one-hot', 'one-hot', 'scale'])
    expect(only(recipe, 'log1p')[0]?.columns).toEqual(['expenditure', 'months'])
    expect(only(recipe, 'log1p')[0]?.why).toMatch(
      /"expenditure" \(skew 3\.7; the top 1% is above 1,459, 14× the median of 101/,
    )
  })

  it('Lending Club: ordered grades, states one-hot with "other", incomes logged, class weights', () => {
    const recipe = proposal('lending-club.csv')
    const [grade] = only(recipe, 'ordinal')
    expect(grade).toMatchObject({ column: 'sub_grade', unseenValue: 17 })
    expect(grade?.order?.slice(0, 6)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1'])
    expect(grade?.order).toHaveLength(35)
    const state = only(recipe, 'one-hot').find((s) => s.column === 'addr_state')
    expect(state).toMatchObject({ maxCategories: 20, unseen: 'other' })
    expect(state?.why).toMatch(/50 values, and the 19 most frequent cover 78% of rows/)
    expect(only(recipe, 'log1p')[0]?.columns).toContain('annual_inc')
    // Counts such as open_il_12m are real however large: never capped.
    expect(only(recipe, 'outliers')).toEqual([])
    // Nothing is missing in this file, so nothing is imputed.
    expect(only(recipe, 'impute')).toEqual([])
    expect(only(recipe, 'scale')[0]?.columns).toContain('sub_grade')
    expect(recipe.balance.method).toBe('class-weights')
    const { why } = proposeChoices(loaded.get('lending-club.csv')?.table as Table, 'Class')
    expect(why.balance).toMatch(
      /^The rarest class, "bad", is only 5\.2% of rows \(517 of 9,857\).* cost 18× one on "good"/,
    )
  })

  it('HMDA: three repeated rows dropped, stray ratios of 3 capped, denials weighted up', () => {
    const recipe = proposal('HMDA.csv')
    expect(recipe.steps[0]?.why).toMatch(/^3 rows \(0\.1%\) repeat an earlier row/)
    expect(only(recipe, 'outliers')).toMatchObject([
      { columns: ['pirat', 'hirat'], method: 'iqr', threshold: 3, action: 'clip' },
    ])
    expect(only(recipe, 'outliers')[0]?.why).toMatch(
      /"pirat" has 21 \(0\.9%\) more than 3 IQRs beyond its quartiles, the farthest 29 IQRs out \(3 against a median of 0\.33\)/,
    )
    expect(only(recipe, 'impute')).toEqual([])
    expect(recipe.balance.method).toBe('class-weights')
  })

  it("stocks: one symbol's monthly prices, windowed over a year, split in time", () => {
    const recipe = proposal('stocks.csv')
    expect(recipe.steps.map((s) => s.op)).toEqual([
      'filter-rows',
      'drop-columns',
      'windows',
      'drop-columns',
      'scale',
    ])
    expect(recipe.steps[0]).toMatchObject({
      column: 'symbol',
      condition: { kind: 'in', values: ['MSFT'], keep: true },
    })
    expect(recipe.steps[0]?.why).toMatch(
      /5 series, one per "symbol" \(MSFT 123 rows, AMZN 123 rows, IBM 123 rows, AAPL 123 rows, GOOG 68 rows\)/,
    )
    expect(recipe.steps[1]).toMatchObject({ op: 'drop-columns', columns: ['symbol'] })
    expect(recipe.steps[2]).toMatchObject({
      op: 'windows',
      orderBy: 'date',
      columns: ['price'],
      lookback: 12,
      horizon: 1,
      stride: 1,
    })
    expect(recipe.steps[2]?.why).toMatch(/monthly \(median gap 31 days\)/)
    // The windows alone are the inputs, so a sequence model can read them as steps.
    expect(recipe.steps[3]).toMatchObject({ op: 'drop-columns', columns: ['date'] })
    expect(recipe.steps[3]?.why).toMatch(/windows of 12 steps, which a sequence model/)
    expect(only(recipe, 'scale')[0]?.columns).toEqual([
      'price (t)',
      ...Array.from({ length: 11 }, (_, k) => `price (t-${k + 1})`),
    ])
    expect(recipe.split).toEqual({
      method: 'chronological',
      orderBy: 'date',
      train: 0.8,
      validation: 0.1,
      test: 0.1,
    })
    expect(recipe.balance.method).toBe('none')
  })

  it('financial news: the text becomes word ids sized from the tweets; the old split column goes', () => {
    const recipe = proposal('financial-news-sentiment.csv')
    expect(recipe.steps.map((s) => s.op)).toEqual(['drop-columns', 'tokens'])
    expect(only(recipe, 'drop-columns')[0]?.columns).toEqual(['split'])
    expect(only(recipe, 'tokens')[0]).toMatchObject({
      column: 'text',
      vocabularySize: 8872,
      sequenceLength: 24,
      lowercase: true,
    })
    expect(only(recipe, 'tokens')[0]?.why).toMatch(
      /95% of texts have at most 24 words.*Of 24,479 different words, 8,870 appear at least twice.*Embedding layer/,
    )
    expect(recipe.balance.method).toBe('class-weights')
  })
})
