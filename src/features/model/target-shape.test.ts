import { describe, expect, it } from 'vitest'
import { formatTargetShape, parseTargetShape } from './target-shape'

describe('Reshape target typed as text', () => {
  it('reads sizes separated by commas, spaces or ×', () => {
    expect(parseTargetShape('3, 4')).toEqual({ shape: [3, 4] })
    expect(parseTargetShape(' -1 8 ')).toEqual({ shape: [-1, 8] })
    expect(parseTargetShape('4×4×2')).toEqual({ shape: [4, 4, 2] })
    expect(formatTargetShape([3, 4])).toBe('3, 4')
  })

  it('says what is wrong with text that is no shape', () => {
    expect(parseTargetShape('')).toHaveProperty('error')
    expect(parseTargetShape('3, a')).toHaveProperty('error')
    expect(parseTargetShape('5, x')).toHaveProperty('error')
    expect(parseTargetShape('3x4')).toEqual({ shape: [3, 4] })
    expect(parseTargetShape('0, 4')).toHaveProperty('error')
    expect(parseTargetShape('2.5')).toHaveProperty('error')
    expect(parseTargetShape('-1, -1')).toEqual({
      error: 'Only one size may be -1: the others decide what it is.',
    })
    expect(parseTargetShape('1, 2, 3, 4')).toHaveProperty('error')
  })
})
