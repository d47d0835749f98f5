import { describe, expect, it } from 'vitest'
import { columnFromCells } from '../table/infer'
import { detectTask, MAX_CLASSES } from './task'

function detect(cells: string[]) {
  return detectTask(columnFromCells('target', cells))
}

describe('detectTask', () => {
  it.each([
    ['Good/Bad labels', ['Good', 'Bad', 'Good', 'Good']],
    ['0/1 numbers', ['0', '1', '1', '0', '0']],
    ['yes/no with missing cells', ['yes', '', 'no', 'NA', 'yes']],
  ])('sees binary classification in %s', (_, cells) => {
    const { task, reason } = detect(cells)
    expect(task).toBe('binary')
    expect(reason).toMatch(/two values/)
  })

  it('sees multiclass in three string classes', () => {
    const { task, reason } = detect(['low', 'mid', 'high', 'mid', 'low'])
    expect(task).toBe('multiclass')
    expect(reason).toMatch(/3 categories/)
  })

  it('sees multiclass in whole-number labels 0/1/2', () => {
    const { task, reason } = detect(['0', '1', '2', '2', '1', '0'])
    expect(task).toBe('multiclass')
    expect(reason).toMatch(/3 whole-number labels/)
  })

  it('sees regression in a continuous column', () => {
    const { task } = detect(['1.5', '2.25', '3.1', '10', '7.75'])
    expect(task).toBe('regression')
  })

  it('sees regression in whole numbers with many distinct values (an age, a count)', () => {
    const cells = Array.from({ length: 40 }, (_, i) => String(18 + i))
    expect(detect(cells).task).toBe('regression')
  })

  it('refuses a column with a single value, and says a target needs two', () => {
    const { task, reason } = detect(['Good', 'Good', '', 'Good'])
    expect(task).toBeNull()
    expect(reason).toMatch(/single value/)
    expect(reason).toContain('"target"')
  })

  it('refuses a column with no values at all', () => {
    const { task, reason } = detect(['', 'NA', '?'])
    expect(task).toBeNull()
    expect(reason).toMatch(/no values/)
  })

  it(`accepts ${MAX_CLASSES} categories as classes but refuses one more, asking for another target`, () => {
    const classes = (n: number) => Array.from({ length: n * 2 }, (_, i) => `c${i % n}`)
    expect(detect(classes(MAX_CLASSES)).task).toBe('multiclass')
    const { task, reason } = detect(classes(MAX_CLASSES + 1))
    expect(task).toBeNull()
    expect(reason).toMatch(/51 categories/)
    expect(reason).toMatch(/Choose another target/)
  })
})
