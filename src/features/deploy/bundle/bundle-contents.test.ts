import { describe, expect, it } from 'vitest'
import { BUNDLE_FILES } from '../../../core/export/bundle'
import { bundleContents } from './bundle-contents'

describe('bundleContents', () => {
  it('lists the model first and the card after the recipe, each with what it is for', () => {
    const list = bundleContents([
      BUNDLE_FILES.cardHtml,
      BUNDLE_FILES.readme,
      BUNDLE_FILES.weights,
      BUNDLE_FILES.model,
      BUNDLE_FILES.recipe,
    ])
    expect(list.map((f) => f.name)).toEqual([
      'model.json',
      'weights.bin',
      'recipe.json',
      'README.md',
      'model-card.html',
    ])
    for (const file of list) expect(file.what).not.toBe('part of the bundle')
  })

  it('still lists a file it has no sentence for, after the known ones', () => {
    const list = bundleContents(['extra.txt', BUNDLE_FILES.model])
    expect(list).toEqual([
      { name: 'model.json', what: expect.stringContaining('layers') as unknown },
      { name: 'extra.txt', what: 'part of the bundle' },
    ])
  })
})
