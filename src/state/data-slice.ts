import { reprofileAfterOverride } from '../core/profile/profile-table'
import type { TableProfile } from '../core/profile/profile-types'
import type { ColumnType, ColumnTypeInfo } from '../core/table/column-type'
import type { Table } from '../core/table/table'
import { parseFileInWorker } from '../workers/parse-client'
import type { Slice } from './slice'

export interface LoadedDataset {
  readonly name: string
  readonly table: Table
  readonly warnings: string[]
  readonly sampleId: string | null
  /** The type of each column, in table order, as inferred or as the analyst overrode it. */
  readonly types: readonly ColumnTypeInfo[]
  /** What inference said, so an override can be undone. */
  readonly inferredTypes: readonly ColumnTypeInfo[]
  readonly profile: TableProfile
}

export interface DataSlice {
  dataset: LoadedDataset | null
  dataLoading: boolean
  /** The last load's problem; the dataset already loaded stays as it was. */
  dataError: string | null
  loadData: (
    file: Blob,
    name: string,
    options?: { sampleId?: string; target?: string },
  ) => Promise<void>
  /** Sets the type of one column (re-encoding its storage where the type needs it). */
  overrideColumnType: (column: string, type: ColumnType) => void
}

export const createDataSlice: Slice<DataSlice> = (set, get) => ({
  dataset: null,
  dataLoading: false,
  dataError: null,
  loadData: async (file, name, options = {}) => {
    set({ dataLoading: true, dataError: null })
    try {
      const { parsed, types, profile } = await parseFileInWorker(file, name)
      if (parsed.table.columns.length < 2) {
        throw new Error(
          `"${name}" has a single column. A model needs a target and at least one input column: check the delimiter or export the file again with all columns.`,
        )
      }
      set({
        dataset: {
          name,
          table: parsed.table,
          warnings: parsed.warnings,
          sampleId: options.sampleId ?? null,
          types,
          inferredTypes: types,
          profile,
        },
        dataLoading: false,
      })
      get().resetTraining()
      get().chooseTarget(options.target ?? null)
    } catch (error) {
      set({
        dataLoading: false,
        dataError: `Could not load "${name}": ${error instanceof Error ? error.message : String(error)}`,
      })
    }
  },
  overrideColumnType: (column, type) => {
    const dataset = get().dataset
    if (!dataset) return
    const index = dataset.table.columns.findIndex((c) => c.name === column)
    if (index < 0) return
    // Contract placeholder: the ingest helper re-encodes storage where the new type needs it.
    const types = dataset.types.map((info, i) =>
      i === index ? { type, reason: 'Chosen by you.', overridden: true } : info,
    )
    set({
      dataset: {
        ...dataset,
        types,
        profile: reprofileAfterOverride(dataset.table, types, dataset.profile, index),
      },
    })
  },
})
