import { describe, expect, it } from 'vitest'
import { commonRootDepth, isJunkPath, safeSegments } from './image-paths'

describe('safeSegments', () => {
  it('splits relative paths, Windows separators included', () => {
    expect(safeSegments('cats/a.png')).toEqual(['cats', 'a.png'])
    expect(safeSegments('./pets\\cats\\a.png')).toEqual(['pets', 'cats', 'a.png'])
  })

  it('refuses paths that climb out or are absolute', () => {
    expect(safeSegments('../cats/a.png')).toBeNull()
    expect(safeSegments('pets/../../etc/a.png')).toBeNull()
    expect(safeSegments('/etc/a.png')).toBeNull()
    expect(safeSegments('C:\\Users\\a.png')).toBeNull()
  })
})

describe('isJunkPath', () => {
  it('spots what operating systems and archivers add', () => {
    expect(isJunkPath(['__MACOSX', 'cats', '._a.png'])).toBe(true)
    expect(isJunkPath(['cats', '.DS_Store'])).toBe(true)
    expect(isJunkPath(['cats', 'Thumbs.db'])).toBe(true)
    expect(isJunkPath(['.git', 'config'])).toBe(true)
    expect(isJunkPath(['cats', 'a.png'])).toBe(false)
  })
})

describe('commonRootDepth', () => {
  const depth = (paths: string[]) => commonRootDepth(paths.map((p) => p.split('/')))

  it('drops the wrapping folders a zip or a chosen folder adds', () => {
    expect(depth(['pets/cats/a.png', 'pets/dogs/b.png'])).toBe(1)
    expect(depth(['archive/pets/cats/a.png', 'archive/pets/dogs/b.png'])).toBe(2)
    expect(depth(['cats/a.png', 'dogs/b.png'])).toBe(0)
  })

  it('keeps a lone class folder as a class rather than emptying it', () => {
    expect(depth(['cats/a.png', 'cats/b.png'])).toBe(0)
  })

  it('stops at the level where pictures sit beside the class folders', () => {
    expect(depth(['pets/cats/a.png', 'pets/stray.png'])).toBe(1)
    expect(depth(['cats/a.png', 'stray.png'])).toBe(0)
  })
})
