import Papa from 'papaparse'
import { sourceColumns, type Recipe } from '../recipe/recipe-schema'
import { emptyRecord, type RawRecord } from '../table/records'

export type PredictionRecord = Record<string, string | number | null>

/** Names of the columns a prediction adds to a row: the predicted value, then probabilities. */
export function predictionColumns(recipe: Recipe): string[] {
  const { column, task, classes = [] } = recipe.target
  if (task === 'regression') return [`predicted_${column}`]
  if (task === 'binary') return [`predicted_${column}`, `probability_${classes[1] ?? 'positive'}`]
  return [`predicted_${column}`, ...classes.map((c) => `probability_${c}`)]
}

/** Raw rows with their predictions appended, in the recipe's units and class labels. */
export function attachPredictions(
  recipe: Recipe,
  records: readonly RawRecord[],
  outputs: ArrayLike<number>,
  threshold = 0.5,
): PredictionRecord[] {
  const { task, classes = [] } = recipe.target
  const names = predictionColumns(recipe)
  const k = task === 'multiclass' ? classes.length : 1
  return records.map((record, i) => {
    const row: PredictionRecord = emptyRecord()
    for (const c of sourceColumns(recipe)) {
      const v = record[c.name]
      row[c.name] = typeof v === 'number' || typeof v === 'string' ? v : null
    }
    if (task === 'regression') {
      row[names[0] as string] = outputs[i] ?? null
    } else if (task === 'binary') {
      const p = outputs[i] ?? 0
      row[names[0] as string] = (p >= threshold ? classes[1] : classes[0]) ?? null
      row[names[1] as string] = p
    } else {
      let best = 0
      for (let c = 0; c < k; c++) {
        const p = outputs[i * k + c] ?? 0
        row[names[c + 1] as string] = p
        if (p > (outputs[i * k + best] ?? 0)) best = c
      }
      row[names[0] as string] = classes[best] ?? null
    }
    return row
  })
}

/** Spreadsheets run cells starting with = + - @ as formulas: quote such text cells. */
function neutralise(value: string | number | null): string | number {
  if (value === null) return ''
  if (typeof value === 'number') return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function predictionsCsv(rows: readonly PredictionRecord[]): string {
  const first = rows[0]
  if (!first) return ''
  const fields = Object.keys(first)
  return Papa.unparse({
    // Column names come from the analyst's file too: a header cell runs as a formula as well.
    fields: fields.map((f) => String(neutralise(f))),
    data: rows.map((row) => fields.map((f) => neutralise(row[f] ?? null))),
  })
}
