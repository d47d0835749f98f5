import type { ReasonCode } from '../core/evaluate/explain/reason-codes'
import type { InputColumn } from '../core/export/input-schema'
import type { SavedModelFiles } from '../core/export/model-files'
import type { ColumnCheck } from '../core/export/score/column-check'
import type { ScoredFile } from '../core/export/score/score-file'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { RawRecord } from '../core/table/records'

/** The model a scoring worker holds: sent once, before any row. */
export interface ScoreSetup {
  readonly model: SavedModelFiles
  readonly recipe: Recipe
  readonly schema: readonly InputColumn[]
}

export type ScoreRequest =
  | { readonly type: 'setup'; readonly setup: ScoreSetup }
  /** One checked record from the predict form: its outputs, every reason, its notes. */
  | { readonly type: 'predict'; readonly id: number; readonly record: RawRecord }
  /** An uploaded file: read, columns checked, scored in chunks. */
  | {
      readonly type: 'file'
      readonly id: number
      readonly file: Blob
      readonly name: string
      readonly threshold: number
    }

export interface PredictedRow {
  /** The model's outputs for the row: probabilities, or the value in target units. */
  readonly outputs: readonly number[]
  /** Every reason, strongest first, for the output that `output` names. */
  readonly reasons: readonly ReasonCode[]
  readonly output: number
  readonly notes: readonly string[]
}

export interface FileCheck {
  readonly rows: number
  readonly columns: ColumnCheck
  /** What reading the file noticed (renamed headers, ragged rows). */
  readonly warnings: readonly string[]
}

export type ScoreReply =
  | { readonly type: 'predicted'; readonly id: number; readonly row: PredictedRow }
  | { readonly type: 'checked'; readonly id: number; readonly check: FileCheck }
  | {
      readonly type: 'progress'
      readonly id: number
      readonly done: number
      readonly total: number
    }
  | { readonly type: 'scored'; readonly id: number; readonly file: ScoredFile }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
