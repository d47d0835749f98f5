import { beforeEach, describe, expect, it } from 'vitest'
import { layer, stackOf } from '../core/model/layer-catalogue'
import { modelSpecOf } from '../core/model/model-spec'
import { proposeModel, templateSpec } from '../core/model/templates'
import { modelInputOf } from '../core/recipe/model-input'
import { MODEL_HISTORY_LIMIT } from './model-slice'
import { useStudio } from './studio-store'
import { loadBundledIntoStore } from './test-store-data'

/** German credit loaded and its target chosen, as the Data step leaves the store (planned in place). */
function germanCredit() {
  loadBundledIntoStore('GermanCredit.csv')
  useStudio.getState().chooseTarget('Class')
}

const model = () => {
  const spec = useStudio.getState().recipe?.model
  if (!spec) throw new Error('no recipe')
  return spec
}
const types = () => model().layers.map((l) => l.type)
const ids = () => model().layers.map((l) => l.id)

/** Starts from a known edited stack: dense l1, dropout l2, dense l3. */
function startFrom() {
  const recipe = useStudio.getState().recipe
  if (!recipe) throw new Error('no recipe')
  const layers = stackOf([layer('dense'), layer('dropout'), layer('dense', { units: 8 })])
  useStudio.setState({ recipe: { ...recipe, model: modelSpecOf(layers) } })
}

describe('model slice', () => {
  beforeEach(germanCredit)

  it('adds a layer with a fresh id where it is dropped, or at the end', () => {
    startFrom()
    const studio = useStudio.getState()
    expect(studio.addLayer('batchNormalization', 1)).toBe('l4')
    expect(studio.addLayer('dense')).toBe('l5')
    expect(types()).toEqual(['dense', 'batchNormalization', 'dropout', 'dense', 'dense'])
    expect(ids()).toEqual(['l1', 'l4', 'l2', 'l3', 'l5'])
    expect(model().layers[1]).toEqual({ id: 'l4', ...layer('batchNormalization') })
  })

  it('moves, updates and removes layers by id', () => {
    startFrom()
    const studio = useStudio.getState()
    studio.moveLayer('l3', 0)
    expect(ids()).toEqual(['l3', 'l1', 'l2'])
    studio.moveLayer('l3', 99)
    expect(ids()).toEqual(['l1', 'l2', 'l3'])
    studio.updateLayer('l1', { id: 'l1', ...layer('dense', { units: 16, activation: 'tanh' }) })
    expect(model().layers[0]).toMatchObject({ id: 'l1', units: 16, activation: 'tanh' })
    studio.removeLayer('l2')
    expect(ids()).toEqual(['l1', 'l3'])
  })

  it('marks every edit as the analyst’s: the spec stops following the data', () => {
    expect(model().proposed).toBe(true)
    useStudio.getState().addLayer('dropout')
    expect(model().proposed).toBe(false)
    const edited = model()
    useStudio.getState().setSeed(7)
    expect(useStudio.getState().plan?.recipe.seed).toBe(7)
    expect(model()).toBe(edited)
  })

  it('replaces a proposed spec with the proposal for the input when a new plan lands', () => {
    const recipe = useStudio.getState().recipe
    if (!recipe) throw new Error('no recipe')
    const proposed = modelSpecOf(stackOf([layer('dense', { units: 3 })]), { proposed: true })
    useStudio.setState({ recipe: { ...recipe, model: proposed } })
    useStudio.getState().setSeed(8)
    const plan = useStudio.getState().plan
    if (!plan) throw new Error('no plan')
    expect(model()).toEqual(proposeModel(modelInputOf(plan.recipe), proposed))
  })

  it('does not prepare the data again for a model edit', () => {
    const plan = useStudio.getState().plan
    useStudio.getState().addLayer('dense', 0)
    expect(useStudio.getState().plan).toBe(plan)
    expect(useStudio.getState().planning).toBe(false)
  })

  it('undoes and redoes edits in order; a new edit clears what was undone', () => {
    startFrom()
    const start = model()
    const studio = useStudio.getState()
    expect(useStudio.getState().canUndoModel).toBe(false)
    studio.addLayer('gaussianNoise', 0)
    const added = model()
    studio.removeLayer('l2')
    studio.undoModel()
    expect(model()).toEqual(added)
    studio.undoModel()
    expect(model()).toEqual(start)
    expect(useStudio.getState()).toMatchObject({ canUndoModel: false, canRedoModel: true })
    studio.redoModel()
    expect(model()).toEqual(added)
    studio.setRegressionLoss('huber', 2.5)
    expect(model()).toMatchObject({ regressionLoss: 'huber', huberDelta: 2.5 })
    expect(useStudio.getState().canRedoModel).toBe(false)
    studio.undoModel()
    expect(model()).toEqual(added)
  })

  it('keeps the last hundred edits', () => {
    startFrom()
    const studio = useStudio.getState()
    for (let i = 0; i < MODEL_HISTORY_LIMIT + 20; i++) studio.setRegressionLoss('huber', i + 1)
    let undone = 0
    while (useStudio.getState().canUndoModel) {
      studio.undoModel()
      undone++
    }
    expect(undone).toBe(MODEL_HISTORY_LIMIT)
    expect(model().huberDelta).toBe(20)
  })

  it('applies a template as one undoable edit', () => {
    startFrom()
    const before = model()
    useStudio.getState().applyTemplate('wide-mlp')
    const plan = useStudio.getState().plan
    if (!plan) throw new Error('no plan')
    expect(model()).toEqual({
      ...templateSpec('wide-mlp', modelInputOf(plan.recipe), before),
      proposed: false,
    })
    useStudio.getState().undoModel()
    expect(model()).toEqual(before)
  })

  it('keeps the history across a change of target, and forgets it for new data', () => {
    useStudio.getState().addLayer('dense')
    useStudio.getState().chooseTarget('Age')
    expect(useStudio.getState().canUndoModel).toBe(true)
    germanCredit()
    expect(useStudio.getState()).toMatchObject({ canUndoModel: false, canRedoModel: false })
  })
})
