import { describe, expect, it } from 'vitest'
import { fittedSummary } from './fitted-summary'
import { must, sample } from './test-datasets'

describe('fittedSummary of the steps fitted on Credit card applications', () => {
  const { plan } = sample('CreditCard.csv', 'card')
  const fitted = plan.recipe.steps

  it('lists the one-hot categories learned from the training rows', () => {
    const oneHot = fitted.find((s) => s.op === 'one-hot' && s.column === 'owner')
    expect(fittedSummary(must(oneHot, 'the one-hot step'))).toEqual(['2 categories: no, yes'])
  })

  it('gives centre and scale of the first columns and counts the rest', () => {
    const scale = must(
      fitted.find((s) => s.op === 'scale'),
      'the scaling step',
    )
    const params = scale.fitted?.params ?? []
    const [line] = fittedSummary(scale)
    const age = must(
      params.find((p) => p.column === 'age'),
      'the fitted age',
    )
    expect(line).toContain(`age: centre ${age.center.toFixed(3)}`)
    expect(line).toMatch(/and 5 more columns$/)
  })

  it('says nothing for a step that learns nothing', () => {
    expect(fittedSummary({ id: 's1', enabled: true, op: 'log1p', columns: ['age'] })).toEqual([])
  })
})
