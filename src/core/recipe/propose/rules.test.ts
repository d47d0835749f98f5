import { describe, expect, it } from 'vitest'
import { inferTable } from '../../table/infer-types'
import { parseDelimitedText } from '../../table/parse-delimited'
import { proposeChoices, proposeSteps } from '../propose'
import type { Step, StepOf, StepOp } from '../step-schema'
import { countDuplicateRows } from '../../table/duplicate-rows'

/** A table as the Data step loads it: dates read as epoch milliseconds, with their types. */
function typed(text: string) {
  return inferTable(parseDelimitedText(text).table)
}

function csv(header: string, rows: readonly string[]) {
  return typed(`${header}\n${rows.join('\n')}\n`)
}

function find<O extends StepOp>(steps: readonly Step[], op: O): StepOf<O> | undefined {
  return steps.find((s): s is StepOf<O> => s.op === op)
}

/** A seeded random walk, so a "price" follows its own past as prices do; its steps do not. */
function walk(n: number, seed = 1): number[] {
  let x = seed
  let value = 100
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    value += (x / 2 ** 31 - 0.5) * 4
    return Math.round(value * 100) / 100
  })
}

const day = (i: number) =>
  new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)

describe('missing values', () => {
  const rows = Array.from({ length: 100 }, (_, i) =>
    [
      i % 8 === 0 ? '' : String((i * 37) % 101), // 13% missing
      i % 50 === 0 ? '' : ['north', 'south', 'east'][i % 3], // 2% missing
      i % 4 === 0 ? '' : ['own', 'rent'][i % 2 === 0 ? 0 : 1], // 25% missing
      i % 2,
    ].join(','),
  )
  const { table, types } = csv('amount,region,housing,y', rows)
  const steps = proposeSteps(table, 'y', types)
  const imputes = steps.filter((s): s is StepOf<'impute'> => s.op === 'impute')

  it('fills numbers with the median and a "was missing" input, saying how much is missing', () => {
    expect(imputes[0]).toMatchObject({ columns: ['amount'], strategy: 'median', indicator: true })
    expect(imputes[0]?.why).toMatch(
      /^"amount" \(13% missing\) has missing values: filled with the training median/,
    )
  })

  it('fills a few missing categories with the commonest, and makes many a category of their own', () => {
    expect(imputes[1]).toMatchObject({ columns: ['region'], strategy: 'mode' })
    expect(imputes[1]?.why).toMatch(/^"region" \(2% missing\): so few gaps/)
    expect(imputes[2]).toMatchObject({
      columns: ['housing'],
      strategy: 'constant',
      constant: '(missing)',
      indicator: false,
    })
    expect(imputes[2]?.why).toMatch(/^"housing" \(25% missing\): so many gaps may mean something/)
  })

  it('imputes before anything encodes or scales the columns', () => {
    const ops = steps.map((s) => s.op)
    expect(ops.lastIndexOf('impute')).toBeLessThan(ops.indexOf('one-hot'))
    expect(ops.at(-1)).toBe('scale')
  })
})

describe('categories', () => {
  it('encodes many evenly spread categories by frequency: one-hot would lump most into "other"', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `m${(i * 7) % 200},${i % 2}`)
    const { table, types } = csv('merchant,y', rows)
    const step = find(proposeSteps(table, 'y', types), 'frequency')
    expect(step?.column).toBe('merchant')
    expect(step?.why).toMatch(/200 values, and the 19 most frequent cover only 9\.5% of rows/)
  })

  it('gives an ordered scale (low, medium, high) ordinal codes in its own order', () => {
    const levels = ['High', 'low', 'Medium']
    const rows = Array.from({ length: 30 }, (_, i) => `${levels[i % 3] ?? ''},${i % 2}`)
    const { table, types } = csv('risk,y', rows)
    const step = find(proposeSteps(table, 'y', types), 'ordinal')
    expect(step).toMatchObject({ column: 'risk', order: ['low', 'Medium', 'High'], unseenValue: 1 })
  })

  it('keeps one input per category up to 20, never ordinal for unordered names', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `c${i % 20},${i % 2}`)
    const { table, types } = csv('colour,y', rows)
    expect(find(proposeSteps(table, 'y', types), 'one-hot')).toMatchObject({
      column: 'colour',
      maxCategories: null,
      unseen: 'zeros',
    })
  })
})

describe('dates', () => {
  it('turns times of day into year, month, weekday, hour and minute, scaling the linear ones', () => {
    const rows = Array.from({ length: 400 }, (_, i) => {
      const at = new Date(Date.UTC(2022, 0, 1) + i * 97 * 60_000 * 23).toISOString()
      return `${at.slice(0, 16).replace('T', ' ')},${i % 2}`
    })
    const { table, types } = csv('opened,y', rows)
    expect(types[0]?.type).toBe('datetime')
    const steps = proposeSteps(table, 'y', types)
    expect(find(steps, 'date-parts')).toMatchObject({
      column: 'opened',
      parts: ['year', 'month', 'weekday', 'hour', 'minute'],
      cyclical: true,
    })
    expect(find(steps, 'scale')?.columns).toEqual(['opened.year', 'opened.minute'])
  })

  it('leaves out the hour when every time is midnight, and says so', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${day(i * 3)},${i % 2}`)
    const { table, types } = csv('day,y', rows)
    const step = find(proposeSteps(table, 'y', types), 'date-parts')
    expect(step?.parts).toEqual(['month', 'weekday'])
    expect(step?.why).toMatch(/hour is left out \(every time is midnight\)/)
  })
})

describe('text', () => {
  it('caps the sequence at 256 words and the vocabulary at 10,000 ids', () => {
    // Each row overlaps the next by half, so all 11,000 words appear at least twice.
    const rows = Array.from({ length: 80 }, (_, i) => {
      const words = Array.from({ length: 300 }, (_, k) => `w${(i * 150 + k) % 11_000}`)
      return `"${words.join(' ')}",${i % 2}`
    })
    const { table, types } = csv('essay,y', rows)
    expect(types[0]?.type).toBe('text')
    const step = find(proposeSteps(table, 'y', types), 'tokens')
    expect(step).toMatchObject({ sequenceLength: 256, vocabularySize: 10_000 })
    expect(step?.why).toMatch(
      /95% of texts have at most 300 words, so sequences hold 256 ids, capped at 256/,
    )
  })
})

describe('time series', () => {
  it('windows a daily series over a week and splits it in time', () => {
    const prices = walk(200)
    const rows = prices.map((p, i) => `${day(i)},${p},${(i * 13) % 7}`)
    const { table, types } = csv('day,close,volume', rows)
    const steps = proposeSteps(table, 'close', types)
    expect(steps.map((s) => s.op)).toEqual(['windows', 'drop-columns', 'scale'])
    expect(find(steps, 'windows')).toMatchObject({
      orderBy: 'day',
      columns: ['close'],
      lookback: 7,
    })
    expect(find(steps, 'drop-columns')).toMatchObject({ columns: ['day'] })
    expect(find(steps, 'drop-columns')?.why).toMatch(/add a date-parts step before the windows/)
    expect(find(steps, 'scale')?.columns).toEqual([
      'volume',
      'close (t)',
      ...[1, 2, 3, 4, 5, 6].map((k) => `close (t-${k})`),
    ])
    const choices = proposeChoices(table, 'close', types)
    expect(choices.split).toMatchObject({ method: 'chronological', orderBy: 'day' })
    expect(choices.why.split).toMatch(/scored on days after the ones it learned from/)
  })

  it('shortens the look-back when the series is short, and says why', () => {
    const rows = walk(40).map(
      (p, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01,${p}`,
    )
    const { table, types } = csv('month,value', rows)
    const step = find(proposeSteps(table, 'value', types), 'windows')
    expect(step?.lookback).toBe(8)
    expect(step?.why).toMatch(/12 would suit monthly data, but the series has only 40 rows/)
  })

  it('does not window a target that does not follow its own past: dates become parts instead', () => {
    const amounts = walk(201).map((v, i, all) => Math.round((v - (all[i - 1] ?? 100)) * 100) / 100)
    const rows = amounts.slice(1).map((a, i) => `${day(i * 2)},${a}`)
    const { table, types } = csv('day,amount', rows)
    const steps = proposeSteps(table, 'amount', types)
    expect(find(steps, 'windows')).toBeUndefined()
    expect(find(steps, 'date-parts')?.parts).toContain('year')
    expect(proposeChoices(table, 'amount', types).split.method).toBe('random')
  })
})

describe('balance', () => {
  it('weighs up a binary minority under 20%, and says how much a mistake on it costs', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `${i % 9},${i % 10 === 0 ? 'fraud' : 'ok'}`)
    const { table, types } = csv('x,status', rows)
    const choices = proposeChoices(table, 'status', types)
    expect(choices.balance.method).toBe('class-weights')
    expect(choices.why.balance).toMatch(
      /^The rarest class, "fraud", is only 10% of rows \(10 of 100\), under a quarter of the commonest, "ok" \(90\)\. Class weights make a mistake on it cost 9\.0× one on "ok"/,
    )
    expect(choices.split.method).toBe('stratified')
  })
})

describe('countDuplicateRows', () => {
  it('counts rows equal to an earlier one in every cell, missing equal to missing', () => {
    const { table } = typed('a,b,c\n1,x,\n1,x,\n1,y,\n2,x,3\n1,x,\n2,x,3\n')
    expect(countDuplicateRows(table)).toBe(3)
  })
})
