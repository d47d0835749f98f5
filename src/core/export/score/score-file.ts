import type { PredictionRecord } from '../predictions'
import { attachPredictions, predictionColumns, predictionsCsv } from '../predictions'
import { sourceColumns } from '../../recipe/recipe-schema'
import { targetWidth } from '../../recipe/transform'
import { emptyRecord, tableFromRecords } from '../../table/records'
import { cellValue, tableRecords, type Table } from '../../table/table'
import { validateRecords, type RecordProblem } from '../validate-records'
import { checkColumns } from './column-check'
import { outputLabel, reasonText } from './reason-text'
import { explainedOutput, scoreRows, type ScoringModel } from './score-rows'

/** Reasons written per row of a scored file. */
export const FILE_REASONS = 3
const PREVIEW_ROWS = 10
const EXAMPLES = 5

export interface ScoreSummary {
  readonly rows: number
  readonly scored: number
  /** Rows refused by the checks (their reason is in the `problem` column). */
  readonly refused: number
  readonly withNotes: number
  /** Classification: how many rows got each class, in class order. */
  readonly classCounts: readonly { readonly label: string; readonly count: number }[]
  /** Regression: the predicted values' range and mean. */
  readonly valueRange: { readonly min: number; readonly max: number; readonly mean: number } | null
  /** Binary: the probability at or above which the positive class is predicted. */
  readonly threshold: number | null
  /** Checks worth knowing that did not stop a row (values outside the training range …). */
  readonly warnings: number
  readonly examples: readonly string[]
}

export interface ScoredFile {
  readonly header: readonly string[]
  /** The uploaded file's own columns, first in `header`; the scoring's follow. */
  readonly fileColumns: readonly string[]
  readonly csv: string
  readonly preview: readonly PredictionRecord[]
  readonly summary: ScoreSummary
}

const problemText = (p: RecordProblem) =>
  `${p.row === null ? '' : `Row ${p.row + 1}: `}${p.column ? `${p.column}: ` : ''}${p.message}`

/** Valid rows, the positions of those refused and why, and the warnings of the valid ones. */
function checkRows(scoring: ScoringModel, records: readonly Record<string, unknown>[]) {
  const first = validateRecords(scoring.schema, records)
  if (first.ok)
    return { kept: records.map((_, i) => i), check: first, refused: new Map<number, string>() }
  const refused = new Map<number, string>()
  for (const error of first.errors) {
    if (error.row === null) throw new Error(problemText(error))
    const text = `${error.column ? `${error.column}: ` : ''}${error.message}`
    refused.set(error.row, refused.has(error.row) ? `${refused.get(error.row)}; ${text}` : text)
  }
  const kept = records.map((_, i) => i).filter((i) => !refused.has(i))
  const check = validateRecords(
    scoring.schema,
    kept.map((i) => records[i]),
  )
  if (!check.ok) throw new Error(check.errors.slice(0, EXAMPLES).map(problemText).join(' '))
  return { kept, check, refused }
}

/**
 * A whole uploaded file scored: its columns checked against the model's, each row validated,
 * predicted and explained (top reasons), and the scored CSV built with the file's own columns
 * first. Rows that fail the checks stay in the file with the reason instead of a prediction.
 * Null when stopped.
 */
export async function scoreFile(
  scoring: ScoringModel,
  file: Table,
  options: {
    readonly threshold: number
    readonly onProgress?: (done: number, total: number) => void
    readonly shouldStop?: () => boolean
  },
): Promise<ScoredFile | null> {
  const { recipe } = scoring
  const names = file.columns.map((c) => c.name)
  const columns = checkColumns(scoring.schema, recipe, names)
  if (columns.missing.length > 0) throw new Error(columns.messages.join(' '))
  const all = Int32Array.from({ length: file.rowCount }, (_, i) => i)
  // Only the model's inputs are checked and scored: the file's other columns (the target, an
  // id) go to the scored file untouched, so the checks never refuse a row for them.
  const wanted = new Set(scoring.schema.map((c) => c.name))
  const modelColumns = { ...file, columns: file.columns.filter((c) => wanted.has(c.name)) }
  const { kept, check, refused } = checkRows(scoring, tableRecords(modelColumns, all))
  const table = tableFromRecords(check.records, sourceColumns(recipe))
  const scored = await scoreRows(scoring, table, { keep: FILE_REASONS, ...options })
  if (!scored) return null

  const predicted = attachPredictions(recipe, check.records, scored.outputs, options.threshold)
  const predictionNames = predictionColumns(recipe)
  const reasonNames = Array.from({ length: FILE_REASONS }, (_, i) => `reason_${i + 1}`)
  const header = [
    ...names,
    ...predictionNames,
    ...reasonNames,
    'notes',
    ...(refused.size > 0 ? ['problem'] : []),
  ]
  const at = new Map(kept.map((row, i) => [row, i]))
  const inputs = new Map(scoring.schema.map((c) => [c.name, c]))
  const rows: PredictionRecord[] = []
  for (let row = 0; row < file.rowCount; row++) {
    const record: PredictionRecord = emptyRecord()
    for (const column of file.columns) record[column.name] = cellValue(column, row)
    const i = at.get(row)
    // A row the recipe cannot score (too little history) gets no label, not the first class.
    const prediction =
      i === undefined || Number.isNaN(scored.outputs[i * scored.width]) ? undefined : predicted[i]
    for (const name of predictionNames) {
      const v = prediction?.[name]
      record[name] = typeof v === 'number' && Number.isNaN(v) ? null : (v ?? null)
    }
    const reasons = i === undefined ? [] : (scored.reasons[i] ?? [])
    const label =
      i === undefined ? '' : outputLabel(recipe, explainedOutput(recipe, scored.outputs, i))
    reasonNames.forEach((name, k) => {
      const reason = reasons[k]
      record[name] = reason ? reasonText(reason, label, { input: inputs.get(reason.column) }) : null
    })
    record.notes = i === undefined ? null : (scored.notes[i]?.join('; ') ?? null)
    if (refused.size > 0) record.problem = refused.get(row) ?? null
    rows.push(record)
  }
  return {
    header,
    fileColumns: names,
    csv: predictionsCsv(rows),
    preview: rows.slice(0, PREVIEW_ROWS),
    summary: summarise(scoring, scored.outputs, scored.notes, {
      rows: file.rowCount,
      refused: refused.size,
      threshold: options.threshold,
      predicted,
      warnings: check.warnings,
      kept,
    }),
  }
}

function summarise(
  scoring: ScoringModel,
  outputs: Float64Array,
  notes: readonly (readonly string[] | null)[],
  facts: {
    rows: number
    refused: number
    threshold: number
    predicted: readonly PredictionRecord[]
    warnings: readonly RecordProblem[]
    /** File rows of the checked records: warnings name rows of the file. */
    kept: readonly number[]
  },
): ScoreSummary {
  const { task, classes = [], column } = scoring.recipe.target
  let valueRange: ScoreSummary['valueRange'] = null
  if (task === 'regression') {
    let min = Infinity
    let max = -Infinity
    let sum = 0
    let n = 0
    for (const v of outputs) {
      if (!Number.isFinite(v)) continue
      min = Math.min(min, v)
      max = Math.max(max, v)
      sum += v
      n++
    }
    if (n > 0) valueRange = { min, max, mean: sum / n }
  }
  const counts = new Map(classes.map((c) => [c, 0]))
  if (task !== 'regression')
    for (const row of facts.predicted) {
      const label = row[`predicted_${column}`]
      if (typeof label === 'string' && counts.has(label))
        counts.set(label, (counts.get(label) ?? 0) + 1)
    }
  return {
    rows: facts.rows,
    scored: facts.predicted.length - unscorable(outputs, scoring.recipe),
    refused: facts.refused,
    withNotes: notes.filter((n) => n !== null && n.length > 0).length,
    classCounts: [...counts].map(([label, count]) => ({ label, count })),
    valueRange,
    threshold: task === 'binary' ? facts.threshold : null,
    warnings: facts.warnings.length,
    examples: facts.warnings
      .slice(0, EXAMPLES)
      .map((w) => problemText({ ...w, row: w.row === null ? null : (facts.kept[w.row] ?? w.row) })),
  }
}

/** Rows the recipe could not score (their outputs are NaN). */
function unscorable(outputs: Float64Array, recipe: ScoringModel['recipe']): number {
  const width = targetWidth(recipe)
  let count = 0
  for (let at = 0; at < outputs.length; at += width) if (Number.isNaN(outputs[at])) count++
  return count
}
