import * as tf from '@tensorflow/tfjs'
import fc from 'fast-check'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { profileTable } from '../profile/profile-table'
import { castColumn } from '../table/cast-column'
import { inferTable } from '../table/infer-types'
import { parseDelimitedText } from '../table/parse-delimited'
import { readFileSync } from 'node:fs'
import { buildRunRecord } from '../train/run-history'
import { trainForReal, withTraining } from '../train/run-history-test-run'
import { proposeRecipe } from '../recipe/propose'
import type { RunRecord } from '../train/run-record'
import { MANIFEST, readProjectFile, writeProjectFile } from './project-file'
import { PROJECT_FILE_VERSION } from './project-file-schema'
import type { ProjectContents } from './projects-store'
import type { StoredDataset } from './project-types'

const csv = readFileSync(new URL('../../../public/datasets/GermanCredit.csv', import.meta.url))

/** German credit as the Data step holds it, with Duration's type overridden to categorical. */
function germanDataset(): StoredDataset {
  const { table, types } = inferTable(parseDelimitedText(csv.toString('utf8')).table)
  const index = table.columns.findIndex((c) => c.name === 'Duration')
  const loaded = table.columns[index]
  const inferred = types[index]
  if (!loaded || !inferred) throw new Error('German credit has no Duration column')
  const cast = castColumn(loaded, inferred, 'categorical')
  const overridden = {
    rowCount: table.rowCount,
    columns: table.columns.map((c, i) => (i === index ? cast.column : c)),
  }
  const overriddenTypes = types.map((t, i) => (i === index ? cast.info : t))
  return {
    name: 'GermanCredit.csv',
    table: overridden,
    warnings: [],
    sampleId: 'german-credit',
    types: overriddenTypes,
    inferredTypes: types,
    inferredTable: table,
    profile: profileTable(overridden, overriddenTypes),
    file: new Blob([csv], { type: 'text/csv' }),
  }
}

describe('a project file', () => {
  let contents: ProjectContents
  let file: Uint8Array
  let run: RunRecord

  beforeAll(async () => {
    await tf.setBackend('cpu')
    const dataset = germanDataset()
    const recipe = withTraining(
      proposeRecipe(dataset.table, dataset.name, 'Class', 7, dataset.types),
      { epochs: 2 },
    )
    const finished = await trainForReal(recipe, dataset.table)
    run = {
      ...buildRunRecord(finished, { recipe, startedAt: 1 }, { id: 'r1', number: 1, finishedAt: 2 }),
      projectId: 'p1',
    }
    contents = {
      meta: {
        id: 'p1',
        name: 'Credit <b>risk</b>',
        createdAt: 10,
        updatedAt: 20,
        datasetName: dataset.name,
        deletedAt: null,
      },
      work: {
        projectId: 'p1',
        step: 'evaluate',
        targetColumn: 'Class',
        recipe,
        currentRunId: 'r1',
        savedAt: 20,
      },
      data: { projectId: 'p1', dataset, images: null, savedAt: 20 },
      runs: [run],
    }
    file = await writeProjectFile(contents)
  })

  it('reads back the same data, type overrides, recipe and runs with their weights', async () => {
    const back = readProjectFile(file)
    expect(back.meta.name).toBe('Credit <b>risk</b>')
    const dataset = back.data?.dataset
    const original = contents.data?.dataset
    if (!dataset || !original) throw new Error('no dataset read back')
    expect(dataset.table).toEqual(original.table)
    expect(dataset.inferredTable).toEqual(original.inferredTable)
    expect(dataset.types).toEqual(original.types)
    expect(
      dataset.types.find((_, i) => dataset.table.columns[i]?.name === 'Duration'),
    ).toMatchObject({
      type: 'categorical',
      overridden: true,
    })
    expect(dataset.profile.rowCount).toBe(1000)
    expect(new Uint8Array(await dataset.file.arrayBuffer())).toEqual(new Uint8Array(csv))
    expect(back.work?.recipe).toEqual(contents.work?.recipe)
    expect(back.work?.step).toBe('evaluate')
    expect(back.work?.currentRunId).toBe('r1')
    const again = back.runs[0]
    if (!again) throw new Error('no run read back')
    expect(again.fittedRecipe).toEqual(run.fittedRecipe)
    expect(again.metrics).toEqual(run.metrics)
    expect(again.epochs).toEqual(run.epochs)
    expect(Array.from(again.testRows)).toEqual(Array.from(run.testRows))
    expect(Array.from(again.testOutputs)).toEqual(Array.from(run.testOutputs))
    expect(new Uint8Array(again.model.weights)).toEqual(new Uint8Array(run.model.weights))
    expect(again.model.modelJson).toBe(run.model.modelJson)
  })

  /** The file with its manifest changed by `edit`. */
  const withManifest = (edit: (manifest: Record<string, unknown>) => unknown) => {
    const files = unzipSync(file)
    const manifest = JSON.parse(strFromU8(files[MANIFEST] ?? new Uint8Array())) as Record<
      string,
      unknown
    >
    return zipSync({ ...files, [MANIFEST]: strToU8(JSON.stringify(edit(manifest))) })
  }

  it('brings recipes saved by an older studio (recipe version 1) up to date', () => {
    const v1 = {
      version: 1,
      seed: 7,
      source: { name: 'GermanCredit.csv', columns: [{ name: 'Duration', kind: 'numeric' }] },
      target: { column: 'Class', task: 'binary', classes: ['bad', 'good'] },
      features: [{ op: 'standardize', column: 'Duration', fitted: { mean: 20, std: 12 } }],
      split: { method: 'stratified', train: 0.8, validation: 0.1, test: 0.1 },
      model: contents.work?.recipe?.model,
      training: contents.work?.recipe?.training,
    }
    const old = withManifest((m) => ({ ...m, work: { ...(m.work as object), recipe: v1 } }))
    const recipe = readProjectFile(old).work?.recipe
    expect(recipe?.version).toBe(2)
    expect(recipe?.steps[0]).toMatchObject({ op: 'scale', columns: ['Duration'] })
  })

  it('refuses a file from a newer studio, saying to update', () => {
    const newer = withManifest((m) => ({ ...m, version: PROJECT_FILE_VERSION + 1 }))
    expect(() => readProjectFile(newer)).toThrow(/newer Model Studio/)
  })

  it('refuses extra fields, a wrong format, a truncated file and a missing part', () => {
    expect(() => readProjectFile(withManifest((m) => ({ ...m, injected: true })))).toThrow(
      /not valid.*injected|injected/,
    )
    expect(() => readProjectFile(withManifest((m) => ({ ...m, format: 'other' })))).toThrow(
      /not a Model Studio project/,
    )
    expect(() => readProjectFile(file.slice(0, file.length >> 1))).toThrow(/not a readable \.zip/)
    const files = unzipSync(file)
    delete files['runs/0/weights.bin']
    expect(() => readProjectFile(zipSync(files))).toThrow(/lacks "runs\/0\/weights.bin"/)
  })

  it('refuses a column of the wrong length and a recipe that is not valid', () => {
    const files = unzipSync(file)
    files['data/columns/0.f64'] = new Uint8Array(16)
    files['data/columns/0.i32'] = new Uint8Array(16)
    expect(() => readProjectFile(zipSync(files))).toThrow(/wrong length/)
    const badRecipe = withManifest((m) => ({
      ...m,
      work: { ...(m.work as object), recipe: { version: 1, steps: 'none' } },
    }))
    expect(() => readProjectFile(badRecipe)).toThrow(/recipe is not valid/)
  })

  it('refuses a __proto__ key without touching Object.prototype', () => {
    const text = strFromU8(unzipSync(file)[MANIFEST] ?? new Uint8Array()).replace(
      '"project":{',
      '"project":{"__proto__":{"polluted":true},',
    )
    const hostile = zipSync({ ...unzipSync(file), [MANIFEST]: strToU8(text) })
    expect(() => readProjectFile(hostile)).toThrow(/__proto__/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('never fails with anything but a clear message on damaged bytes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (flips, cut) => {
          const bytes = file.slice(0, cut === undefined ? file.length : cut % file.length)
          for (const [at, value] of flips) bytes[at % bytes.length] = value
          try {
            readProjectFile(bytes)
          } catch (error) {
            expect(error).toBeInstanceOf(Error)
            // A sentence for a person, never an engine's TypeError.
            expect((error as Error).message).toMatch(/^(The|This|"|No)/)
            expect(error).not.toBeInstanceOf(TypeError)
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        },
      ),
      { numRuns: 150 },
    )
  })

  it('never fails with anything but a clear message on a fuzzed manifest (fast-check)', () => {
    const files = unzipSync(file)
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('work', 'data', 'runs', 'project', 'version'),
        (value, key) => {
          const manifest = JSON.parse(strFromU8(files[MANIFEST] ?? new Uint8Array())) as Record<
            string,
            unknown
          >
          manifest[key] = value
          const bytes = zipSync({ ...files, [MANIFEST]: strToU8(JSON.stringify(manifest)) })
          try {
            readProjectFile(bytes)
          } catch (error) {
            expect(error).toBeInstanceOf(Error)
            expect(error).not.toBeInstanceOf(TypeError)
            expect((error as Error).message).toMatch(/^(The|This|"|No)/)
          }
        },
      ),
      { numRuns: 80 },
    )
  })
})
