import { describe, expect, it } from 'vitest'
import { checkShares } from './split-shares'

describe('checkShares', () => {
  it('turns percentages that make 100 into shares', () => {
    expect(checkShares({ train: 70, validation: 20, test: 10 })).toEqual({
      ok: true,
      split: { train: 0.7, validation: 0.2, test: 0.1 },
    })
    expect(checkShares({ train: 33.3, validation: 33.3, test: 33.4 }).ok).toBe(true)
    expect(checkShares({ train: 90, validation: 0, test: 10 }).ok).toBe(true)
  })

  it('says what the shares add up to when they miss 100', () => {
    expect(checkShares({ train: 70, validation: 20, test: 5 })).toEqual({
      ok: false,
      message: 'Train, validation and test add up to 95%: make them 100% (not applied yet).',
    })
  })

  it('refuses an empty train or test part and an emptied field', () => {
    expect(checkShares({ train: 90, validation: 10, test: 0 })).toMatchObject({ ok: false })
    expect(checkShares({ train: null, validation: 10, test: 10 })).toMatchObject({
      message: 'Fill in train, validation and test percentages.',
    })
  })
})
