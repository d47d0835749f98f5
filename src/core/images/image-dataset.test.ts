import { describe, expect, it } from 'vitest'
import { planImageDataset, type SourceEntry } from './image-dataset'
import { digitPngs, digitsZipBytes } from './image-test-files'
import { readZipEntries } from './read-zip'
import { DataError } from '../table/parse-delimited'

const png = digitPngs(1)[0]?.bytes ?? new Uint8Array()
const file = (path: string, bytes: Uint8Array | null = png): SourceEntry => ({
  path,
  isFolder: false,
  head: bytes,
})
const folder = (path: string): SourceEntry => ({ path, isFolder: true, head: null })
const text = new TextEncoder().encode('id,label\n1,cat\n')

describe('planImageDataset', () => {
  it('reads the bundled digits: ten classes in natural order, every picture kept', () => {
    const entries = readZipEntries(digitsZipBytes()).map((e) => ({
      path: e.path,
      isFolder: e.isFolder,
      head: e.bytes,
    }))
    const plan = planImageDataset(entries, 'zip')
    expect(plan.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
    expect(plan.images).toHaveLength(entries.filter((e) => !e.isFolder).length)
    expect(plan.images.every((i) => i.format === 'png')).toBe(true)
    // Every image sits in the folder of its class.
    expect(plan.images.every((i) => i.path.split('/')[1] === plan.classes[i.classIndex])).toBe(true)
    expect(plan.warnings).toEqual([])
  })

  it('sorts class names naturally and groups images by class', () => {
    const plan = planImageDataset(
      [file('set/10/a.png'), file('set/2/b.png'), file('set/2/a.png'), file('set/1/c.png')],
      'folder',
    )
    expect(plan.classes).toEqual(['1', '2', '10'])
    expect(plan.images.map((i) => i.path)).toEqual([
      'set/1/c.png',
      'set/2/a.png',
      'set/2/b.png',
      'set/10/a.png',
    ])
  })

  it('skips junk silently and names every other skipped file in a warning', () => {
    const plan = planImageDataset(
      [
        file('pets/cats/a.png'),
        file('pets/cats/sub/b.png'),
        file('pets/dogs/c.png'),
        file('__MACOSX/pets/cats/._a.png'),
        file('pets/cats/.DS_Store', text),
        file('pets/labels.csv', text),
        file('pets/dogs/broken.jpg', text),
        file('pets/stray.png'),
        folder('pets/birds/'),
        file('pets/notes/readme.txt', text),
        file('../escape/a.png'),
      ],
      'zip',
    )
    expect(plan.classes).toEqual(['cats', 'dogs'])
    expect(plan.images.map((i) => i.path)).toEqual([
      'pets/cats/a.png',
      'pets/cats/sub/b.png',
      'pets/dogs/c.png',
    ])
    const warnings = plan.warnings.join('\n')
    expect(warnings).toContain('../escape/a.png')
    expect(warnings).toContain('pets/labels.csv')
    expect(warnings).toContain(
      'named like an image whose content is not one (pets/dogs/broken.jpg)',
    )
    expect(warnings).toContain('outside any class folder (pets/stray.png)')
    expect(warnings).toContain('birds/')
    expect(warnings).toContain('notes/')
    expect(warnings).not.toContain('DS_Store')
    expect(warnings).not.toContain('MACOSX')
  })

  it('says how to arrange the folders when there are none', () => {
    const plan = () => planImageDataset([file('a.png'), file('b.png')], 'zip')
    expect(plan).toThrow(DataError)
    expect(plan).toThrow(
      "The zip has no class folders: put each class's images in its own folder, e.g. cats/…, dogs/…",
    )
  })

  it('refuses a single class, naming it', () => {
    expect(() => planImageDataset([file('cats/a.png'), file('cats/b.png')], 'folder')).toThrow(
      'The folder has a single class folder ("cats"); a classifier needs at least two',
    )
  })

  it('refuses files with no picture among them, and an empty source', () => {
    expect(() =>
      planImageDataset([file('data/a/x.csv', text), file('data/b/y.txt', text)], 'drop'),
    ).toThrow('The dropped files have no PNG, JPEG, GIF, WebP or BMP images')
    expect(() => planImageDataset([folder('cats/'), file('.DS_Store', text)], 'zip')).toThrow(
      'The zip has no files.',
    )
  })
})
