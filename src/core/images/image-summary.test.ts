import { describe, expect, it } from 'vitest'
import { planImageDataset, type SourceEntry } from './image-dataset'
import { assembleImageDataset, FEW_IMAGES, summariseSizes } from './image-summary'
import { digitPngs } from './image-test-files'
import { DataError } from '../table/parse-delimited'

const png = digitPngs(1)[0]?.bytes ?? new Uint8Array()
const files = (className: string, n: number): SourceEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `set/${className}/${i}.png`,
    isFolder: false,
    head: png,
  }))

function build(
  counts: Record<string, number>,
  size: (path: string) => { width: number; height: number } | null = () => ({
    width: 8,
    height: 8,
  }),
) {
  const entries = Object.entries(counts).flatMap(([name, n]) => files(name, n))
  const plan = planImageDataset(entries, 'folder')
  const blobs = plan.images.map(() => new Blob([png], { type: 'image/png' }))
  return assembleImageDataset(
    'set',
    'folder',
    plan,
    plan.images.map((i) => size(i.path)),
    blobs,
  )
}

describe('assembleImageDataset', () => {
  it('counts images per class and keeps each with its class and size', () => {
    const dataset = build({ cats: 6, dogs: 7 })
    expect(dataset.classes.map((c) => [c.name, c.count])).toEqual([
      ['cats', 6],
      ['dogs', 7],
    ])
    expect(dataset.images).toHaveLength(13)
    expect(dataset.images.filter((i) => i.classIndex === 1)).toHaveLength(7)
    expect(dataset.sizes.common).toEqual({ width: 8, height: 8, count: 13 })
    expect(dataset.warnings).toEqual([])
  })

  it('drops undecodable images with a warning naming them, and classes left empty', () => {
    const dataset = build({ birds: 5, cats: 6, dogs: 7 }, (path) =>
      path.includes('birds') || path.endsWith('/0.png') ? null : { width: 8, height: 8 },
    )
    expect(dataset.classes.map((c) => [c.name, c.count])).toEqual([
      ['cats', 5],
      ['dogs', 6],
    ])
    // Class indices are renumbered to the classes kept.
    expect(
      dataset.images.every((i) => i.path.includes(dataset.classes[i.classIndex]?.name ?? '?')),
    ).toBe(true)
    const warnings = dataset.warnings.join('\n')
    expect(warnings).toContain('Skipped 7 images the browser could not decode (set/birds/0.png')
    expect(warnings).toContain('No image of "birds" could be decoded')
  })

  it('warns about classes too small to learn and about unbalanced classes', () => {
    const dataset = build({ cats: 40, dogs: FEW_IMAGES - 2, fish: 12 })
    const warnings = dataset.warnings.join('\n')
    expect(warnings).toContain(`"dogs" (${FEW_IMAGES - 2}) has fewer than ${FEW_IMAGES} images`)
    expect(warnings).toContain('"cats" has 40 images, "dogs" 3')
  })

  it('refuses when fewer than two classes can be decoded', () => {
    expect(() =>
      build({ cats: 5, dogs: 5 }, (path) =>
        path.includes('cats') ? { width: 8, height: 8 } : null,
      ),
    ).toThrow(DataError)
  })
})

describe('summariseSizes', () => {
  it('finds the most common size and the extremes', () => {
    const summary = summariseSizes([
      { width: 32, height: 32 },
      { width: 640, height: 480 },
      { width: 32, height: 32 },
      { width: 20, height: 600 },
    ])
    expect(summary).toEqual({
      common: { width: 32, height: 32, count: 2 },
      minWidth: 20,
      maxWidth: 640,
      minHeight: 32,
      maxHeight: 600,
      distinctSizes: 3,
    })
  })
})
