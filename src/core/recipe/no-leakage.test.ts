import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import { MISSING_CODE, type Column, type Table } from '../table/table'
import { prepareData } from './pipeline/prepare-data'
import { tableStepImpl } from './pipeline/registry'
import type { StepContext } from './pipeline/step-impl'
import { proposeRecipe } from './propose'
import type { Recipe } from './recipe-schema'
import { splitRows } from './split'
import { IMAGE_OPS, stepSchema, type Step, type StepOp } from './step-schema'

/**
 * No leakage: every statistic a step learns comes from the training rows alone. Each step is
 * fitted on a table, then on the same table with every other row changed beyond recognition
 * (numbers × 1000, categories renamed to ones never seen, cells blanked): what it learned must
 * not move. Steps still being built are skipped by name until they land.
 */

const NOT_BUILT = 'This step is not built yet.'

function csv(name: string): Table {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return parseDelimitedText(text).table
}

function firstRows(table: Table, n: number): Table {
  const rows = Math.min(n, table.rowCount)
  const columns = table.columns.map((c): Column =>
    c.kind === 'numeric'
      ? { ...c, values: c.values.slice(0, rows) }
      : { ...c, codes: c.codes.slice(0, rows) },
  )
  return { columns, rowCount: rows }
}

/** Every `every`-th row (offset by the column's position) blanked outside the target. */
function blanked(table: Table, target: string, every = 13): Table {
  const columns = table.columns.map((c, i): Column => {
    if (c.name === target) return c
    const blank = (row: number) => (row + i) % every === 0
    if (c.kind === 'numeric') return { ...c, values: c.values.map((v, r) => (blank(r) ? NaN : v)) }
    return { ...c, codes: c.codes.map((code, r) => (blank(r) ? MISSING_CODE : code)) }
  })
  return { columns, rowCount: table.rowCount }
}

/**
 * Every row outside `keep` changed wildly: numbers × 1000, categories renamed to ones training
 * never saw, one cell in five blanked. The target is kept (its classes decide a stratified
 * split), or with `numericTarget` only multiplied (a random split does not look at its values).
 */
function disturbed(table: Table, keep: Int32Array, target: string, numericTarget = false): Table {
  const kept = new Uint8Array(table.rowCount)
  for (const row of keep) kept[row] = 1
  const columns = table.columns.map((c): Column => {
    if (c.name === target && numericTarget && c.kind === 'numeric') {
      // A number to predict may change too, but not go missing: that would change the split.
      return { ...c, values: c.values.map((v, r) => (kept[r] ? v : v * 1000 + 7)) }
    }
    if (c.name === target) return c
    const blank = (row: number) => row % 5 === 0
    if (c.kind === 'numeric') {
      const values = c.values.map((v, r) => (kept[r] ? v : blank(r) ? NaN : v * 1000 + 7))
      return { ...c, values }
    }
    const shift = c.categories.length
    const categories = [...c.categories, ...c.categories.map((label) => `${label} (never seen)`)]
    const codes = c.codes.map((code, r) =>
      kept[r] || code === MISSING_CODE ? code : blank(r) ? MISSING_CODE : code + shift,
    )
    return { ...c, categories, codes }
  })
  return { columns, rowCount: table.rowCount }
}

/** A fixed 70 % of the rows, spread over the whole table. */
function trainingRows(table: Table): Int32Array {
  const rows: number[] = []
  for (let row = 0; row < table.rowCount; row++) if ((row * 7919) % 10 < 7) rows.push(row)
  return Int32Array.from(rows)
}

function otherRows(table: Table, train: Int32Array): Int32Array {
  const inTrain = new Set(train)
  return Int32Array.from({ length: table.rowCount }, (_, i) => i).filter((r) => !inTrain.has(r))
}

const hmda = blanked(csv('HMDA.csv'), 'deny')
const lending = blanked(firstRows(csv('lending-club.csv'), 3000), 'Class')
const stocksText = blanked(csv('stocks.csv'), 'price')
const stocks = blanked(inferTable(csv('stocks.csv')).table, 'price')
const news = blanked(firstRows(csv('financial-news-sentiment.csv'), 3000), 'sentiment')

type TableOp = Exclude<StepOp, 'image-resize' | 'image-normalise'>
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type Draft = DistributiveOmit<Step, 'id' | 'enabled'>

interface Case {
  readonly table: Table
  readonly target: string
  readonly step: Draft
  /**
   * The step learns something that fitting on the other rows alone would learn differently, so
   * a leak would show (a check that this test can fail).
   */
  readonly learns: boolean
}

/** At least one valid step per table op, on real data. */
const CASES: Record<TableOp, readonly Case[]> = {
  'drop-duplicates': [
    { table: hmda, target: 'deny', step: { op: 'drop-duplicates', columns: [] }, learns: false },
  ],
  'drop-columns': [
    {
      table: hmda,
      target: 'deny',
      step: { op: 'drop-columns', columns: ['hschool'] },
      learns: false,
    },
  ],
  'filter-rows': [
    {
      table: hmda,
      target: 'deny',
      step: {
        op: 'filter-rows',
        column: 'lvrat',
        condition: { kind: 'range', min: 0.2, max: 1.5 },
      },
      learns: false,
    },
  ],
  outliers: [
    {
      table: hmda,
      target: 'deny',
      step: {
        op: 'outliers',
        columns: ['pirat', 'lvrat'],
        method: 'iqr',
        threshold: 1.5,
        action: 'drop',
      },
      learns: true,
    },
    {
      table: hmda,
      target: 'deny',
      step: { op: 'outliers', columns: ['hirat'], method: 'z-score', threshold: 3, action: 'clip' },
      learns: true,
    },
  ],
  impute: [
    {
      table: hmda,
      target: 'deny',
      step: { op: 'impute', columns: ['pirat', 'lvrat'], strategy: 'median', indicator: true },
      learns: true,
    },
    {
      table: hmda,
      target: 'deny',
      step: { op: 'impute', columns: ['unemp'], strategy: 'mean', indicator: false },
      learns: true,
    },
    {
      table: lending,
      target: 'Class',
      step: { op: 'impute', columns: ['emp_length'], strategy: 'mode', indicator: false },
      learns: true,
    },
  ],
  cast: [
    {
      table: stocksText,
      target: 'price',
      step: { op: 'cast', column: 'date', to: 'datetime' },
      learns: false,
    },
  ],
  'one-hot': [
    {
      table: lending,
      target: 'Class',
      step: { op: 'one-hot', column: 'addr_state', maxCategories: 10, unseen: 'other' },
      learns: true,
    },
    {
      table: lending,
      target: 'Class',
      step: { op: 'one-hot', column: 'emp_length', maxCategories: null, unseen: 'zeros' },
      learns: true,
    },
  ],
  ordinal: [
    {
      table: lending,
      target: 'Class',
      step: { op: 'ordinal', column: 'sub_grade', order: null, unseenValue: -1 },
      learns: true,
    },
  ],
  frequency: [
    {
      table: lending,
      target: 'Class',
      step: { op: 'frequency', column: 'addr_state' },
      learns: true,
    },
  ],
  scale: (['standard', 'min-max', 'robust'] as const).map((method) => ({
    table: hmda,
    target: 'deny',
    step: { op: 'scale', columns: ['pirat', 'hirat', 'lvrat', 'unemp'], method },
    learns: true,
  })),
  log1p: [
    { table: hmda, target: 'deny', step: { op: 'log1p', columns: ['lvrat'] }, learns: false },
  ],
  'date-parts': [
    {
      table: stocks,
      target: 'price',
      step: {
        op: 'date-parts',
        column: 'date',
        parts: ['year', 'month', 'weekday'],
        cyclical: true,
      },
      learns: false,
    },
  ],
  tokens: [
    {
      table: news,
      target: 'sentiment',
      step: {
        op: 'tokens',
        column: 'text',
        vocabularySize: 500,
        sequenceLength: 16,
        lowercase: true,
      },
      learns: true,
    },
  ],
  windows: [
    {
      table: stocks,
      target: 'price',
      step: {
        op: 'windows',
        orderBy: 'date',
        columns: ['price'],
        lookback: 3,
        horizon: 1,
        stride: 1,
      },
      learns: false,
    },
  ],
}

function stepOf(c: Case, index: number): Step {
  return stepSchema.parse({ ...c.step, id: `s${index + 1}`, enabled: true })
}

function contextOf(c: Case): StepContext {
  return { target: c.target, seed: 42, mode: 'train' }
}

/** False for a placeholder (its apply says it is not built yet); any other error counts as built. */
function isBuilt(c: Case): boolean {
  const step = stepOf(c, 0)
  const impl = tableStepImpl(step)
  const rows = Int32Array.from({ length: c.table.rowCount }, (_, i) => i)
  try {
    impl.apply(
      impl.fit(step, c.table, trainingRows(c.table), contextOf(c)),
      c.table,
      rows,
      contextOf(c),
    )
    return true
  } catch (error) {
    return !(error instanceof Error && error.message === NOT_BUILT)
  }
}

const rows = Object.entries(CASES).flatMap(([op, cases]) =>
  cases.map((c, i) => [`${op}${cases.length > 1 ? ` #${i + 1}` : ''}`, c, i] as const),
)
const built = rows.filter(([, c]) => isBuilt(c))
const notBuilt = rows.filter(([, c]) => !isBuilt(c))

describe('no step learns from rows outside training', () => {
  it('covers every table op of the step schema', () => {
    const ops = stepSchema.options.map((o) => o.shape.op.value).filter((op) => !IMAGE_OPS.has(op))
    expect(Object.keys(CASES).sort()).toEqual([...ops].sort())
  })

  it.each(built)('%s: fitted is identical when every other row changes', (_, c, index) => {
    const step = stepOf(c, index)
    const impl = tableStepImpl(step)
    const ctx = contextOf(c)
    const train = trainingRows(c.table)
    const fitted = impl.fit(step, c.table, train, ctx)
    const changed = disturbed(c.table, train, c.target)
    expect(impl.fit(step, changed, train, ctx)).toEqual(fitted)
    if (c.learns) {
      expect(fitted).toHaveProperty('fitted')
      // The change is one the step would notice: fitted on the other rows, it learns otherwise.
      expect(impl.fit(step, changed, otherRows(c.table, train), ctx)).not.toEqual(fitted)
    }
  })

  it.skip.each(notBuilt)('%s: skipped, the step is not built yet (placeholder)', () => undefined)
})

describe('no leakage through the whole preparation', () => {
  /**
   * The built steps of the list, in order; a list inside the list means "the first of these that
   * is built" (an encoding with one-hot to fall back on, so no category column is left over).
   */
  function builtSteps(table: Table, target: string, drafts: readonly (Draft | readonly Draft[])[]) {
    const isReady = (step: Draft) => isBuilt({ table, target, step, learns: false })
    return drafts
      .map((d) =>
        Array.isArray(d)
          ? (d as readonly Draft[]).find(isReady)
          : isReady(d as Draft)
            ? d
            : undefined,
      )
      .filter((d): d is Draft => d !== undefined)
      .map((d, i) => stepSchema.parse({ ...d, id: `s${i + 1}`, enabled: true }))
  }

  const oneHot = (column: string): Draft => ({
    op: 'one-hot',
    column,
    maxCategories: null,
    unseen: 'zeros',
  })

  interface PipelineCase {
    readonly name: string
    readonly table: Table
    readonly recipe: Recipe
    readonly drafts: readonly (Draft | readonly Draft[])[]
  }

  const cases = [
    {
      name: 'HMDA (stratified, binary)',
      table: hmda,
      recipe: proposeRecipe(hmda, 'HMDA.csv', 'deny'),
      drafts: [
        { op: 'drop-duplicates', columns: [] },
        { op: 'outliers', columns: ['pirat'], method: 'iqr', threshold: 1.5, action: 'drop' },
        {
          op: 'impute',
          columns: ['pirat', 'hirat', 'lvrat', 'unemp', 'chist', 'mhist'],
          strategy: 'median',
          indicator: true,
        },
        {
          op: 'impute',
          columns: ['phist', 'selfemp', 'insurance', 'condomin', 'afam', 'single', 'hschool'],
          strategy: 'mode',
          indicator: false,
        },
        { op: 'log1p', columns: ['lvrat'] },
        [{ op: 'frequency', column: 'afam' }, oneHot('afam')],
        [{ op: 'ordinal', column: 'single', order: null, unseenValue: -1 }, oneHot('single')],
        ...['phist', 'selfemp', 'insurance', 'condomin', 'hschool'].map(oneHot),
        {
          op: 'scale',
          columns: ['pirat', 'hirat', 'lvrat', 'unemp', 'chist', 'mhist'],
          method: 'robust',
        },
      ],
    },
    {
      name: 'CreditCard income (random, regression: the target scale too)',
      table: blanked(csv('CreditCard.csv'), 'income'),
      recipe: proposeRecipe(csv('CreditCard.csv'), 'CreditCard.csv', 'income'),
      drafts: [
        { op: 'filter-rows', column: 'age', condition: { kind: 'range', min: 18, max: null } },
        {
          op: 'outliers',
          columns: ['expenditure'],
          method: 'z-score',
          threshold: 3,
          action: 'clip',
        },
        {
          op: 'impute',
          columns: [
            'reports',
            'age',
            'share',
            'expenditure',
            'dependents',
            'months',
            'majorcards',
            'active',
          ],
          strategy: 'mean',
          indicator: false,
        },
        { op: 'impute', columns: ['card', 'owner', 'selfemp'], strategy: 'mode', indicator: true },
        { op: 'log1p', columns: ['expenditure', 'share'] },
        oneHot('card'),
        [{ op: 'frequency', column: 'owner' }, oneHot('owner')],
        [
          { op: 'ordinal', column: 'selfemp', order: ['no', 'yes'], unseenValue: -1 },
          oneHot('selfemp'),
        ],
        {
          op: 'scale',
          columns: [
            'reports',
            'age',
            'share',
            'expenditure',
            'dependents',
            'months',
            'majorcards',
            'active',
          ],
          method: 'standard',
        },
      ],
    },
  ] satisfies PipelineCase[]

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: steps, target scale and inputs are identical when validation and test rows change',
    (_, c) => {
      const target = c.recipe.target.column
      const recipe = { ...c.recipe, steps: builtSteps(c.table, target, c.drafts) }
      expect(recipe.steps.length).toBeGreaterThanOrEqual(2)
      const split = splitRows(c.table, recipe)
      const before = prepareData(recipe, c.table)
      const changed = disturbed(c.table, split.train, target, c.recipe.target.task === 'regression')
      const after = prepareData(recipe, changed)
      expect(before.error).toBeNull()
      expect(after.error).toBeNull()
      expect(Array.from(after.parts.train)).toEqual(Array.from(before.parts.train))
      expect(after.recipe.steps).toEqual(before.recipe.steps)
      expect(after.recipe.target).toEqual(before.recipe.target)
      expect(after.recipe.features).toEqual(before.recipe.features)
    },
  )
})
