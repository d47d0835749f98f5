import { describe, expect, it } from 'vitest'
import { applyRecipe } from '../pipeline/apply-recipe'
import { fitRecipe, prepareData } from '../pipeline/prepare-data'
import { stepSchema, type StepOf } from '../step-schema'
import { duplicateRows } from '../../table/duplicate-rows'
import { dropDuplicatesStep } from './drop-duplicates'
import {
  bundled,
  changedRows,
  csvTable,
  fixtures,
  recipeWith,
  rowsWhere,
  TRAIN,
} from './fixtures/cleaning-tables'

const step = (columns: string[] = []): StepOf<'drop-duplicates'> => ({
  id: 'dd',
  enabled: true,
  op: 'drop-duplicates',
  columns,
})

const removed = (mask: Uint8Array | undefined) =>
  Array.from(mask ?? []).flatMap((v, row) => (v ? [row] : []))

const all = (n: number) => rowsWhere(n, () => true)

const LOANS = csvTable(
  [
    'applicant,income,grade,card',
    'ann,52.5,B,yes',
    'bob,,A,no',
    'ann,52.5,B,yes',
    'cy,40,,no',
    'bob,,A,no',
    'cy,40,,yes',
    'dee,0,C,no',
    'dee,-0,C,no',
  ].join('\n'),
)

describe('drop-duplicates', () => {
  it('marks rows equal to an earlier one, keeping the first; missing cells match each other', () => {
    const out = dropDuplicatesStep.apply(step(), LOANS, all(LOANS.rowCount), TRAIN)
    // Row 2 repeats row 0, row 4 repeats row 1 (missing income in both), row 7 repeats row 6
    // (0 and −0 are the same number); row 5 differs from row 3 only in the target.
    expect(removed(out.remove)).toEqual([2, 4, 7])
    expect(out.removeFrom).toBe('all')
    expect(out.removeReason).toBe('A duplicate of an earlier row.')
    expect(out.table).toBe(LOANS)
  })

  it('compares only the chosen columns when given', () => {
    const out = dropDuplicatesStep.apply(
      step(['applicant', 'grade']),
      LOANS,
      all(LOANS.rowCount),
      TRAIN,
    )
    expect(removed(out.remove)).toEqual([2, 4, 5, 7])
    expect(out.removeReason).toBe('A duplicate of an earlier row in "applicant", "grade".')
  })

  it('only looks at live rows: a row whose first copy is gone is kept', () => {
    const live = Int32Array.from([1, 2, 3, 4, 5, 6])
    const out = dropDuplicatesStep.apply(step(), LOANS, live, TRAIN)
    expect(removed(out.remove)).toEqual([4])
  })

  it('finds the same duplicates as pandas on the HMDA mortgage data', () => {
    const hmda = bundled('HMDA.csv')
    const rows = all(hmda.rowCount)
    expect(removed(dropDuplicatesStep.apply(step(), hmda, rows, TRAIN).remove)).toEqual(
      fixtures.duplicates.all,
    )
    const subset = step(fixtures.duplicates.subsetColumns)
    expect(removed(dropDuplicatesStep.apply(subset, hmda, rows, TRAIN).remove)).toEqual(
      fixtures.duplicates.subset,
    )
  })

  it('tells rows apart whose hashes collide by comparing their cells', () => {
    // 200,000 distinct rows: hash collisions in a 32-bit hash are all but certain (~5 pairs),
    // yet none may be called a duplicate. The last row copies the first.
    const n = 200_001
    const values = Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? 0 : i * 0.37))
    const column = { name: 'x', kind: 'numeric' as const, values }
    expect(removed(duplicateRows([column], all(n), n))).toEqual([n - 1])
  })

  it('refuses a column the data does not have', () => {
    expect(() =>
      dropDuplicatesStep.apply(step(['salary']), LOANS, all(LOANS.rowCount), TRAIN),
    ).toThrow('The data has no column named "salary".')
  })

  it('learns nothing, so held-out rows cannot leak into it', () => {
    const train = Int32Array.from([0, 1, 2, 3])
    const held = Int32Array.from([4, 5, 6, 7])
    const fitted = dropDuplicatesStep.fit(step(), LOANS, train, TRAIN)
    expect(dropDuplicatesStep.fit(step(), changedRows(LOANS, held), train, TRAIN)).toEqual(fitted)
  })

  it('survives a JSON round trip with the same output', () => {
    const fitted = dropDuplicatesStep.fit(step(['applicant']), LOANS, all(8), TRAIN)
    const back = stepSchema.parse(JSON.parse(JSON.stringify(fitted))) as typeof fitted
    const live = all(LOANS.rowCount)
    expect(dropDuplicatesStep.apply(back, LOANS, live, TRAIN)).toEqual(
      dropDuplicatesStep.apply(fitted, LOANS, live, TRAIN),
    )
    expect(dropDuplicatesStep.describe(back)).toBe(
      'Drop rows repeating an earlier row in applicant',
    )
  })

  it('in a recipe, removes the duplicates from whichever part holds them', () => {
    const hmda = bundled('HMDA.csv')
    const prepared = prepareData(recipeWith(hmda, 'deny', [step()]), hmda)
    expect(prepared.error).toBeNull()
    expect(prepared.reports[0]?.removedRows).toBe(3)
    const kept = [...prepared.parts.train, ...prepared.parts.validation, ...prepared.parts.test]
    expect(kept).toHaveLength(hmda.rowCount - 3)
    for (const row of fixtures.duplicates.all) expect(kept).not.toContain(row)
  })

  it('when scoring, keeps a repeated row and notes it', () => {
    const hmda = bundled('HMDA.csv')
    const recipe = recipeWith(hmda, 'deny', [step()])
    const fitted = fitRecipe(
      recipe,
      hmda,
      rowsWhere(hmda.rowCount, (row) => row < 1000),
    )
    const scored = applyRecipe(fitted, hmda)
    expect(scored.table.rowCount).toBe(hmda.rowCount)
    expect(scored.notes[fixtures.duplicates.all[0] ?? -1]).toEqual([
      'A duplicate of an earlier row.',
    ])
    expect(scored.notes.filter((n) => n !== null)).toHaveLength(3)
  })
})
