import { describe, expect, it } from 'vitest'
import { parseDelimitedText } from '../table/parse-delimited'
import { fitRecipe } from './fit'
import { proposeRecipe } from './propose'
import { parseRecipe, RECIPE_VERSION } from './recipe-schema'

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

  it('rejects another version, naming the field', () => {
    expect(RECIPE_VERSION).toBe(1)
    expect(() => parseRecipe(edited((j) => (j.version = 2)))).toThrow(
      /This recipe is not valid at "version"/,
    )
  })

  it('names a nested field by its path', () => {
    const badSplit = edited((j) => ((j.split as Record<string, unknown>).train = 1.5))
    expect(() => parseRecipe(badSplit)).toThrow(/at "split\.train"/)
    const zeroStd = edited((j) => {
      const steps = j.features as { fitted?: { std?: number } }[]
      const first = steps[0]
      if (first?.fitted) first.fitted.std = 0
    })
    expect(() => parseRecipe(zeroStd)).toThrow(/at "features\.0\.fitted\.std"/)
  })

  it('rejects something that is not a recipe at all', () => {
    expect(() => parseRecipe('hello')).toThrow(/This recipe is not valid/)
    expect(() => parseRecipe(null)).toThrow(/This recipe is not valid/)
  })
})
