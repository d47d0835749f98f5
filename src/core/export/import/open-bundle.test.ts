import * as tf from '@tensorflow/tfjs'
import { strToU8, unzipSync, zipSync } from 'fflate'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import type { FinishedRun } from '../../train/run-history'
import { createBundle, readBundle } from '../bundle'
import { checkBundle } from './bundle-checks'
import { dataMismatch } from './data-match'
import { evaluateBundle } from './evaluate-bundle'

const german = bundledTable('GermanCredit.csv')

describe('opening a bundle again', () => {
  let run: FinishedRun
  let zip: Uint8Array

  beforeAll(async () => {
    await tf.setBackend('cpu')
    run = await trainForReal(withTraining(german.recipeFor('Class'), { epochs: 3 }), german.table)
    zip = createBundle({ model: run.model, recipe: run.recipe, inputSchema: null })
  })

  it('on the data it was trained on, gives back the test rows and metrics the studio showed', async () => {
    const reopened = await evaluateBundle(checkBundle(readBundle(zip)), german.table)
    expect(Array.from(reopened.testRows)).toEqual(Array.from(run.testRows))
    expect(Array.from(reopened.testLabels)).toEqual(Array.from(run.testLabels))
    reopened.testOutputs.forEach((p, i) => expect(p).toBeCloseTo(run.testOutputs[i] ?? -1, 6))
    for (const metric of run.metrics) {
      const again = reopened.metrics.find((m) => m.key === metric.key)
      expect(again?.value, metric.key).toBeCloseTo(metric.value, 6)
    }
    expect(reopened.baselineMetrics).toEqual(run.baselineMetrics)
    expect(reopened.linearBaselineMetrics).toEqual(run.linearBaselineMetrics)
  })

  it('refuses data without the columns the model reads, naming them', () => {
    const fewer = {
      ...german.table,
      columns: german.table.columns.filter((c) => c.name !== 'Duration' && c.name !== 'Amount'),
    }
    expect(dataMismatch(run.recipe, fewer)).toMatch(/no column "Duration", "Amount".*GermanCredit/)
    expect(dataMismatch(run.recipe, german.table)).toBeNull()
  })

  it('refuses a bundle whose weights.bin was cut short, before loading anything', () => {
    const files = unzipSync(zip)
    const weights = files['weights.bin'] as Uint8Array
    const cut = zipSync({ ...files, 'weights.bin': weights.slice(0, weights.length - 8) })
    expect(() => checkBundle(readBundle(cut))).toThrow(
      /weights\.bin holds .* bytes but model\.json needs .*damaged/,
    )
  })

  it('refuses an input schema with fields the studio never writes, __proto__ among them', () => {
    const files = unzipSync(zip)
    const column = `"name":"Age","kind":"numeric","type":"integer","min":19,"max":75,"categories":[],"missingSeen":false,"typical":33`
    for (const extra of ['"__proto__":{"polluted":true}', '"onload":"alert(1)"']) {
      const text = `[{${column},${extra}}]`
      const withSchema = zipSync({ ...files, 'input-schema.json': strToU8(text) })
      expect(() => checkBundle(readBundle(withSchema)), extra).toThrow(
        /input-schema\.json (is not valid|holds a "__proto__" key)/,
      )
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
    const fine = zipSync({ ...files, 'input-schema.json': strToU8(`[{${column}}]`) })
    expect(checkBundle(readBundle(fine)).inputSchema?.[0]?.max).toBe(75)
  })

  it('never fails on a damaged or cut bundle but with a sentence saying what is wrong (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        (flips, cut) => {
          const bytes = zip.slice(0, cut === undefined ? zip.length : cut % zip.length)
          for (const [at, value] of flips) bytes[at % bytes.length] = value
          try {
            checkBundle(readBundle(bytes))
          } catch (error) {
            expect(error).toBeInstanceOf(Error)
            expect(error).not.toBeInstanceOf(TypeError)
            expect((error as Error).message).toMatch(/^(This|The|model\.json)/)
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses a zip of too many files before inflating them, and a __proto__ key in model.json', () => {
    const many = Object.fromEntries(
      Array.from({ length: 1_001 }, (_, i) => [`filler/${i}.txt`, new Uint8Array(1)]),
    )
    expect(() => readBundle(zipSync({ ...unzipSync(zip), ...many }))).toThrow(
      /more than 1,000 files/,
    )
    const files = unzipSync(zip)
    const modelJson = new TextDecoder()
      .decode(files['model.json'])
      .replace('{', '{"__proto__":{"polluted":true},')
    expect(() => readBundle(zipSync({ ...files, 'model.json': strToU8(modelJson) }))).toThrow(
      /model\.json holds a "__proto__" key/,
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
