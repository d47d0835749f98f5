import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { fitRecipe } from './pipeline/prepare-data'
import { proposeRecipe } from './propose'
import { parseRecipe, RECIPE_VERSION } from './recipe-schema'
import { featureNames, transformFeatures } from './transform'

const { table } = parseDelimitedText('age,owner,card\n20,yes,yes\n30,no,no\n40,yes,yes\n')
const recipe = fitRecipe(proposeRecipe(table, 't', 'card'), table, Int32Array.from([0, 1, 2]))

/** The recipe as read from a file, with one change applied. */
function edited(change: (json: Record<string, unknown>) => void): unknown {
  const json = JSON.parse(JSON.stringify(recipe)) as Record<string, unknown>
  change(json)
  return json
}

describe('parseRecipe', () => {
  it('accepts a fitted recipe read back from JSON unchanged', () => {
    expect(parseRecipe(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe)
  })

  it('rejects an unknown version, naming the field', () => {
    expect(RECIPE_VERSION).toBe(2)
    expect(() => parseRecipe(edited((j) => (j.version = 3)))).toThrow(
      /This recipe is not valid at "version"/,
    )
  })

  it('names a nested field by its path', () => {
    const badSplit = edited((j) => ((j.split as Record<string, unknown>).train = 1.5))
    expect(() => parseRecipe(badSplit)).toThrow(/at "split\.train"/)
    const zeroScale = edited((j) => {
      const steps = j.steps as { op: string; fitted?: { params?: { scale: number }[] } }[]
      const scale = steps.find((s) => s.op === 'scale')
      const first = scale?.fitted?.params?.[0]
      if (first) first.scale = 0
    })
    expect(() => parseRecipe(zeroScale)).toThrow(/at "steps\.1\.fitted\.params\.0\.scale"/)
    const badOp = edited((j) => ((j.steps as { op: string }[])[0] = { op: 'explode' }))
    expect(() => parseRecipe(badOp)).toThrow(/at "steps\.0\.op"/)
  })

  it('rejects something that is not a recipe at all', () => {
    expect(() => parseRecipe('hello')).toThrow(/This recipe is not valid/)
    expect(() => parseRecipe(null)).toThrow(/This recipe is not valid/)
  })

  it('reads a version 1 recipe (from an older bundle) and prepares rows with the same numbers', () => {
    const v1 = {
      version: 1,
      seed: 7,
      source: {
        name: 'old.csv',
        columns: [
          { name: 'age', kind: 'numeric' },
          { name: 'owner', kind: 'categorical' },
          { name: 'card', kind: 'categorical' },
        ],
      },
      target: { column: 'card', task: 'binary', classes: ['no', 'yes'] },
      features: [
        { op: 'standardize', column: 'age', fitted: { mean: 30, std: 10 } },
        { op: 'one-hot', column: 'owner', fitted: { categories: ['no', 'yes'] } },
      ],
      split: { method: 'stratified', train: 0.8, validation: 0.1, test: 0.1 },
      model: recipe.model,
      training: recipe.training,
    }
    const migrated = parseRecipe(v1)
    expect(migrated.version).toBe(2)
    expect(featureNames(migrated)).toEqual(['age', 'owner=no', 'owner=yes'])
    const rows = parseDelimitedText('age,owner,card\n45,yes,\n,maybe,\n').table
    const x = transformFeatures(migrated, rows)
    // Version 1 semantics: (45 − 30) / 10; a missing age is the mean (0); unseen owner all zeros.
    expect(Array.from(x.values)).toEqual([1.5, 0, 1, 0, 0, 0])
  })
})
