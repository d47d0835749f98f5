import type { ImageDataset } from '../images/image-summary'
import type { TableProfile } from '../profile/profile-types'
import type { Recipe } from '../recipe/recipe-schema'
import type { ColumnTypeInfo } from '../table/column-type'
import type { Table } from '../table/table'

/** The steps of the flow, in order: where a project was left. */
export const STEP_IDS = ['data', 'prepare', 'model', 'train', 'evaluate', 'deploy'] as const
export type StepId = (typeof STEP_IDS)[number]

/** A project as the projects page lists it: read without touching its data. */
export interface ProjectMeta {
  readonly id: string
  readonly name: string
  readonly createdAt: number
  readonly updatedAt: number
  /** The data's name (a file, a sample, a picture folder), or null before any is loaded. */
  readonly datasetName: string | null
  /** Set when deleted: hidden at once, purged once the undo has passed (kept until then). */
  readonly deletedAt: number | null
}

/** A table as the Data step holds it: the file read, its types and its profile. */
export interface StoredDataset {
  readonly name: string
  readonly table: Table
  readonly warnings: readonly string[]
  readonly sampleId: string | null
  /** The type of each column, in table order, as inferred or as the analyst overrode it. */
  readonly types: readonly ColumnTypeInfo[]
  /** What inference said, so an override can be undone. */
  readonly inferredTypes: readonly ColumnTypeInfo[]
  /** The table as loaded, before any override: every cast starts from it, so none compounds. */
  readonly inferredTable: Table
  readonly profile: TableProfile
  /** The file it came from, kept to read another sheet of the same workbook. */
  readonly file: Blob
  /** A workbook's sheets and the one shown. */
  readonly sheets?: { readonly names: readonly string[]; readonly current: string }
}

/** What the analyst is editing: small, saved a moment after every change. */
export interface ProjectWork {
  readonly projectId: string
  readonly step: StepId
  readonly targetColumn: string | null
  /** The recipe being edited (steps unfitted; model and training settings included). */
  readonly recipe: Recipe | null
  /** The run whose model Evaluate and Deploy showed. */
  readonly currentRunId: string | null
  readonly savedAt: number
}

/** A project's data: large, saved only when another table or picture set is loaded. */
export interface ProjectData {
  readonly projectId: string
  readonly dataset: StoredDataset | null
  readonly images: ImageDataset | null
  readonly savedAt: number
}
