import { describe, expect, it } from 'vitest'
import { layer, stackOf } from '../core/model/layer-catalogue'
import { modelSpecOf } from '../core/model/model-spec'
import { useStudio } from './studio-store'
import { loadBundledIntoStore } from './test-store-data'

/** The bundled German credit data, loaded into the store as the Data step would. */
function loadGermanCredit() {
  loadBundledIntoStore('GermanCredit.csv')
}

// Node has no Worker: the slice plans in place, so every action's plan is there at once.
describe('recipe slice without a worker', () => {
  it('plans the proposed recipe when the target is chosen', () => {
    loadGermanCredit()
    useStudio.getState().chooseTarget('Class')
    const { plan, planning, planProgress, recipe } = useStudio.getState()
    expect(planning).toBe(false)
    expect(planProgress).toBeNull()
    expect(plan?.error).toBeNull()
    expect(plan?.rows).toEqual({ train: 800, validation: 100, test: 100 })
    expect(plan?.recipe.steps.map((s) => s.id)).toEqual(recipe?.steps.map((s) => s.id))
  })

  it('re-plans each edit: switching the scaling off leaves the numbers unscaled', () => {
    loadGermanCredit()
    const studio = useStudio.getState()
    studio.chooseTarget('Class')
    const scale = useStudio.getState().recipe?.steps.find((s) => s.op === 'scale')
    expect(scale).toBeDefined()
    studio.setStepEnabled(scale?.id ?? '', false)
    const { plan } = useStudio.getState()
    expect(plan?.reports.some((r) => r.stepId === scale?.id)).toBe(false)
    expect(plan?.recipe.steps.find((s) => s.id === scale?.id)?.enabled).toBe(false)
  })

  it('keeps a network the analyst built when the target changes; a proposed one is proposed again', () => {
    loadGermanCredit()
    useStudio.getState().chooseTarget('Class')
    const proposed = useStudio.getState().recipe
    if (!proposed) throw new Error('no recipe')
    const built = modelSpecOf(stackOf([layer('dense', { units: 7 })]))
    useStudio.setState({ recipe: { ...proposed, model: built } })
    useStudio.getState().chooseTarget('Amount')
    expect(useStudio.getState().recipe?.target.task).toBe('regression')
    expect(useStudio.getState().recipe?.model).toEqual(built)
    useStudio.setState({ recipe: { ...proposed, model: { ...built, proposed: true } } })
    useStudio.getState().chooseTarget('Class')
    expect(useStudio.getState().recipe?.model.layers).not.toEqual(built.layers)
  })

  it('clears the plan when the target is cleared', () => {
    loadGermanCredit()
    useStudio.getState().chooseTarget('Class')
    useStudio.getState().chooseTarget(null)
    expect(useStudio.getState()).toMatchObject({ recipe: null, plan: null, planning: false })
  })
})
