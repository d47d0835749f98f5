import { describe, expect, it } from 'vitest'
import { readDates } from './date-parse'

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d)

describe('readDates', () => {
  it('learns day first from a first number above 12', () => {
    const reading = readDates(['31/03/2024', '04/05/2024'])
    expect(Array.from(reading?.values ?? [])).toEqual([day(2024, 3, 31), day(2024, 5, 4)])
    expect(reading?.order).toBe('day-first')
    expect(reading?.orderAssumed).toBe(false)
  })

  it('assumes month first when no number decides, and says so', () => {
    const reading = readDates(['04/05/2024'])
    expect(Array.from(reading?.values ?? [])).toEqual([day(2024, 4, 5)])
    expect(reading).toMatchObject({ order: 'month-first', orderAssumed: true })
  })

  it('gives up on values that are dates only in opposite orders', () => {
    expect(readDates(['31/03/2024', '03/31/2024'])).toBeNull()
  })

  it('reads year-first dates and times whatever the order', () => {
    const reading = readDates(['2024-03-31', '2024-03-31T10:30:00Z', 'soon'])
    expect(Array.from(reading?.values ?? [])).toEqual([
      day(2024, 3, 31),
      Date.UTC(2024, 2, 31, 10, 30),
      Number.NaN,
    ])
    expect(reading).toMatchObject({ order: null, failures: 1, hasTime: true })
  })
})

describe('readDates with a forced order', () => {
  it('reads an undecided date in the forced order, not the assumed one', () => {
    const reading = readDates(['04/05/2024'], false, 'day-first')
    expect(Array.from(reading?.values ?? [])).toEqual([day(2024, 5, 4)])
    expect(reading).toMatchObject({ order: 'day-first', orderAssumed: false })
  })

  it('turns a date impossible in the forced order into a failure instead of giving up', () => {
    const reading = readDates(['31/03/2024', '03/31/2024'], false, 'day-first')
    expect(Array.from(reading?.values ?? [])).toEqual([day(2024, 3, 31), Number.NaN])
    expect(reading?.failures).toBe(1)
  })

  it('leaves year-first dates alone', () => {
    const reading = readDates(['2024-01-02'], false, 'day-first')
    expect(Array.from(reading?.values ?? [])).toEqual([day(2024, 1, 2)])
    expect(reading?.order).toBeNull()
  })
})
