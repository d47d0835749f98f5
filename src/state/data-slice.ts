import type { Table } from '../core/table/table'
import { parseFileInWorker } from '../workers/parse-client'
import type { Slice } from './slice'

export interface LoadedDataset {
  readonly name: string
  readonly table: Table
  readonly warnings: string[]
  readonly sampleId: string | null
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
}

export const createDataSlice: Slice<DataSlice> = (set, get) => ({
  dataset: null,
  dataLoading: false,
  dataError: null,
  loadData: async (file, name, options = {}) => {
    set({ dataLoading: true, dataError: null })
    try {
      const parsed = await parseFileInWorker(file, name)
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
})
