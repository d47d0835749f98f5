import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundledTable } from '../train/run-history-test-run'
import { parseRecipe, type Recipe } from './recipe-schema'

// Recipes the studio proposes for real data: every step kind the proposal uses, with a network.
const recipes: Recipe[] = [
  bundledTable('GermanCredit.csv').recipeFor('Class'),
  bundledTable('lending-club.csv').recipeFor('Class'),
  bundledTable('stocks.csv').recipeFor('price'),
  bundledTable('iris.csv').recipeFor('species'),
]

/** Every path to a value inside `json`, so a property can replace any one of them. */
function paths(json: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof json !== 'object' || json === null) return [at]
  const keys = Array.isArray(json) ? json.map((_, i) => i) : Object.keys(json)
  return [
    at,
    ...keys.flatMap((k) => paths((json as Record<string | number, unknown>)[k], [...at, k])),
  ]
}

function replaced(json: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  const copy = (Array.isArray(json) ? [...(json as unknown[])] : { ...(json as object) }) as Record<
    string | number,
    unknown
  >
  copy[head] = replaced(copy[head], rest, value)
  return copy
}

describe('recipes (fast-check)', () => {
  it('round-trip through JSON unchanged', () => {
    for (const recipe of recipes)
      expect(parseRecipe(JSON.parse(JSON.stringify(recipe)))).toEqual(recipe)
  })

  it('with any part replaced by any JSON, parse or fail with a message naming the place', () => {
    const json = recipes.map((r) => JSON.parse(JSON.stringify(r)) as unknown)
    const cases = fc
      .integer({ min: 0, max: json.length - 1 })
      .chain((i) =>
        fc.tuple(
          fc.constant(json[i]),
          fc.constantFrom(...paths(json[i])),
          fc.jsonValue({ maxDepth: 3 }),
        ),
      )
    fc.assert(
      fc.property(cases, ([recipe, path, value]) => {
        let parsed: Recipe | null = null
        try {
          parsed = parseRecipe(replaced(recipe, path, value))
        } catch (error) {
          expect(error).not.toBeInstanceOf(TypeError)
          expect((error as Error).message).toMatch(/^This recipe is not valid/)
        }
        // Whatever parses carries no key that could reach a prototype.
        if (parsed) expect(JSON.stringify(parsed)).not.toContain('"__proto__"')
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: 600 },
    )
  })

  it('refuses anything that is not a recipe, whatever its shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => parseRecipe(value)).toThrow(/^This recipe is not valid/)
      }),
      { numRuns: 300 },
    )
  })

  it('drops a "__proto__" key instead of letting it reach Object.prototype', () => {
    const hostile = JSON.parse(
      JSON.stringify(recipes[0]).replace('{', '{"__proto__":{"polluted":true},'),
    ) as unknown
    const parsed = parseRecipe(hostile)
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((parsed as unknown as Record<string, unknown>).polluted).toBeUndefined()
  })
})
