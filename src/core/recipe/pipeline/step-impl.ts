import type { Table } from '../../table/table'
import type { StepOf, StepOp } from '../step-schema'

export interface StepContext {
  /** The target column: no step may turn it into a model input. */
  readonly target: string
  readonly seed: number
  /**
   * 'train': preparing training, validation and test data (rows may be removed).
   * 'predict': scoring rows someone sent; no row is removed, a removal becomes a note on the row.
   */
  readonly mode: 'train' | 'predict'
}

/** What applying a step gives: the new table (same row count) and the rows it removes. */
export interface StepOutput {
  readonly table: Table
  /** 1 for each table row this step removes; rows already removed may be marked or not. */
  readonly remove?: Uint8Array
  /**
   * Which parts lose the removed rows while preparing training data: every part (a filter, a
   * duplicate, a window without history), or only the training rows (outliers: validation and
   * test keep the world as it is, so the metrics describe it).
   */
  readonly removeFrom?: 'all' | 'train'
  /** Why a row was removed, as the predict page shows it next to the row. */
  readonly removeReason?: string
  /** True when a removed row cannot be scored at all (a window without its history). */
  readonly unpredictable?: boolean
  /**
   * New or changed columns and the columns of the input table they come from, when not every
   * column the step reads (a window's "close (t-1)" comes from "close" only).
   */
  readonly derivedFrom?: ReadonlyMap<string, readonly string[]>
  /** Things the analyst should know: "12 values at or below −1 became missing". */
  readonly notes?: readonly string[]
}

/**
 * One preparation step. `fit` learns from the training rows alone (no statistic of validation,
 * test or scored rows may reach the recipe); `apply` then transforms every row with what was
 * learned, the same way for training, the predict form, batch files and exported bundles.
 */
export interface StepImpl<O extends StepOp> {
  /** Returns the step with `fitted` set; a step that learns nothing returns it unchanged. */
  fit(step: StepOf<O>, table: Table, trainRows: Int32Array, ctx: StepContext): StepOf<O>
  /** `liveRows`: the rows still in the data, ascending (training mode: every part together). */
  apply(step: StepOf<O>, table: Table, liveRows: Int32Array, ctx: StepContext): StepOutput
  /** One line for the step list: "Standard scaling of income, age". */
  describe(step: StepOf<O>): string
  /** Columns of the input table the step reads. */
  reads(step: StepOf<O>): readonly string[]
}
