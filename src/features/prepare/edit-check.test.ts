import { describe, expect, it } from 'vitest'
import type { Step } from '../../core/recipe/step-schema'
import { editProblem } from './edit-check'

describe('editProblem', () => {
  const scale: Step = {
    id: 's1',
    enabled: true,
    op: 'scale',
    columns: ['age'],
    method: 'robust',
  }

  it('accepts a valid step', () => {
    expect(editProblem(scale)).toBeNull()
  })

  it('names what to change when a list of columns is emptied', () => {
    expect(editProblem({ ...scale, columns: [] })).toBe(
      'Choose at least one column. Not applied yet; to skip this step, switch it off instead.',
    )
  })

  it('refuses a threshold of 0 for outliers', () => {
    const outliers: Step = {
      id: 's2',
      enabled: true,
      op: 'outliers',
      columns: ['age'],
      method: 'iqr',
      threshold: 0,
      action: 'clip',
    }
    expect(editProblem(outliers)).toMatch(/^The threshold must be above 0\./)
  })
})
