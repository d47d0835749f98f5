import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../../table/parse-delimited'
import { tableFromRecords } from '../../table/records'
import {
  cellValue,
  findColumn,
  MISSING_CODE,
  type CategoricalColumn,
  type NumericColumn,
  type Table,
} from '../../table/table'
import { applyRecipe } from '../pipeline/apply-recipe'
import { prepareData } from '../pipeline/prepare-data'
import type { StepContext } from '../pipeline/step-impl'
import { proposeRecipe } from '../propose'
import { sourceColumns, type Recipe } from '../recipe-schema'
import { stepSchema, type StepOf } from '../step-schema'
import { tokenize, tokensStep } from './tokens'

const ctx: StepContext = { target: 'label', seed: 1, mode: 'train' }

function step(overrides: Partial<StepOf<'tokens'>> = {}): StepOf<'tokens'> {
  return {
    id: 't1',
    enabled: true,
    op: 'tokens',
    column: 'text',
    vocabularySize: 100,
    sequenceLength: 4,
    lowercase: true,
    ...overrides,
  }
}

/** A text column (null = missing) between two other columns. */
function table(texts: readonly (string | null)[]): Table {
  const categories = [...new Set(texts.filter((t): t is string => t !== null))]
  const codes = Int32Array.from(texts, (t) => (t === null ? MISSING_CODE : categories.indexOf(t)))
  return {
    rowCount: texts.length,
    columns: [
      { name: 'id', kind: 'numeric', values: Float64Array.from(texts, (_, i) => i) },
      { name: 'text', kind: 'categorical', codes, categories },
      { name: 'label', kind: 'numeric', values: new Float64Array(texts.length) },
    ],
  }
}

function rows(...list: number[]): Int32Array {
  return Int32Array.from(list)
}

function all(t: Table): Int32Array {
  return Int32Array.from({ length: t.rowCount }, (_, i) => i)
}

/** The id sequence of each row, from the "text[i]" columns. */
function sequences(t: Table, length: number): number[][] {
  const columns = Array.from({ length }, (_, i) => findColumn(t, `text[${i}]`) as NumericColumn)
  return Array.from({ length: t.rowCount }, (_, row) => columns.map((c) => c.values[row] as number))
}

function fitApply(s: StepOf<'tokens'>, t: Table, train = all(t)) {
  const fitted = tokensStep.fit(s, t, train, ctx)
  return { fitted, output: tokensStep.apply(fitted, t, all(t), ctx) }
}

describe('tokenize', () => {
  it('keeps cashtags whole, as financial news writes tickers', () => {
    expect(
      tokenize(
        '$BYND - JPMorgan reels in expectations on Beyond Meat https://t.co/bd0xbFGjkT',
        true,
      ),
    ).toEqual([
      '$bynd',
      'jpmorgan',
      'reels',
      'in',
      'expectations',
      'on',
      'beyond',
      'meat',
      'https',
      't',
      'co',
      'bd0xbfgjkt',
    ])
    expect(tokenize('$RDS.A and $BRK.B up; $ES_F, $BMY-R. $AAPL.', false)).toEqual([
      '$RDS.A',
      'and',
      '$BRK.B',
      'up',
      '$ES_F',
      '$BMY-R',
      '$AAPL',
    ])
  })

  it('keeps decimal numbers and inner apostrophes, and drops a price sign and punctuation', () => {
    expect(tokenize("Nomura's Q3 EPS $0.01, revenue 1,000.50 (vs 3.5%)!", false)).toEqual([
      "Nomura's",
      'Q3',
      'EPS',
      '0.01',
      'revenue',
      '1,000.50',
      'vs',
      '3.5',
    ])
  })

  it('reads letters of every script, folding look-alike forms and case', () => {
    expect(tokenize('Ｓｈａｒｅｓ fell — Aktien können fallen; 株価 下落 📉', true)).toEqual([
      'shares',
      'fell',
      'aktien',
      'können',
      'fallen',
      '株価',
      '下落',
    ])
    // "ö" written as o + combining diaeresis reads as the one-character "ö".
    expect(tokenize('ko\u0308nnen', false)).toEqual(['können'])
  })
})

describe('tokens step', () => {
  it('learns the most frequent training tokens, ties alphabetical, ids from 2', () => {
    // a ×3, b ×2, then c, d and e once each (e after d after c alphabetically).
    const t = table(['b a a', 'e c b', 'a d'])
    expect(fitApply(step({ vocabularySize: 5 }), t).fitted.fitted).toEqual({
      vocabulary: ['a', 'b', 'c'],
    })
    expect(fitApply(step({ vocabularySize: 2 }), t).fitted.fitted).toEqual({ vocabulary: [] })
    expect(fitApply(step(), t).fitted.fitted?.vocabulary).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('counts a text once per row it appears in', () => {
    // "z" is in one text that three rows share, "y" in two texts: z ranks first.
    const t = table(['z', 'z', 'z', 'y x', 'y w'])
    expect(fitApply(step({ vocabularySize: 3 }), t).fitted.fitted?.vocabulary).toEqual(['z'])
  })

  it('pads and cuts at the end, maps unknown words to 1 and a missing text to padding', () => {
    const t = table(['Rates up, rates down', 'up', 'rates rise again and again today', null])
    const { fitted, output } = fitApply(step({ vocabularySize: 4 }), t, rows(0, 1))
    // Training rows 0 and 1: rates ×2, up ×2, down ×1 → [rates, up] (tie alphabetical).
    expect(fitted.fitted?.vocabulary).toEqual(['rates', 'up'])
    expect(sequences(output.table, 4)).toEqual([
      [2, 3, 2, 1],
      [3, 0, 0, 0],
      [2, 1, 1, 1],
      [0, 0, 0, 0],
    ])
    expect(output.table.columns.map((c) => c.name)).toEqual([
      'id',
      'text[0]',
      'text[1]',
      'text[2]',
      'text[3]',
      'label',
    ])
    expect(output.notes).toEqual([
      '1 text(s) of "text" have more than 4 tokens: only the first 4 are kept. Raise the sequence length if the end of a text matters.',
    ])
  })

  it('keeps case apart when lower-casing is off', () => {
    const t = table(['Apple apple APPLE apple'])
    const { fitted, output } = fitApply(step({ lowercase: false }), t)
    expect(fitted.fitted?.vocabulary).toEqual(['apple', 'APPLE', 'Apple'])
    expect(sequences(output.table, 4)).toEqual([[4, 2, 3, 2]])
  })

  it('learns only from training rows: other rows changed, the vocabulary is the same', () => {
    const train = rows(0, 2)
    const before = tokensStep.fit(step(), table(['buy now', 'sell', 'hold buy']), train, ctx)
    const after = tokensStep.fit(
      step(),
      table(['buy now', 'crash crash crash crash', 'hold buy']),
      train,
      ctx,
    )
    expect(after).toEqual(before)
    expect(before.fitted?.vocabulary).toEqual(['buy', 'hold', 'now'])
  })

  it('gives a text seen only outside training its ids, unknown words as 1', () => {
    const t = table(['buy now', 'hold', 'buy the dip now'])
    const { output } = fitApply(step(), t, rows(0, 1))
    expect(sequences(output.table, 4)[2]).toEqual([2, 1, 1, 4])
  })

  it('refuses a numeric column, the target and an unfitted step, saying what to do', () => {
    const t = table(['a'])
    expect(() => tokensStep.fit(step({ column: 'id' }), t, rows(0), ctx)).toThrow(
      /"id" holds numbers, not text.*set the column's type to text on the Data step/,
    )
    expect(() => tokensStep.fit(step({ column: 'label' }), t, rows(0), ctx)).toThrow(
      /"label" is the target/,
    )
    expect(() => tokensStep.apply(step(), t, rows(0), ctx)).toThrow(/has not been fitted yet/)
  })

  it('handles a column that is all missing: empty vocabulary, all padding', () => {
    const { fitted, output } = fitApply(step(), table([null, null]))
    expect(fitted.fitted?.vocabulary).toEqual([])
    expect(sequences(output.table, 4)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ])
  })

  it('survives a JSON round trip and applies the same after it', () => {
    const t = table(['$TSLA jumps', 'stocks slide', null])
    const fitted = tokensStep.fit(step({ why: 'free text' }), t, all(t), ctx)
    const back = stepSchema.parse(JSON.parse(JSON.stringify(fitted))) as StepOf<'tokens'>
    expect(back).toEqual(fitted)
    expect(tokensStep.apply(back, t, all(t), ctx).table).toEqual(
      tokensStep.apply(fitted, t, all(t), ctx).table,
    )
  })

  it('encodes a million rows of a categorical column (text lives in its categories)', () => {
    const n = 1_000_000
    const column: CategoricalColumn = {
      name: 'text',
      kind: 'categorical',
      codes: Int32Array.from({ length: n }, (_, i) => (i % 10 === 9 ? MISSING_CODE : i % 3)),
      categories: ['profit warning', 'record profit', 'profit profit profit profit profit'],
    }
    const t: Table = { rowCount: n, columns: [column] }
    const train = Int32Array.from({ length: n / 2 }, (_, i) => i)
    const { fitted, output } = fitApply(step(), t, train)
    expect(fitted.fitted?.vocabulary).toEqual(['profit', 'record', 'warning'])
    const ids = sequences(output.table, 4)
    expect([ids[0], ids[1], ids[2], ids[9], ids[n - 1]]).toEqual([
      [2, 4, 0, 0],
      [3, 2, 0, 0],
      [2, 2, 2, 2],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ])
  })

  it('describes itself and reads only its column', () => {
    expect(tokensStep.describe(step({ vocabularySize: 10_000, sequenceLength: 64 }))).toBe(
      'Tokens of text: 10,000 ids, 64 per row, lower-cased',
    )
    expect(tokensStep.reads(step())).toEqual(['text'])
  })
})

describe('tokens on financial-news-sentiment.csv', () => {
  const news = parseDelimitedText(
    readFileSync(
      new URL('../../../../public/datasets/financial-news-sentiment.csv', import.meta.url),
      'utf8',
    ),
  ).table
  const recipe: Recipe = {
    ...proposeRecipe(news, 'financial-news-sentiment.csv', 'sentiment'),
    steps: [
      { id: 'drop', enabled: true, op: 'drop-columns', columns: ['split'] },
      step({ id: 'tok', vocabularySize: 2000, sequenceLength: 24 }),
    ],
  }
  const prepared = prepareData(recipe, news)
  const tokens = prepared.recipe.steps[1] as StepOf<'tokens'>

  it('fits a vocabulary on the training rows with the tickers in it', () => {
    expect(prepared.error).toBeNull()
    const vocabulary = tokens.fitted?.vocabulary ?? []
    expect(vocabulary).toHaveLength(1998)
    expect(vocabulary).toEqual(expect.arrayContaining(['$spy', '$tsla', '$aapl']))
    // Nearly every headline ends in a t.co link: its parts are the most frequent tokens.
    expect(vocabulary.slice(0, 3)).toEqual(['t', 'co', 'https'])
    expect(prepared.recipe.features).toHaveLength(24)
    expect(prepared.recipe.features?.[0]).toEqual({ name: 'text[0]', sources: ['text'] })
  })

  it('gives a headline typed into the predict form the ids the training rows had', () => {
    const typed = '$AAPL - Apple cut at Morgan Stanley on weak iPhone outlook https://t.co/xyz'
    const applied = applyRecipe(
      prepared.recipe,
      tableFromRecords([{ text: typed }, { text: null }], sourceColumns(prepared.recipe)),
    )
    const ids = Array.from({ length: 24 }, (_, i) =>
      cellValue(findColumn(applied.table, `text[${i}]`), 0),
    )
    const vocabulary = tokens.fitted?.vocabulary ?? []
    const expected = tokenize(typed, true).map((w) => {
      const at = vocabulary.indexOf(w)
      return at < 0 ? 1 : at + 2
    })
    expect(ids.slice(0, expected.length)).toEqual(expected)
    expect(ids.slice(expected.length).every((id) => id === 0)).toBe(true)
    expect(expected[0]).toBe(vocabulary.indexOf('$aapl') + 2)
    expect(expected.at(-1)).toBe(1)
    expect(cellValue(findColumn(applied.table, 'text[0]'), 1)).toBe(0)
  })
})
