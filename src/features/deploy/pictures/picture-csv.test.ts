import { describe, expect, it } from 'vitest'
import type { Recipe } from '../../../core/recipe/recipe-schema'
import { pictureCsv } from './picture-csv'

// A two-class picture recipe as the image proposal writes it (only what the CSV reads).
const recipe = {
  source: { kind: 'images', name: 'pets.zip', classes: ['cat', '=dog'] },
  target: { column: 'class', task: 'binary', classes: ['cat', '=dog'] },
} as unknown as Recipe

describe('pictureCsv', () => {
  it('writes one row per file with every class probability, formulas in names neutralised', () => {
    const csv = pictureCsv(recipe, [
      {
        path: '=HYPERLINK("x").png',
        answer: { probabilities: [0.25, 0.75], predicted: 1 },
        problem: null,
      },
      { path: '@notes.txt', answer: null, problem: 'Not a picture (.txt file).' },
    ])
    expect(csv.split('\r\n')).toEqual([
      'file,predicted_class,probability_cat,probability_=dog,note',
      `"'=HYPERLINK(""x"").png",'=dog,0.25,0.75,`,
      "'@notes.txt,,,,Not a picture (.txt file).",
      '',
    ])
  })
})
