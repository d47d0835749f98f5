import { z } from '../zod'
import { COLUMN_TYPES } from '../table/column-type'
import { BACKENDS } from '../train/backend-names'
import { STEP_IDS } from './project-types'

/**
 * The manifest of a project file (`project.json` inside the .zip), versioned. Binary parts
 * (columns, the source file, pictures, weights, test rows) are named by path and stored beside
 * it. Every object is strict: a field this version never writes means the file was made by
 * something else or changed by hand, and it is refused rather than half-read.
 */
export const PROJECT_FILE_FORMAT = 'model-studio-project'
export const PROJECT_FILE_VERSION = 1

/** A number JSON may have turned into null (NaN, ±Infinity); read back as NaN. */
const loose = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN)

const path = z.string().min(1).max(500)
const typeInfo = z.strictObject({
  type: z.enum(COLUMN_TYPES),
  reason: z.string().max(2_000),
  overridden: z.boolean().optional(),
})

const column = z.strictObject({
  name: z.string().max(1_000),
  kind: z.enum(['numeric', 'categorical']),
  /** Float64 little-endian values, or Int32 codes for categories. */
  file: path,
  categories: z.array(z.string()).optional(),
})

const tableData = z.strictObject({
  kind: z.literal('table'),
  name: z.string().max(1_000),
  sampleId: z.string().nullable(),
  rowCount: z.number().int().min(0),
  warnings: z.array(z.string()),
  types: z.array(typeInfo),
  inferredTypes: z.array(typeInfo),
  columns: z.array(column),
  /** Columns as loaded, where a type override changed their storage; by column index. */
  inferredColumns: z.array(z.strictObject({ index: z.number().int().min(0), column })),
  sourceFile: path,
  sourceType: z.string().max(200),
  sheets: z.strictObject({ names: z.array(z.string()), current: z.string() }).optional(),
})

const imageData = z.strictObject({
  kind: z.literal('images'),
  name: z.string().max(1_000),
  source: z.enum(['zip', 'folder', 'drop']),
  classes: z.array(
    z.strictObject({ name: z.string(), count: z.number().int(), previews: z.array(path) }),
  ),
  images: z.array(
    z.strictObject({
      path: z.string().max(1_000),
      classIndex: z.number().int().min(0),
      format: z.enum(['png', 'jpeg', 'gif', 'webp', 'bmp']),
      width: z.number().int().min(1),
      height: z.number().int().min(1),
      file: path,
    }),
  ),
  warnings: z.array(z.string()),
})

const metric = z.strictObject({ key: z.string(), label: z.string(), value: loose })

const epochLog = z.strictObject({
  epoch: z.number().int(),
  loss: loose,
  valLoss: loose.nullable(),
  accuracy: loose.nullable(),
  valAccuracy: loose.nullable(),
  elapsedMs: z.number(),
  samplesPerSecond: loose,
  learningRate: loose.optional(),
  metrics: z.record(z.string(), z.number().nullable()).optional(),
  backend: z.string().optional(),
})

const run = z.strictObject({
  id: z.string().min(1).max(100),
  number: z.number().int().min(1),
  startedAt: z.number(),
  finishedAt: z.number(),
  datasetName: z.string(),
  recipe: z.unknown(),
  fittedRecipe: z.unknown(),
  backend: z.enum(BACKENDS),
  epochs: z.array(epochLog),
  stopReason: z.enum(['completed', 'stopped', 'early-stopping']),
  restoredEpoch: z.number().int().nullable(),
  metrics: z.array(metric),
  baselineMetrics: z.array(metric),
  linearBaselineMetrics: z.array(metric).nullable(),
  files: z.strictObject({
    model: path,
    weights: path,
    testRows: path,
    testLabels: path.nullable(),
    testOutputs: path,
  }),
})

export const projectManifestSchema = z.strictObject({
  format: z.literal(PROJECT_FILE_FORMAT),
  version: z.literal(PROJECT_FILE_VERSION),
  exportedAt: z.number(),
  project: z.strictObject({
    name: z.string().min(1).max(200),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
  work: z
    .strictObject({
      step: z.enum(STEP_IDS),
      targetColumn: z.string().nullable(),
      recipe: z.unknown(),
      currentRunId: z.string().nullable(),
    })
    .nullable(),
  data: z.discriminatedUnion('kind', [tableData, imageData]).nullable(),
  runs: z.array(run),
})

export type ProjectManifest = z.infer<typeof projectManifestSchema>
export type ManifestRun = ProjectManifest['runs'][number]
export type ManifestTable = Extract<NonNullable<ProjectManifest['data']>, { kind: 'table' }>
export type ManifestImages = Extract<NonNullable<ProjectManifest['data']>, { kind: 'images' }>
export type ManifestColumn = ManifestTable['columns'][number]

/**
 * Older manifests brought up to this version, one step per version. Version 1 is the first, so
 * the chain is empty; recipes inside are migrated by the recipe's own chain (`migrateRecipe`).
 */
const MIGRATIONS: Readonly<Record<number, (manifest: Record<string, unknown>) => unknown>> = {}

/** The manifest brought to the current version, or an error saying why it cannot be. */
export function migrateManifest(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error('The project file has no manifest object.')
  let manifest = raw as Record<string, unknown>
  if (manifest.format !== PROJECT_FILE_FORMAT)
    throw new Error('This file is not a Model Studio project (its manifest names no project).')
  const version = manifest.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new Error('The project file has no valid version number.')
  if (version > PROJECT_FILE_VERSION)
    throw new Error(
      `This project was saved by a newer Model Studio (file version ${version}; this studio reads up to ${PROJECT_FILE_VERSION}). Open it in the newer studio, or update this one.`,
    )
  for (let v = version; v < PROJECT_FILE_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) throw new Error(`No way to read project file version ${v}.`)
    manifest = step(manifest) as Record<string, unknown>
  }
  return manifest
}
