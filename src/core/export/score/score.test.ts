import * as tf from '@tensorflow/tfjs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reasonCodes } from '../../evaluate/explain/reason-codes'
import { tablePredictor } from '../../evaluate/explain/predictor'
import { takeRows, typicalValue } from '../../evaluate/explain/table-rows'
import { sourceColumns } from '../../recipe/recipe-schema'
import { tableFromRecords } from '../../table/records'
import { tableRecords, type Table } from '../../table/table'
import type { FinishedRun } from '../../train/run-history'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { inputSchemaOf } from '../input-schema'
import { loadModelFiles } from '../model-artifacts'
import { predictRecords } from '../predict-records'
import { checkColumns } from './column-check'
import { scoreFile } from './score-file'
import { scoreRows, type ScoringModel } from './score-rows'

const { table, recipeFor } = bundledTable('GermanCredit.csv')
let run: FinishedRun
let scoring: ScoringModel
let testTable: Table

beforeAll(async () => {
  await tf.setBackend('cpu')
  run = await trainForReal(withTraining(recipeFor('Class'), { epochs: 3 }), table)
  const model = await loadModelFiles(run.model)
  scoring = { model, recipe: run.recipe, schema: inputSchemaOf(run.recipe, table) }
  testTable = takeRows(table, run.testRows.subarray(0, 40))
}, 120_000)
afterAll(() => scoring.model.dispose())

describe('scoreRows', () => {
  it('predicts exactly what predictRecords predicts for the same raw rows', async () => {
    const records = tableRecords(
      testTable,
      Array.from({ length: testTable.rowCount }, (_, i) => i),
    )
    const raw = tableFromRecords(records, sourceColumns(run.recipe))
    const scored = await scoreRows(scoring, raw, { keep: 3 })
    const reference = await predictRecords(scoring.model, run.recipe, records)
    expect(scored?.outputs).toEqual(reference)
    expect(Array.from(scored?.outputs ?? []).every((p) => p >= 0 && p <= 1)).toBe(true)
  })

  it('gives each row the reasons Evaluate gives it, strongest first', async () => {
    const scored = await scoreRows(scoring, testTable, { keep: 100 })
    const columns = scoring.schema.map((c) => c.name)
    const typical = new Map(columns.map((c) => [c, typicalValue(table, c)]))
    const predict = tablePredictor(scoring.model, run.recipe)
    for (const row of [0, 7, 31]) {
      const expected = await reasonCodes({
        table: testTable,
        row,
        columns,
        typical,
        predict,
        width: 1,
        output: 0,
      })
      const got = scored?.reasons[row] ?? []
      expect(got.map((r) => r.column)).toEqual(expected.reasons.map((r) => r.column))
      got.forEach((r, i) => expect(r.effect).toBeCloseTo(expected.reasons[i]?.effect ?? NaN, 6))
    }
  })

  it('keeps only the strongest reasons asked for', async () => {
    const scored = await scoreRows(scoring, testTable, { keep: 3 })
    expect(scored?.reasons.every((r) => r.length <= 3)).toBe(true)
    expect(scored?.reasons.some((r) => r.length === 3)).toBe(true)
  })

  it('stops when asked, scoring nothing more', async () => {
    const scored = await scoreRows(scoring, testTable, { keep: 3, shouldStop: () => true })
    expect(scored).toBeNull()
  })
})

describe('checkColumns', () => {
  const names = table.columns.map((c) => c.name)

  it('finds nothing wrong with the training file itself, and says the target is not used', () => {
    const check = checkColumns(scoring.schema, run.recipe, names)
    expect(check.missing).toEqual([])
    // The fitted recipe drops German credit's two constant columns: not asked for, not missing.
    expect(check.extra).toEqual(['Class', 'Purpose.Vacation', 'Personal.Female.Single'])
    expect(check.messages).toEqual([
      '“Class” is what the model predicts: it is kept in the scored file beside the prediction, not used for it.',
      '“Purpose.Vacation”, “Personal.Female.Single” are not used by the model: kept in the scored file as they are.',
    ])
  })

  it('names a missing column and the near miss that should be renamed', () => {
    const renamed = names.map((n) => (n === 'Duration' ? 'duration' : n))
    const check = checkColumns(scoring.schema, run.recipe, renamed)
    expect(check.missing).toEqual(['Duration'])
    expect(check.messages[0]).toContain('it has “duration”: rename that column to “Duration”')
    const typo = checkColumns(
      scoring.schema,
      run.recipe,
      names.map((n) => (n === 'Amount' ? 'Ammount' : n)),
    )
    expect(typo.messages[0]).toContain('it has “Ammount”: rename that column to “Amount”')
    const gone = checkColumns(
      scoring.schema,
      run.recipe,
      names.filter((n) => n !== 'Amount'),
    )
    expect(gone.messages[0]).toBe(
      'The file has no column “Amount”, which the model needs. Add it (leave its cells empty where the value is unknown) and upload the file again.',
    )
  })
})

describe('scoreFile', () => {
  it('writes every row with its prediction, three reasons and neutralised formula text', async () => {
    const file: Table = {
      ...testTable,
      columns: testTable.columns.map((c) =>
        c.kind === 'categorical' && c.name === 'Class'
          ? {
              ...c,
              categories: [...c.categories, '=HYPERLINK("x")'],
              codes: c.codes.map((_, i) => (i === 2 ? c.categories.length : (c.codes[i] ?? 0))),
            }
          : c,
      ),
    }
    const progress: number[] = []
    const scored = await scoreFile(scoring, file, {
      threshold: 0.5,
      onProgress: (done) => progress.push(done),
    })
    if (!scored) throw new Error('not stopped')
    const parsed = Papa.parse<Record<string, string>>(scored.csv, { header: true })
    expect(parsed.data).toHaveLength(testTable.rowCount)
    const reference = await predictRecords(
      scoring.model,
      run.recipe,
      tableRecords(
        testTable,
        Array.from({ length: testTable.rowCount }, (_, i) => i),
      ),
    )
    parsed.data.forEach((row, i) => {
      expect(Number(row.probability_Bad)).toBeCloseTo(reference[i] ?? NaN, 9)
      expect(row.predicted_Class).toBe((reference[i] ?? 0) >= 0.5 ? 'Bad' : 'Good')
    })
    expect(parsed.data[2]?.Class).toBe(`'=HYPERLINK("x")`)
    expect(parsed.data[0]?.reason_1).toMatch(/^[\w.]+ = .+ (raises|lowers) P\(Bad\) by /)
    expect(scored.header.slice(-5)).toEqual([
      'probability_Bad',
      'reason_1',
      'reason_2',
      'reason_3',
      'notes',
    ])
    expect(progress.at(-1)).toBe(testTable.rowCount)
    const counts = scored.summary.classCounts
    expect(counts.map((c) => c.label)).toEqual(['Good', 'Bad'])
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(testTable.rowCount)
    expect(scored.summary.scored).toBe(testTable.rowCount)
  })

  it('refuses a file that lacks a column the model needs, before scoring any row', async () => {
    const file: Table = { ...testTable, columns: testTable.columns.filter((c) => c.name !== 'Age') }
    await expect(scoreFile(scoring, file, { threshold: 0.5 })).rejects.toThrow(
      'The file has no column “Age”, which the model needs',
    )
  })
})

describe('scoreFile for a regression', () => {
  it('writes the predicted value, reasons about the prediction and the value range', async () => {
    const recipe = recipeFor('Amount')
    const amountRun = await trainForReal(withTraining(recipe, { epochs: 2 }), table)
    const model = await loadModelFiles(amountRun.model)
    const regression = {
      model,
      recipe: amountRun.recipe,
      schema: inputSchemaOf(amountRun.recipe, table),
    }
    const rows = takeRows(table, amountRun.testRows.subarray(0, 20))
    const scored = await scoreFile(regression, rows, { threshold: 0.5 })
    if (!scored) throw new Error('not stopped')
    const parsed = Papa.parse<Record<string, string>>(scored.csv, { header: true }).data
    const reference = await predictRecords(
      model,
      amountRun.recipe,
      tableRecords(
        rows,
        Array.from({ length: rows.rowCount }, (_, i) => i),
      ),
    )
    parsed.forEach((row, i) =>
      expect(Number(row.predicted_Amount)).toBeCloseTo(reference[i] ?? NaN, 6),
    )
    expect(parsed[0]?.reason_1).toMatch(/ (raises|lowers) the prediction by /)
    const range = scored.summary.valueRange
    expect(range?.min).toBeCloseTo(Math.min(...reference), 6)
    expect(range?.max).toBeCloseTo(Math.max(...reference), 6)
    expect(scored.summary.classCounts).toEqual([])
    expect(scored.summary.threshold).toBeNull()
    model.dispose()
  }, 60_000)
})
