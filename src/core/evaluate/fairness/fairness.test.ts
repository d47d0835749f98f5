import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../../table/parse-delimited'
import { findColumn, type CategoricalColumn } from '../../table/table'
import type { TestSet } from '../test-set'
import { favourableDecisions, groupOutcomes, type GroupOutcome } from './fairness-table'
import { groupRows, MISSING_GROUP, niceWidth, type Banding } from './group-rows'

/** Reference values written by fixtures/make-scoring-fixtures.py (pandas groupby, sklearn). */
type Expected = Omit<GroupOutcome, 'group'> & { group: number | string }
interface Fixtures {
  fairness: {
    rows: number[]
    scores: number[]
    quartileEdges: number[]
    tenYearEdges: number[]
    cases: {
      threshold: number
      favourableClass: 0 | 1
      quartileBands: Expected[]
      tenYearBands: Expected[]
    }[]
  }
  multiclassFairness: {
    labels: number[]
    probabilities: number[]
    region: (string | null)[]
    chosenClass: number
    groups: Expected[]
  }
}
const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/scoring-fixtures.json', import.meta.url), 'utf8'),
) as Fixtures

const { table } = parseDelimitedText(
  readFileSync(new URL('../../../../public/datasets/GermanCredit.csv', import.meta.url), 'utf8'),
)
const age = findColumn(table, 'Age')
const credit = findColumn(table, 'Class')
const f = fixtures.fairness
const rows = Int32Array.from(f.rows)
const germanTestSet: TestSet = {
  task: 'binary',
  classes: ['Bad', 'Good'],
  rows,
  actual: Float64Array.from(rows, (r) =>
    credit.kind === 'categorical' && credit.categories[credit.codes[r] ?? -1] === 'Good' ? 1 : 0,
  ),
  outputs: Float64Array.from(f.scores),
}

function expectOutcomes(got: GroupOutcome[], expected: Expected[], label: (e: Expected) => string) {
  expect(got.map((o) => o.group).sort()).toEqual(expected.map(label).sort())
  for (const e of expected) {
    const o = got.find((g) => g.group === label(e))
    for (const key of [
      'rows',
      'approvals',
      'approvalRate',
      'tpr',
      'fpr',
      'precision',
      'ratio',
    ] as const) {
      const value = e[key]
      if (value === null) expect(o?.[key], `${label(e)} ${key}`).toBeNull()
      else expect(o?.[key], `${label(e)} ${key}`).toBeCloseTo(value, 12)
    }
  }
}

describe('fairness slice against pandas and scikit-learn', () => {
  const bandings: [
    string,
    Banding,
    'quartileBands' | 'tenYearBands',
    'quartileEdges' | 'tenYearEdges',
  ][] = [
    [
      'age quartiles (pandas qcut)',
      { kind: 'quantile', count: 4 },
      'quartileBands',
      'quartileEdges',
    ],
    [
      'ten-year age bands (pandas cut)',
      { kind: 'width', width: 10 },
      'tenYearBands',
      'tenYearEdges',
    ],
  ]
  it.each(bandings)('German credit %s', (_, banding, bands, edges) => {
    const grouping = groupRows(age, rows, banding)
    expect(grouping.edges).toEqual(f[edges])
    for (const c of f.cases) {
      const { predicted, actual } = favourableDecisions(
        germanTestSet,
        c.favourableClass,
        c.threshold,
      )
      const outcomes = groupOutcomes(grouping, actual, predicted)
      expectOutcomes(outcomes, c[bands], (e) => grouping.labels[e.group as number] ?? '')
      expect(outcomes.reduce((sum, o) => sum + o.rows, 0)).toBe(rows.length)
    }
  })

  it('one class against the rest of a three-class model, with a "Missing" group', () => {
    const m = fixtures.multiclassFairness
    const names = ['east', 'north', 'south']
    const region: CategoricalColumn = {
      name: 'region',
      kind: 'categorical',
      categories: names,
      codes: Int32Array.from(m.region, (r) => (r === null ? -1 : names.indexOf(r))),
    }
    const testSet: TestSet = {
      task: 'multiclass',
      classes: ['a', 'b', 'c'],
      rows: Int32Array.from(m.labels.keys()),
      actual: Float64Array.from(m.labels),
      outputs: Float64Array.from(m.probabilities),
    }
    const grouping = groupRows(region, testSet.rows, { kind: 'quantile', count: 4 })
    expect(grouping.labels).toEqual([...names, MISSING_GROUP])
    const { predicted, actual } = favourableDecisions(testSet, m.chosenClass, 0.5)
    expectOutcomes(groupOutcomes(grouping, actual, predicted), m.groups, (e) => String(e.group))
  })
})

describe('groups an analyst can read', () => {
  it('labels age quartiles by the ages inside them', () => {
    const grouping = groupRows(age, rows, { kind: 'quantile', count: 4 })
    expect(grouping.labels).toEqual(['19 to 27', '28 to 34', '35 to 42', '43 to 67'])
  })

  it('labels ten-year bands by whole years and proposes a round width', () => {
    expect(groupRows(age, rows, { kind: 'width', width: 10 }).labels[1]).toBe('20 to 29')
    expect(niceWidth(Float64Array.from([19, 75]))).toBe(10)
    expect(niceWidth(Float64Array.from([250, 18424]))).toBe(2500)
  })

  it('groups a 0/1 flag by value instead of banding it', () => {
    const phone = groupRows(findColumn(table, 'Telephone'), rows, { kind: 'quantile', count: 4 })
    expect(phone.labels).toEqual(['Telephone = 0', 'Telephone = 1'])
    expect(phone.edges).toEqual([])
  })

  it('puts the approval ratio under four fifths for a group approved half as often', () => {
    const grouping = {
      labels: ['a', 'b'],
      group: Int32Array.from([0, 0, 1, 1]),
      edges: [],
      description: '',
    }
    const outcomes = groupOutcomes(grouping, [1, 0, 1, 0], [1, 1, 1, 0])
    expect(outcomes.map((o) => o.ratio)).toEqual([1, 0.5])
    expect(outcomes.map((o) => o.reference)).toEqual([true, false])
  })

  it('does not let a group of one applicant set the bar for the others', () => {
    const grouping = {
      labels: ['big', 'tiny'],
      group: Int32Array.from([0, 0, 0, 0, 1]),
      edges: [],
      description: '',
    }
    const predicted = [1, 1, 1, 0, 1]
    const actual = [1, 1, 1, 1, 1]
    expect(groupOutcomes(grouping, actual, predicted).map((o) => o.ratio)).toEqual([0.75, 1])
    const sized = groupOutcomes(grouping, actual, predicted, 3)
    expect(sized.map((o) => o.ratio)).toEqual([1, 1 / 0.75])
    expect(sized.map((o) => o.reference)).toEqual([true, false])
  })
})
