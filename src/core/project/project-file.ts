import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { profileTable } from '../profile/profile-table'
import type { ImageDataset } from '../images/image-summary'
import { summariseSizes } from '../images/image-summary'
import { parseRecipe } from '../recipe/recipe-schema'
import type { Column, Table } from '../table/table'
import type { RunRecord } from '../train/run-record'
import {
  migrateManifest,
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_VERSION,
  projectManifestSchema,
  type ManifestColumn,
  type ManifestImages,
  type ManifestRun,
  type ManifestTable,
  type ProjectManifest,
} from './project-file-schema'
import { MAX_PROJECT_BYTES } from './project-file-limits'
import type { ProjectContents } from './projects-store'
import type { ProjectData, StoredDataset } from './project-types'
import { parseUntrustedJson } from '../safe-json'
import { checkTable } from './stored-checks'

export const MANIFEST = 'project.json'
const MAX_ENTRIES = 500_000

// Little-endian bytes of a typed array (every platform the studio runs on is little-endian, and
// the reader checks lengths, so a file from elsewhere is refused rather than misread).
const bytesOf = (array: ArrayBufferView) =>
  new Uint8Array(array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength))

// ---------------------------------------------------------------------------------------------
// Writing

async function tableFiles(dataset: StoredDataset, files: Zippable): Promise<ManifestTable> {
  const columnEntry = (column: Column, prefix: string): ManifestColumn => {
    const file = `${prefix}.${column.kind === 'numeric' ? 'f64' : 'i32'}`
    files[file] = bytesOf(column.kind === 'numeric' ? column.values : column.codes)
    return column.kind === 'numeric'
      ? { name: column.name, kind: 'numeric', file }
      : { name: column.name, kind: 'categorical', file, categories: [...column.categories] }
  }
  const columns = dataset.table.columns.map((c, i) => columnEntry(c, `data/columns/${i}`))
  const inferredColumns = dataset.inferredTable.columns.flatMap((c, index) =>
    c === dataset.table.columns[index]
      ? []
      : [{ index, column: columnEntry(c, `data/inferred-columns/${index}`) }],
  )
  files['data/source'] = [new Uint8Array(await dataset.file.arrayBuffer()), { level: 6 }]
  return {
    kind: 'table',
    name: dataset.name,
    sampleId: dataset.sampleId,
    rowCount: dataset.table.rowCount,
    warnings: [...dataset.warnings],
    types: dataset.types.map((t) => ({ ...t })),
    inferredTypes: dataset.inferredTypes.map((t) => ({ ...t })),
    columns,
    inferredColumns,
    sourceFile: 'data/source',
    sourceType: dataset.file.type,
    ...(dataset.sheets && {
      sheets: { names: [...dataset.sheets.names], current: dataset.sheets.current },
    }),
  }
}

async function imageFiles(images: ImageDataset, files: Zippable): Promise<ManifestImages> {
  const put = async (name: string, blob: Blob) => {
    // Pictures are compressed already: stored, not deflated again.
    files[name] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }]
    return name
  }
  return {
    kind: 'images',
    name: images.name,
    source: images.source,
    classes: await Promise.all(
      images.classes.map(async (c, k) => ({
        name: c.name,
        count: c.count,
        previews: await Promise.all(c.previews.map((b, i) => put(`images/previews/${k}/${i}`, b))),
      })),
    ),
    images: await Promise.all(
      images.images.map(async (image, i) => ({
        path: image.path,
        classIndex: image.classIndex,
        format: image.format,
        width: image.width,
        height: image.height,
        file: await put(`images/files/${i}`, image.blob),
      })),
    ),
    warnings: [...images.warnings],
  }
}

function runFiles(run: RunRecord, index: number, files: Zippable): ManifestRun {
  const dir = `runs/${index}`
  files[`${dir}/model.json`] = strToU8(run.model.modelJson)
  files[`${dir}/weights.bin`] = new Uint8Array(run.model.weights)
  files[`${dir}/test-rows.i32`] = bytesOf(run.testRows)
  files[`${dir}/test-outputs.f64`] = bytesOf(run.testOutputs)
  if (run.testLabels) files[`${dir}/test-labels.f32`] = bytesOf(run.testLabels)
  return {
    id: run.id,
    number: run.number,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    datasetName: run.datasetName,
    recipe: run.recipe,
    fittedRecipe: run.fittedRecipe,
    backend: run.backend,
    epochs: run.epochs.map((e) => ({ ...e })),
    stopReason: run.stopReason,
    restoredEpoch: run.restoredEpoch,
    metrics: run.metrics.map((m) => ({ ...m })),
    baselineMetrics: run.baselineMetrics.map((m) => ({ ...m })),
    linearBaselineMetrics: run.linearBaselineMetrics?.map((m) => ({ ...m })) ?? null,
    files: {
      model: `${dir}/model.json`,
      weights: `${dir}/weights.bin`,
      testRows: `${dir}/test-rows.i32`,
      testLabels: run.testLabels ? `${dir}/test-labels.f32` : null,
      testOutputs: `${dir}/test-outputs.f64`,
    },
  }
}

/** A whole project as one file: data, recipe, model, every run with its weights. */
export async function writeProjectFile(contents: ProjectContents): Promise<Uint8Array> {
  const files: Zippable = {}
  const { meta, work, data } = contents
  const manifest: ProjectManifest = {
    format: PROJECT_FILE_FORMAT,
    version: PROJECT_FILE_VERSION,
    exportedAt: Date.now(),
    project: { name: meta.name, createdAt: meta.createdAt, updatedAt: meta.updatedAt },
    work: work && {
      step: work.step,
      targetColumn: work.targetColumn,
      recipe: work.recipe,
      currentRunId: work.currentRunId,
    },
    data: data?.dataset
      ? await tableFiles(data.dataset, files)
      : data?.images
        ? await imageFiles(data.images, files)
        : null,
    runs: contents.runs.map((run, i) => runFiles(run, i, files)),
  }
  files[MANIFEST] = strToU8(JSON.stringify(manifest))
  return zipSync(files, { level: 6 })
}

// ---------------------------------------------------------------------------------------------
// Reading

function unzipChecked(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0
  let entries = 0
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize
        entries += 1
        if (total > MAX_PROJECT_BYTES || entries > MAX_ENTRIES)
          throw new Error(
            `The project file unpacks to more than ${MAX_PROJECT_BYTES / 1024 ** 3} GB or ${MAX_ENTRIES.toLocaleString('en')} files, more than a browser tab can hold. It was not opened.`,
          )
        return true
      },
    })
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('The project file')) throw error
    throw new Error(
      'This file is not a readable .zip (it may be cut short or damaged). Choose a project file exported from Model Studio.',
      { cause: error },
    )
  }
}

class Parts {
  constructor(private readonly files: Record<string, Uint8Array>) {}
  bytes(name: string): Uint8Array {
    const file = Object.hasOwn(this.files, name) ? this.files[name] : undefined
    if (!file) throw new Error(`The project file lacks "${name}" (it may be cut short).`)
    return file
  }
  /** A typed array of `size`-byte values; `count` when the number of values is known. */
  typed<T>(name: string, size: number, make: (buffer: ArrayBuffer) => T, count?: number): T {
    const bytes = this.bytes(name)
    if (count === undefined ? bytes.byteLength % size !== 0 : bytes.byteLength !== size * count)
      throw new Error(`"${name}" in the project file has the wrong length for its values.`)
    return make(bytes.slice().buffer)
  }
  blob(name: string, type = ''): Blob {
    return new Blob([this.bytes(name).slice()], { type })
  }
}

function readColumn(entry: ManifestColumn, rowCount: number, parts: Parts): Column {
  if (entry.kind === 'numeric')
    return {
      name: entry.name,
      kind: 'numeric',
      values: parts.typed(entry.file, 8, (b) => new Float64Array(b), rowCount),
    }
  return {
    name: entry.name,
    kind: 'categorical',
    codes: parts.typed(entry.file, 4, (b) => new Int32Array(b), rowCount),
    categories: entry.categories ?? [],
  }
}

function readTable(data: ManifestTable, parts: Parts): StoredDataset {
  const columns = data.columns.map((c) => readColumn(c, data.rowCount, parts))
  const table: Table = checkTable({ rowCount: data.rowCount, columns })
  const inferred = [...columns]
  for (const { index, column } of data.inferredColumns) {
    if (index >= inferred.length) throw new Error('The project file names a column it lacks.')
    inferred[index] = readColumn(column, data.rowCount, parts)
  }
  const inferredTable = checkTable({ rowCount: data.rowCount, columns: inferred })
  if (data.types.length !== columns.length || data.inferredTypes.length !== columns.length)
    throw new Error("The project file's column types do not match its columns.")
  return {
    name: data.name,
    table,
    warnings: data.warnings,
    sampleId: data.sampleId,
    types: data.types,
    inferredTypes: data.inferredTypes,
    inferredTable,
    // Worked out again from the table: a file never decides what the profile says.
    profile: profileTable(table, data.types),
    file: parts.blob(data.sourceFile, data.sourceType),
    ...(data.sheets && { sheets: data.sheets }),
  }
}

function readImages(data: ManifestImages, parts: Parts): ImageDataset {
  const classes = data.classes.map((c) => ({
    name: c.name,
    count: c.count,
    previews: c.previews.map((p) => parts.blob(p)),
  }))
  const images = data.images.map((image) => {
    if (image.classIndex >= classes.length)
      throw new Error(`The picture "${image.path}" points at a class the project lacks.`)
    const { file, ...rest } = image
    return { ...rest, blob: parts.blob(file, `image/${image.format}`) }
  })
  return {
    name: data.name,
    source: data.source,
    classes,
    images,
    sizes: summariseSizes(images),
    warnings: data.warnings,
  }
}

function readRun(run: ManifestRun, parts: Parts): RunRecord {
  const { files, recipe, fittedRecipe, ...rest } = run
  const testRows = parts.typed(files.testRows, 4, (b) => new Int32Array(b))
  return {
    ...rest,
    recipe: parseRecipe(recipe),
    fittedRecipe: parseRecipe(fittedRecipe),
    testRows,
    ...(files.testLabels && {
      testLabels: parts.typed(files.testLabels, 4, (b) => new Float32Array(b), testRows.length),
    }),
    testOutputs: parts.typed(files.testOutputs, 8, (b) => new Float64Array(b)),
    model: {
      modelJson: strFromU8(parts.bytes(files.model)),
      weights: parts.bytes(files.weights).slice().buffer,
    },
  }
}

/**
 * A project file read and checked, part by part, before anything is stored: the manifest
 * against its schema (strict, versioned, migrated), every recipe against the recipe schema,
 * every column's length, every picture's class. Throws an Error that says what is wrong.
 */
export function readProjectFile(bytes: Uint8Array): ProjectContents {
  const files = unzipChecked(bytes)
  const parts = new Parts(files)
  if (!Object.hasOwn(files, MANIFEST))
    throw new Error(
      'This .zip holds no project.json: it is not a Model Studio project file (a model bundle opens on Deploy → Import).',
    )
  const raw = parseUntrustedJson(
    strFromU8(parts.bytes(MANIFEST)),
    "The project file's project.json",
    'Export the project from Model Studio again.',
  )
  const result = projectManifestSchema.safeParse(migrateManifest(raw))
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.join('.') ?? ''
    throw new Error(
      `The project file is not valid${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'unknown problem'}. It was not opened.`,
    )
  }
  const manifest = result.data
  const now = Date.now()
  const meta = {
    id: 'imported',
    name: manifest.project.name,
    createdAt: manifest.project.createdAt,
    updatedAt: now,
    datasetName: manifest.data?.name ?? null,
    deletedAt: null,
  }
  const data: ProjectData | null = manifest.data && {
    projectId: meta.id,
    dataset: manifest.data.kind === 'table' ? readTable(manifest.data, parts) : null,
    images: manifest.data.kind === 'images' ? readImages(manifest.data, parts) : null,
    savedAt: now,
  }
  const runs = manifest.runs.map((run) => ({ ...readRun(run, parts), projectId: meta.id }))
  const work = manifest.work && {
    projectId: meta.id,
    step: manifest.work.step,
    targetColumn: manifest.work.targetColumn,
    recipe: manifest.work.recipe === null ? null : parseRecipe(manifest.work.recipe),
    currentRunId: runs.some((r) => r.id === manifest.work?.currentRunId)
      ? manifest.work.currentRunId
      : null,
    savedAt: now,
  }
  return { meta, work, data, runs }
}
