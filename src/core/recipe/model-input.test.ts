import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { prepareImages } from '../images/prepare/prepare-images'
import { proposeImageRecipe } from '../images/prepare/propose-image-recipe'
import { resizeImage } from '../images/prepare/resize'
import { paint } from '../images/prepare/test-images'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import type { Table } from '../table/table'
import { modelInputOf } from './model-input'
import { fitOnParts, fitRecipe, prepareData } from './pipeline/prepare-data'
import { proposeRecipe } from './propose'
import type { Recipe } from './recipe-schema'
import type { Step } from './step-schema'
import { csvTable, rowRange } from './steps/step-test-kit'
import { featureMatrix } from './transform'

/** A bundled dataset as the Data step loads it (parsed, then typed) and its proposed recipe. */
function load(file: string, target: string): { table: Table; recipe: Recipe } {
  const text = readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), 'utf8')
  const { table, types } = inferTable(parseDelimitedText(text).table)
  return { table, recipe: proposeRecipe(table, file, target, 42, types) }
}

function prepared(recipe: Recipe, table: Table) {
  const result = prepareData(recipe, table)
  if (result.error) throw new Error(result.error.message)
  return result
}

describe('modelInputOf on the bundled samples', () => {
  const { table: stocks, recipe: proposedStocks } = load('stocks.csv', 'price')

  it('keeps the stocks flat, and says why, when calendar parts join the price window', () => {
    // An analyst adds the month as a seasonal input beside the windows.
    const steps: Step[] = proposedStocks.steps.map((s) =>
      s.op === 'drop-columns' && s.columns.includes('date')
        ? {
            id: s.id,
            enabled: true,
            op: 'date-parts',
            column: 'date',
            parts: ['month'],
            cyclical: true,
          }
        : s,
    )
    const input = modelInputOf(prepared({ ...proposedStocks, steps }, stocks).recipe)
    expect(input.kind).toBe('table')
    expect(input.shape).toEqual([14])
    expect(input.note).toMatch(/mix the time-series windows with 2 other columns/)
    expect(input.note).toContain('"date.month_sin"')
    expect(input.note).toMatch(/drop the other columns/)
  })

  it('gives the proposed stocks recipe as 12 months × 1 series, oldest month first', () => {
    const result = prepared(proposedStocks, stocks)
    const input = modelInputOf(result.recipe)
    expect(input).toEqual({
      kind: 'sequence',
      shape: [12, 1],
      description: '12 time steps × 1 series',
    })
    const names = result.recipe.features?.map((f) => f.name)
    expect(names?.slice(0, 2)).toEqual(['price (t-11)', 'price (t-10)'])
    expect(names?.at(-1)).toBe('price (t)')
    // Each test row's window, read in feature order and unscaled, is the previous row's moved on
    // by one month: the newest price of one window is the second newest of the next.
    const scale = result.recipe.steps.find((s) => s.op === 'scale')
    if (scale?.op !== 'scale' || !scale.fitted) throw new Error('no fitted scale step')
    const params = new Map(scale.fitted.params.map((p) => [p.column, p]))
    const x = featureMatrix(result.recipe, result.table, result.parts.test)
    const window = (r: number) =>
      (names ?? []).map((name, i) => {
        const p = params.get(name)
        const price = (x.values[r * 12 + i] as number) * (p?.scale ?? 1) + (p?.center ?? 0)
        return Math.round(price * 100) / 100
      })
    expect(x.rows).toBeGreaterThan(5)
    for (let r = 1; r < x.rows; r++) expect(window(r).slice(0, 11)).toEqual(window(r - 1).slice(1))
  })

  it('gives the financial tweets as 24 token ids and counts the ids the vocabulary can write', () => {
    const tweets = load('financial-news-sentiment.csv', 'sentiment')
    const result = prepared(tweets.recipe, tweets.table)
    const input = modelInputOf(result.recipe)
    const step = result.recipe.steps.find((s) => s.op === 'tokens')
    if (step?.op !== 'tokens' || !step.fitted) throw new Error('no fitted tokens step')
    expect(input.kind).toBe('tokens')
    expect(input.shape).toEqual([24])
    expect(input.vocabularySize).toBe(step.fitted.vocabulary.length + 2)
    expect(input.description).toBe(
      `24 token ids, vocabulary ${(step.fitted.vocabulary.length + 2).toLocaleString('en-US')}`,
    )
    // Every id in the training matrix is below the size, and the largest word id is used.
    const x = featureMatrix(result.recipe, result.table, result.parts.train)
    const largest = x.values.reduce((m, v) => Math.max(m, v), 0)
    expect(largest).toBe((input.vocabularySize ?? 0) - 1)
  })

  it('gives German credit as a flat row of its 59 prepared columns, with no note', () => {
    const german = load('GermanCredit.csv', 'Class')
    const input = modelInputOf(prepared(german.recipe, german.table).recipe)
    expect(input).toEqual({ kind: 'table', shape: [59], description: '59 prepared inputs' })
  })
})

describe('modelInputOf on hand-made recipes', () => {
  // Two series a day: sales (the target) and visits, plus a weekday flag.
  const days = csvTable(
    [
      'day,visits,sales,weekend',
      ...Array.from(
        { length: 10 },
        (_, i) => `${i + 1},${100 + i},${10 * i},${i % 7 >= 5 ? 1 : 0}`,
      ),
    ].join('\n'),
  )
  const base = proposeRecipe(days, 'days.csv', 'sales')
  const windows: Step = {
    id: 'w',
    enabled: true,
    op: 'windows',
    orderBy: 'day',
    columns: ['visits', 'sales'],
    lookback: 3,
    horizon: 1,
    stride: 1,
  }
  const fitted = (steps: Step[]) => {
    const all = rowRange(0, 10)
    const none = new Int32Array(0)
    const result = fitOnParts({ ...base, steps }, days, {
      train: all,
      validation: none,
      test: none,
    })
    if (result.error) throw new Error(result.error.message)
    return result
  }
  const fit = (steps: Step[]) => fitted(steps).recipe
  const dropDayAndWeekend: Step = {
    id: 'd',
    enabled: true,
    op: 'drop-columns',
    columns: ['day', 'weekend'],
  }

  it('orders a two-series window time-major, so each row reshapes into steps × series', () => {
    const { recipe, table } = fitted([windows, dropDayAndWeekend])
    expect(modelInputOf(recipe)).toEqual({
      kind: 'sequence',
      shape: [3, 2],
      description: '3 time steps × 2 series',
    })
    expect(recipe.features?.map((f) => f.name)).toEqual([
      'visits (t-2)',
      'sales (t-2)',
      'visits (t-1)',
      'sales (t-1)',
      'visits',
      'sales (t)',
    ])
    // Day 5 (row 4): visits 102…104 and sales 20…40 over days 3…5, one day per row of 3 × 2.
    const x = featureMatrix(recipe, table, Int32Array.of(4))
    expect(Array.from(x.values)).toEqual([102, 20, 103, 30, 104, 40])
  })

  it('keeps windows mixed with another column flat and says which column to drop', () => {
    const recipe = fit([windows, { ...dropDayAndWeekend, columns: ['day'] }])
    const input = modelInputOf(recipe)
    expect(input.kind).toBe('table')
    expect(input.shape).toEqual([7])
    expect(input.note).toMatch(/mix the time-series windows with 1 other column \("weekend"\)/)
    expect(input.note).toMatch(/LSTM/)
  })

  it('keeps a window with a lag dropped flat, naming the missing lag', () => {
    const recipe = fit([
      windows,
      { ...dropDayAndWeekend, columns: ['day', 'weekend', 'visits (t-2)'] },
    ])
    const input = modelInputOf(recipe)
    expect(input.shape).toEqual([5])
    expect(input.note).toMatch(/Part of the time-series windows is missing .*"visits \(t-2\)"/)
  })

  it('reads a window fitted before the time-major order as a flat row, asking to prepare again', () => {
    const recipe = fit([windows, dropDayAndWeekend])
    const old = { ...recipe, features: [...(recipe.features ?? [])].reverse() }
    const input = modelInputOf(old)
    expect(input.kind).toBe('table')
    expect(input.note).toMatch(/older order.*Prepare the data again/)
  })

  const headlines = csvTable(
    [
      'headline,pages,mood',
      'shares rise on strong profit,3,up',
      'shares fall as profit slips,2,down',
      'profit beats forecast,4,up',
      'weak sales hit shares,1,down',
    ].join('\n'),
  )
  const textBase = proposeRecipe(headlines, 'headlines.csv', 'mood')
  const tokens: Step = {
    id: 't',
    enabled: true,
    op: 'tokens',
    column: 'headline',
    vocabularySize: 100,
    sequenceLength: 5,
    lowercase: true,
  }
  const fitText = (steps: Step[]) => fitRecipe({ ...textBase, steps }, headlines, rowRange(0, 4))

  it('counts the ids a small vocabulary can write, not the size asked for', () => {
    const recipe = fitText([
      tokens,
      { id: 'd', enabled: true, op: 'drop-columns', columns: ['pages'] },
    ])
    // 13 distinct words + padding + out of vocabulary.
    expect(modelInputOf(recipe)).toEqual({
      kind: 'tokens',
      shape: [5],
      vocabularySize: 15,
      description: '5 token ids, vocabulary 15',
    })
  })

  it('keeps token ids mixed with a number column flat and says so', () => {
    const input = modelInputOf(fitText([tokens]))
    expect(input.kind).toBe('table')
    expect(input.shape).toEqual([6])
    expect(input.note).toMatch(/mix the token ids of "headline" with 1 other column \("pages"\)/)
  })

  it('keeps token ids flat when a later step rescales them, naming that step', () => {
    const input = modelInputOf(
      fitText([
        tokens,
        { id: 'd', enabled: true, op: 'drop-columns', columns: ['pages'] },
        { id: 'sc', enabled: true, op: 'scale', columns: ['headline[0]'], method: 'standard' },
      ]),
    )
    expect(input.kind).toBe('table')
    expect(input.note).toMatch(/"sc" \(scale\) changes the token ids of "headline"/)
  })
})

describe('modelInputOf on pictures', () => {
  it('gives height × width × channels, and the prepared matrix holds each picture that way', () => {
    // Red counts the column, green the row, blue is fixed: each value says where it came from.
    const picture = paint(5, 4, (x, y) => [10 * x, 10 * y, 200])
    const recipe = proposeImageRecipe(
      {
        name: 'tiles',
        classes: [
          { name: 'a', count: 10, previews: [] },
          { name: 'b', count: 10, previews: [] },
        ],
        sizes: { common: { width: 5, height: 4 }, distinctSizes: 1 } as never,
      },
      { grey: false },
    )
    const steps = recipe.steps.map((s) =>
      s.op === 'image-normalise' ? { ...s, enabled: false } : s,
    )
    const input = modelInputOf({ ...recipe, steps })
    expect(input).toEqual({ kind: 'image', shape: [4, 5, 3], description: '5×4 colour pictures' })

    const resize = steps.find((s) => s.op === 'image-resize')
    if (resize?.op !== 'image-resize') throw new Error('no resize step')
    const pixels = resizeImage(picture, resize)
    const all = new Uint8ClampedArray(pixels.length * 20)
    for (let i = 0; i < 20; i++) all.set(pixels, i * pixels.length)
    const images = {
      width: 5,
      height: 4,
      channels: 3 as const,
      count: 20,
      pixels: all,
      labels: Int32Array.from({ length: 20 }, (_, i) => i % 2),
    }
    const { train } = prepareImages({ ...recipe, steps }, images)
    const [height, width, channels] = input.shape as [number, number, number]
    const row = train.x.values.subarray(0, height * width * channels)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * channels
        expect([row[at], row[at + 1], row[at + 2]]).toEqual([10 * x, 10 * y, 200])
      }
  })
})
