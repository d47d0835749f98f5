import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { prepareData } from '../../recipe/pipeline/prepare-data'
import { proposeRecipe } from '../../recipe/propose'
import type { Recipe } from '../../recipe/recipe-schema'
import type { Step } from '../../recipe/step-schema'
import { transformFeatures } from '../../recipe/transform'
import { inferTable } from '../../table/infer-types'
import { parseDelimitedText } from '../../table/parse-delimited'
import prepareSource from './prepare.py?raw'
import { folderWith, PYTHON, readMatrix, recipeJson, run, torchMissing } from './torch-test-kit'

const missing = torchMissing()

function dataset(name: string): string {
  return readFileSync(new URL(`../../../../public/datasets/${name}`, import.meta.url), 'utf8')
}

/**
 * The feature matrix prepare.py computes for a CSV through a fitted recipe, beside the studio's
 * own (`transformFeatures` on the same text, parsed and typed as the Data step does it).
 */
function bothMatrices(csv: string, name: string, target: string, steps?: Step[], refit = false) {
  const { table, types } = inferTable(parseDelimitedText(csv).table)
  const proposed = proposeRecipe(table, name, target, 42, types)
  const recipe: Recipe = steps ? { ...proposed, steps } : proposed
  const prepared = prepareData(recipe, table)
  if (prepared.error) throw new Error(prepared.error.message)
  const studio = transformFeatures(prepared.recipe, table)
  const dir = folderWith({
    'prepare.py': prepareSource,
    'recipe.json': recipeJson(prepared.recipe),
    'data.csv': csv,
  })
  const args = ['prepare.py', '--data', 'data.csv', '--out', 'features.csv']
  run(PYTHON, refit ? [...args, '--refit'] : args, dir)
  return { studio, python: readMatrix(join(dir, 'features.csv')), recipe: prepared.recipe }
}

function largestGap(studio: ReturnType<typeof bothMatrices>['studio'], python: number[][]) {
  let gap = 0
  python.forEach((row, i) =>
    row.forEach((v, j) => {
      gap = Math.max(gap, Math.abs(v - (studio.values[i * studio.width + j] as number)))
    }),
  )
  return gap
}

/** Every `every`-th cell of `column` emptied: real rows with holes for the impute step. */
function withHoles(csv: string, column: string, every: number): string {
  const [header = '', ...lines] = csv.trimEnd().split('\n')
  const at = header.split(',').findIndex((h) => h.replace(/"/g, '') === column)
  const holed = lines.map((line, i) => {
    if (i % every !== 0) return line
    const cells = line.split(',')
    cells[at] = ''
    return cells.join(',')
  })
  return [header, ...holed].join('\n')
}

/** A step as written in a test, enabled (Omit spread over the union, one member at a time). */
type StepFields = Step extends infer S ? (S extends Step ? Omit<S, 'enabled'> : never) : never
const step = (s: StepFields): Step => ({ ...s, enabled: true })

describe.skipIf(missing !== null)(`prepare.py gives the studio's inputs (${missing ?? ''})`, () => {
  // With --refit, prepare.py splits the rows itself and fits every step on its training rows:
  // the same split as the studio's, so the same statistics, so the same inputs.
  test.each([false, true])(
    'German credit: the proposed recipe (drop constant columns, standard scaling), refit %s',
    (refit) => {
      const csv = dataset('GermanCredit.csv')
      const { studio, python, recipe } = bothMatrices(csv, 'g', 'Class', undefined, refit)
      expect(python.names).toEqual(recipe.features?.map((f) => f.name))
      expect(python.rows).toHaveLength(1000)
      expect(largestGap(studio, python.rows)).toBeLessThan(1e-5)
    },
  )

  test.each([false, true])(
    'Lending Club with holes: impute, clip, log1p, ordinal, one-hot with other, frequency, cast, robust and min-max scaling, refit %s',
    (refit) => {
      let csv = withHoles(dataset('lending-club.csv'), 'revol_util', 7)
      csv = withHoles(csv, 'emp_length', 11)
      csv = withHoles(csv, 'annual_inc', 13)
      const steps: Step[] = [
        step({
          id: 'a',
          op: 'filter-rows',
          column: 'annual_inc',
          condition: { kind: 'range', min: 5000, max: null },
        }),
        step({ id: 'b', op: 'drop-duplicates', columns: [] }),
        step({
          id: 'c',
          op: 'impute',
          columns: ['revol_util', 'annual_inc'],
          strategy: 'median',
          indicator: true,
        }),
        step({
          id: 'd',
          op: 'impute',
          columns: ['emp_length'],
          strategy: 'mode',
          indicator: false,
        }),
        step({
          id: 'e',
          op: 'outliers',
          columns: ['annual_inc'],
          method: 'iqr',
          threshold: 1.5,
          action: 'clip',
        }),
        step({
          id: 'f',
          op: 'outliers',
          columns: ['total_bal_il'],
          method: 'z-score',
          threshold: 3,
          action: 'drop',
        }),
        step({ id: 'g', op: 'log1p', columns: ['funded_amnt', 'annual_inc'] }),
        step({ id: 'h', op: 'ordinal', column: 'sub_grade', order: null, unseenValue: -1 }),
        step({ id: 'i', op: 'ordinal', column: 'emp_length', order: null, unseenValue: -1 }),
        step({ id: 'j', op: 'one-hot', column: 'addr_state', maxCategories: 8, unseen: 'other' }),
        step({ id: 'k', op: 'one-hot', column: 'term', maxCategories: null, unseen: 'zeros' }),
        step({ id: 'l', op: 'frequency', column: 'verification_status' }),
        step({ id: 'm', op: 'frequency', column: 'inq_last_6mths' }),
        step({ id: 'n', op: 'cast', column: 'acc_now_delinq', to: 'categorical' }),
        step({
          id: 'o',
          op: 'one-hot',
          column: 'acc_now_delinq',
          maxCategories: null,
          unseen: 'zeros',
        }),
        step({ id: 'p', op: 'scale', columns: ['int_rate', 'revol_util'], method: 'robust' }),
        step({ id: 'q', op: 'scale', columns: ['total_bal_il', 'annual_inc'], method: 'min-max' }),
        step({ id: 'r', op: 'drop-columns', columns: ['total_il_high_credit_limit'] }),
      ]
      const { studio, python, recipe } = bothMatrices(csv, 'lc', 'Class', steps, refit)
      expect(python.names).toEqual(recipe.features?.map((f) => f.name))
      expect(python.names).toContain('addr_state=other')
      expect(python.names).toContain('revol_util was missing')
      expect(python.rows).toHaveLength(9857)
      expect(largestGap(studio, python.rows)).toBeLessThan(1e-5)
    },
  )

  test('Stocks: date parts, plain and cyclical, from ISO dates', () => {
    const steps: Step[] = [
      step({
        id: 'a',
        op: 'date-parts',
        column: 'date',
        parts: ['year', 'quarter', 'day', 'day-of-year'],
        cyclical: false,
      }),
      step({ id: 'b', op: 'one-hot', column: 'symbol', maxCategories: null, unseen: 'zeros' }),
    ]
    const cyclical = steps.map((s) =>
      s.op === 'date-parts'
        ? { ...s, parts: ['month', 'weekday', 'day-of-year'] as const, cyclical: true }
        : s,
    ) as Step[]
    for (const list of [steps, cyclical]) {
      const { studio, python, recipe } = bothMatrices(dataset('stocks.csv'), 's', 'price', list)
      expect(python.names).toEqual(recipe.features?.map((f) => f.name))
      expect(largestGap(studio, python.rows)).toBeLessThan(1e-5)
    }
  })

  // The proposal for stocks keeps one series (filter), orders it into windows of 12 months and
  // scales the lags; the chronological split cuts between dates that five series share. With
  // --refit the scaler is fitted on prepare.py's own training rows: equal only if the split, the
  // windows' removals and the purge gap all match the studio's.
  test.each([false, true])(
    'Stocks: time-series windows of the proposed recipe, refit %s',
    (refit) => {
      const { studio, python, recipe } = bothMatrices(
        dataset('stocks.csv'),
        's',
        'price',
        undefined,
        refit,
      )
      expect(recipe.steps.map((s) => s.op)).toContain('windows')
      expect(python.names).toEqual(recipe.features?.map((f) => f.name))
      expect(python.names).toContain('price (t-11)')
      expect(largestGap(studio, python.rows)).toBeLessThan(1e-5)
    },
  )

  // Tweets with cashtags ($AAPL, $BRK.B), prices, links, emoji and apostrophes: the tokenizer and
  // the vocabulary (ranked by count on the training rows, ties by code unit) give the same ids.
  test.each([false, true])(
    'Financial news: text tokens of the proposed recipe, refit %s',
    (refit) => {
      const csv = dataset('financial-news-sentiment.csv')
      const { studio, python, recipe } = bothMatrices(csv, 'n', 'sentiment', undefined, refit)
      expect(recipe.steps.map((s) => s.op)).toContain('tokens')
      expect(python.names).toEqual(recipe.features?.map((f) => f.name))
      expect(python.rows.length).toBeGreaterThan(10_000)
      expect(largestGap(studio, python.rows)).toBeLessThan(1e-5)
    },
  )
})
