/**
 * The bundle runtime (built by vite.runtime.config.ts into public/runtime/model-runtime.js, a UMD
 * file): what `predict.html` and `serve.mjs` call. It scores raw records with the same recipe and
 * prediction code as the studio page, so every form of the model gives the page's answers.
 */
import * as tf from '@tensorflow/tfjs'
import Papa from 'papaparse'
import type { InputColumn } from '../core/export/input-schema'
import { loadModelFiles } from '../core/export/model-artifacts'
import { predictRecords } from '../core/export/predict-records'
import {
  attachPredictions,
  predictionColumns,
  predictionsCsv,
  type PredictionRecord,
} from '../core/export/predictions'
import { validateRecords, type RecordProblem } from '../core/export/validate-records'
import { parseRecipe, sourceColumns, type Recipe } from '../core/recipe/recipe-schema'
import { inputSchemaFromRecipe } from './schema-fallback'

export { validateRecords }

export const RUNTIME_VERSION = 1

export interface BundleFiles {
  readonly modelJson: string
  readonly weights: ArrayBuffer
  readonly recipe: unknown
  /** input-schema.json, or null for bundles without one. */
  readonly inputSchema: unknown
}

export type PredictResult =
  | {
      readonly ok: true
      /** Per record: the predicted value or class and the class probabilities, by column name. */
      readonly predictions: PredictionRecord[]
      /** Per record: the model's raw outputs (probabilities, or the value), as the page has them. */
      readonly outputs: number[][]
      readonly warnings: RecordProblem[]
    }
  | { readonly ok: false; readonly errors: RecordProblem[] }

export interface Predictor {
  readonly recipe: Recipe
  readonly inputSchema: readonly InputColumn[]
  /** The columns each prediction has: `predicted_<target>` and the probabilities. */
  readonly outputColumns: readonly string[]
  /** Checks and scores records (an array of objects, or {records: [...]}); never throws on bad input. */
  predict(input: unknown): Promise<PredictResult>
  /** Frees the model's weights (one process can hold one copy of a model's named weights). */
  dispose(): void
}

/** Loads a bundle's files (read by `serve.mjs`, or embedded in model-data.js for predict.html). */
export async function loadPredictor(files: BundleFiles): Promise<Predictor> {
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu')
  await tf.ready()
  const recipe = parseRecipe(files.recipe)
  const inputSchema = Array.isArray(files.inputSchema)
    ? (files.inputSchema as InputColumn[])
    : inputSchemaFromRecipe(recipe)
  const model = await loadModelFiles({ modelJson: files.modelJson, weights: files.weights })
  const outputColumns = predictionColumns(recipe)
  const width = recipe.target.task === 'multiclass' ? (recipe.target.classes?.length ?? 0) : 1
  const names = new Set(sourceColumns(recipe).map((c) => c.name))
  return {
    recipe,
    inputSchema,
    outputColumns,
    predict: async (input) => {
      const check = validateRecords(inputSchema, input)
      if (!check.ok) return check
      const outputs = await predictRecords(model, recipe, check.records)
      const rows = attachPredictions(recipe, check.records, outputs)
      return {
        ok: true,
        predictions: rows.map((row) => {
          const out: PredictionRecord = {}
          for (const c of outputColumns) if (!names.has(c)) out[c] = row[c] ?? null
          return out
        }),
        outputs: check.records.map((_, i) =>
          Array.from(outputs.subarray(i * width, (i + 1) * width)),
        ),
        warnings: check.warnings,
      }
    },
    dispose: () => model.dispose(),
  }
}

/** CSV text to records (the header names the columns; empty cells are missing). */
export function parseCsv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: true,
  })
  return parsed.data
}

/** Rows to CSV, with cells that start with = + - @ neutralised for spreadsheets. */
export function toCsv(rows: readonly PredictionRecord[]): string {
  return predictionsCsv(rows)
}

/** Base64 text (model-data.js carries weights.bin so) to bytes. */
export function base64ToBytes(text: string): ArrayBuffer {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes.buffer
}
