import { reprofileAfterOverride } from '../core/profile/profile-table'
import { castColumn } from '../core/table/cast-column'
import type { ColumnType } from '../core/table/column-type'
import type { LoadProgress } from '../core/table/read-delimited-blob'
import { parseFileInWorker } from '../workers/parse-client'
import type { StoredDataset } from '../core/project/project-types'
import type { Slice } from './slice'

/** The loaded table; the same shape a project keeps in IndexedDB. */
export type LoadedDataset = StoredDataset

export interface DataSlice {
  dataset: LoadedDataset | null
  dataLoading: boolean
  /** How far the running load has got; null when none runs or it has not reported yet. */
  loadProgress: (LoadProgress & { readonly name: string }) | null
  /** The last load's problem; the dataset already loaded stays as it was. */
  dataError: string | null
  loadData: (
    file: Blob,
    name: string,
    options?: { sampleId?: string; target?: string; sheet?: string },
  ) => Promise<void>
  /** Stops the running load; the dataset already loaded stays, and no error is shown. */
  cancelLoad: () => void
  /** Reads another sheet of the loaded workbook. */
  loadSheet: (sheet: string) => Promise<void>
  /** Sets the type of one column (re-encoding its storage where the type needs it). */
  overrideColumnType: (column: string, type: ColumnType) => void
}

export const createDataSlice: Slice<DataSlice> = (set, get) => {
  let running: AbortController | null = null
  return {
    dataset: null,
    dataLoading: false,
    loadProgress: null,
    dataError: null,
    loadData: async (file, name, options = {}) => {
      running?.abort()
      const controller = new AbortController()
      running = controller
      set({ dataLoading: true, dataError: null, loadProgress: null })
      try {
        const result = await parseFileInWorker(file, name, {
          sheet: options.sheet,
          signal: controller.signal,
          onProgress: (progress) => set({ loadProgress: { ...progress, name } }),
        })
        if (result.table.columns.length < 2) {
          throw new Error(
            `"${name}" has a single column. A model needs a target and at least one input column: check the delimiter or export the file again with all columns.`,
          )
        }
        running = null
        set({
          dataset: {
            name,
            table: result.table,
            warnings: result.warnings,
            sampleId: options.sampleId ?? null,
            types: result.types,
            inferredTypes: result.types,
            inferredTable: result.table,
            profile: result.profile,
            file,
            sheets: result.sheets,
          },
          dataLoading: false,
          loadProgress: null,
        })
        get().resetTraining()
        get().chooseTarget(options.target ?? null)
      } catch (error) {
        // A newer load or a cancel took over: it owns the loading state now.
        if (controller.signal.aborted) return
        running = null
        set({
          dataLoading: false,
          loadProgress: null,
          dataError: `Could not load "${name}": ${error instanceof Error ? error.message : String(error)}`,
        })
      }
    },
    cancelLoad: () => {
      running?.abort()
      running = null
      set({ dataLoading: false, loadProgress: null, dataError: null })
    },
    loadSheet: async (sheet) => {
      const dataset = get().dataset
      if (!dataset?.sheets || sheet === dataset.sheets.current) return
      await get().loadData(dataset.file, dataset.name, {
        sheet,
        ...(dataset.sampleId ? { sampleId: dataset.sampleId } : {}),
      })
    },
    overrideColumnType: (column, type) => {
      const dataset = get().dataset
      if (!dataset) return
      const index = dataset.table.columns.findIndex((c) => c.name === column)
      const loaded = dataset.inferredTable.columns[index]
      const inferred = dataset.inferredTypes[index]
      if (index < 0 || !loaded || !inferred) return
      const cast = castColumn(loaded, inferred, type)
      const table = {
        rowCount: dataset.table.rowCount,
        columns: dataset.table.columns.map((c, i) => (i === index ? cast.column : c)),
      }
      const types = dataset.types.map((info, i) => (i === index ? cast.info : info))
      set({
        dataset: {
          ...dataset,
          table,
          types,
          profile: reprofileAfterOverride(table, types, dataset.profile, index),
        },
      })
      // The recipe was proposed for the old storage and types: propose it again.
      const target = get().targetColumn
      if (target !== null) get().chooseTarget(target)
    },
  }
}
