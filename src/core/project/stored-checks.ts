import { z } from '../zod'
import { parseRecipe } from '../recipe/recipe-schema'
import { COLUMN_TYPES } from '../table/column-type'
import type { Column, Table } from '../table/table'
import {
  STEP_IDS,
  type ProjectData,
  type ProjectMeta,
  type ProjectWork,
  type StoredDataset,
} from './project-types'

/**
 * Checks of records read back from IndexedDB (or out of a project file) before the studio uses
 * them: a record damaged by a crash, a bug or another program must give a message naming the
 * project, not a blank page. Each throws an Error that says what is wrong.
 */

const PROJECT_NAME_MAX = 200

const metaSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(PROJECT_NAME_MAX),
  createdAt: z.number(),
  updatedAt: z.number(),
  datasetName: z.string().nullable(),
  deletedAt: z.number().nullable(),
})

const workSchema = z.object({
  projectId: z.string().min(1),
  step: z.enum(STEP_IDS),
  targetColumn: z.string().nullable(),
  recipe: z.unknown(),
  currentRunId: z.string().nullable(),
  savedAt: z.number(),
})

const typeInfoSchema = z.object({
  type: z.enum(COLUMN_TYPES),
  reason: z.string(),
  overridden: z.boolean().optional(),
})

function problem(what: string, error: z.ZodError): Error {
  const issue = error.issues[0]
  const where = issue?.path.join('.') ?? ''
  return new Error(
    `${what} is damaged${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'unknown problem'}.`,
  )
}

/** A name a person gave a project: trimmed, never empty, never longer than a line. */
export function cleanProjectName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim().slice(0, PROJECT_NAME_MAX)
  return trimmed === '' ? 'Untitled project' : trimmed
}

export function checkMeta(raw: unknown): ProjectMeta {
  const result = metaSchema.safeParse(raw)
  if (!result.success) throw problem('The project record', result.error)
  return result.data
}

export function checkWork(raw: unknown): ProjectWork {
  const result = workSchema.safeParse(raw)
  if (!result.success) throw problem("The project's editing state", result.error)
  const work = result.data
  return { ...work, recipe: work.recipe === null ? null : parseRecipe(work.recipe) }
}

function checkColumn(raw: unknown, rowCount: number, index: number): Column {
  const where = `column ${index + 1}`
  if (typeof raw !== 'object' || raw === null) throw new Error(`The table's ${where} is missing.`)
  const column = raw as Record<string, unknown>
  if (typeof column.name !== 'string') throw new Error(`The table's ${where} has no name.`)
  const named = `column "${column.name}"`
  if (column.kind === 'numeric') {
    if (!(column.values instanceof Float64Array) || column.values.length !== rowCount)
      throw new Error(`The table's ${named} does not hold ${rowCount} numbers.`)
    return { name: column.name, kind: 'numeric', values: column.values }
  }
  if (column.kind === 'categorical') {
    const { codes, categories } = column
    if (!(codes instanceof Int32Array) || codes.length !== rowCount)
      throw new Error(`The table's ${named} does not hold ${rowCount} category codes.`)
    if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))
      throw new Error(`The table's ${named} has no list of categories.`)
    for (const code of codes)
      if (code < -1 || code >= categories.length)
        throw new Error(`The table's ${named} points at a category it does not have.`)
    return { name: column.name, kind: 'categorical', codes, categories }
  }
  throw new Error(`The table's ${named} is neither numbers nor categories.`)
}

/** A columnar table, checked cell storage by cell storage (lengths, codes in range). */
export function checkTable(raw: unknown): Table {
  if (typeof raw !== 'object' || raw === null) throw new Error('The table is missing.')
  const { rowCount, columns } = raw as Record<string, unknown>
  if (typeof rowCount !== 'number' || !Number.isInteger(rowCount) || rowCount < 0)
    throw new Error('The table has no valid row count.')
  if (!Array.isArray(columns)) throw new Error('The table has no columns.')
  const checked = columns.map((column, i) => checkColumn(column, rowCount, i))
  const names = new Set(checked.map((c) => c.name))
  if (names.size !== checked.length) throw new Error('The table names a column twice.')
  return { rowCount, columns: checked }
}

function checkDataset(raw: unknown): StoredDataset {
  if (typeof raw !== 'object' || raw === null) throw new Error('The saved data is missing.')
  const dataset = raw as Record<string, unknown> & StoredDataset
  if (typeof dataset.name !== 'string') throw new Error('The saved data has no name.')
  const table = checkTable(dataset.table)
  const inferredTable = checkTable(dataset.inferredTable)
  const types = z.array(typeInfoSchema).safeParse(dataset.types)
  const inferred = z.array(typeInfoSchema).safeParse(dataset.inferredTypes)
  if (!types.success || types.data.length !== table.columns.length)
    throw new Error(`The column types saved with "${dataset.name}" do not match its columns.`)
  if (!inferred.success || inferred.data.length !== table.columns.length)
    throw new Error(`The inferred types saved with "${dataset.name}" do not match its columns.`)
  const profile = dataset.profile as unknown as Record<string, unknown> | undefined
  if (!profile || profile.rowCount !== table.rowCount || !Array.isArray(profile.columns))
    throw new Error(`The profile saved with "${dataset.name}" does not match its table.`)
  if (!(dataset.file instanceof Blob)) throw new Error(`The file of "${dataset.name}" is missing.`)
  return { ...dataset, table, inferredTable, types: types.data, inferredTypes: inferred.data }
}

/** A project's saved data; pictures are checked for the fields the studio reads. */
export function checkData(raw: unknown): ProjectData {
  if (typeof raw !== 'object' || raw === null) throw new Error("The project's data is missing.")
  const data = raw as Record<string, unknown>
  if (typeof data.projectId !== 'string') throw new Error("The project's data has no project.")
  const dataset = data.dataset === null ? null : checkDataset(data.dataset)
  const images = data.images as { classes?: unknown; images?: unknown } | null
  const pictures: unknown[] = Array.isArray(images?.images) ? images.images : []
  const pictureOk = (picture: unknown) =>
    typeof picture === 'object' &&
    picture !== null &&
    (picture as { blob?: unknown }).blob instanceof Blob &&
    Number.isInteger((picture as { classIndex?: unknown }).classIndex)
  if (
    images !== null &&
    (typeof images !== 'object' || !Array.isArray(images.classes) || !pictures.every(pictureOk))
  )
    throw new Error("The project's pictures are damaged.")
  return {
    projectId: data.projectId,
    dataset,
    images: images as ProjectData['images'],
    savedAt: typeof data.savedAt === 'number' ? data.savedAt : 0,
  }
}
