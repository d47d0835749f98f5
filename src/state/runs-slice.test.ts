import * as tf from '@tensorflow/tfjs'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Recipe } from '../core/recipe/recipe-schema'
import type { FinishedRun } from '../core/train/run-history'
import { trainForReal } from '../core/train/run-history-test-run'
import type { TrainConfig } from '../core/train/train-config'
import { restoreBlockedReason } from './runs-slice'
import { useStudio } from './studio-store'
import { loadBundledIntoStore } from './test-store-data'

// Node has no Worker, so the training slice cannot start its own run here: each run trains for
// real in this process on the store's recipe, and the store moves through the states the
// training slice sets ('starting', then 'done' with the model). Runs are kept in memory
// (Node has no IndexedDB); persistence across a reload is tested in Chromium (e2e/run-history).
const trainedRuns = new Map<string, FinishedRun>()

async function trainedOn(recipe: Recipe): Promise<FinishedRun> {
  const key = JSON.stringify(recipe)
  const cached = trainedRuns.get(key)
  if (cached) return cached
  const table = useStudio.getState().dataset?.table
  if (!table) throw new Error('no data loaded')
  const run = await trainForReal(recipe, table)
  trainedRuns.set(key, run)
  return run
}

const state = () => useStudio.getState()

/** Sets the Train fields, trains, and waits for the history to list the run. */
async function runWith(training: Partial<TrainConfig>, duringRun?: () => void): Promise<void> {
  state().setTrainConfig(training)
  const recipe = state().recipe
  if (!recipe) throw new Error('no recipe')
  const before = state().runs.length
  useStudio.setState({ trainingStatus: 'starting', trained: null, epochs: [] })
  useStudio.setState({ trainingStatus: 'training' })
  duringRun?.()
  const run = await trainedOn(recipe)
  useStudio.setState({
    trainingStatus: 'done',
    epochs: run.epochs,
    trained: { ...run, leakedTensors: 0 },
  })
  await vi.waitFor(() => expect(state().runs).toHaveLength(before + 1))
}

function runNumbered(number: number) {
  const run = state().runs.find((r) => r.number === number)
  if (!run) throw new Error(`no run ${number}`)
  return run
}

beforeAll(async () => {
  await tf.setBackend('cpu')
})

beforeEach(async () => {
  for (const run of state().runs) await state().deleteRun(run.id)
  loadBundledIntoStore('GermanCredit.csv')
  state().chooseTarget('Class')
  state().resetTraining()
})

describe('runs slice', () => {
  it('keeps every finished run, numbered, with the settings it started with', async () => {
    // The learning rate is changed while run 2 trains: the run keeps the one it trained with.
    await runWith({ epochs: 2, learningRate: 0.01 })
    await runWith({ epochs: 3, learningRate: 0.003 }, () =>
      state().setTrainConfig({ learningRate: 0.5 }),
    )
    expect(state().runs.map((r) => r.number)).toEqual([2, 1])
    expect(runNumbered(1).recipe.training).toMatchObject({ epochs: 2, learningRate: 0.01 })
    expect(runNumbered(2).recipe.training).toMatchObject({ epochs: 3, learningRate: 0.003 })
    expect(runNumbered(2).epochs).toHaveLength(3)
    expect(runNumbered(2).fittedRecipe.features?.length).toBeGreaterThan(0)
    expect(runNumbered(2).metrics).toEqual(state().trained?.metrics)
    expect(state().currentRunId).toBe(runNumbered(2).id)
    expect(runNumbered(2).startedAt).toBeLessThanOrEqual(runNumbered(2).finishedAt)
  })

  it('restores a run: its settings in the editor, its model, curves and metrics as the result', async () => {
    await runWith({ epochs: 2, learningRate: 0.01 })
    const first = state().trained
    await runWith({ epochs: 3, learningRate: 0.003 })
    const plan = state().plan
    await state().restoreRun(runNumbered(1).id)
    expect(state().recipe?.training).toMatchObject({ epochs: 2, learningRate: 0.01 })
    expect(state().trainingStatus).toBe('done')
    expect(state().epochs).toEqual(first?.epochs)
    expect(state().trained?.metrics).toEqual(first?.metrics)
    expect(state().trained?.testOutputs).toEqual(first?.testOutputs)
    expect(state().trained?.model.weights.byteLength).toBe(first?.model.weights.byteLength)
    expect(state().currentRunId).toBe(runNumbered(1).id)
    // Only training settings differ: the data is not prepared again.
    expect(state().plan).toBe(plan)
    // A restored run is the result on screen, not a new run.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(state().runs).toHaveLength(2)
  })

  it('prepares the data again when the restored run prepared it differently', async () => {
    await runWith({ epochs: 2 })
    state().setSeed(7)
    await runWith({ epochs: 2 })
    expect(state().plan?.recipe.seed).toBe(7)
    await state().restoreRun(runNumbered(1).id)
    expect(state().recipe?.seed).toBe(42)
    expect(state().plan?.recipe.seed).toBe(42)
    expect(state().trained?.recipe.seed).toBe(42)
    expect(state().trainingStatus).toBe('done')
  })

  it('chooses the run’s target again when the analyst has moved to another', async () => {
    await runWith({ epochs: 2 })
    state().chooseTarget('Telephone')
    expect(state().recipe?.target.column).toBe('Telephone')
    await state().restoreRun(runNumbered(1).id)
    expect(state().targetColumn).toBe('Class')
    expect(state().detection?.task).toBe('binary')
    expect(state().recipe).toEqual(runNumbered(1).recipe)
    expect(state().plan?.recipe.target.column).toBe('Class')
    expect(state().trained?.recipe.target.column).toBe('Class')
  })

  it('refuses to restore while training or on other data, and says why', async () => {
    await runWith({ epochs: 2 })
    const run = runNumbered(1)
    useStudio.setState({ trainingStatus: 'training', trained: null })
    expect(restoreBlockedReason(state(), run)).toMatch(/^Training is under way/)
    await state().restoreRun(run.id)
    expect(state().trained).toBeNull()
    expect(state().runsError).toMatch(/stop it or let it finish/)

    state().resetTraining()
    loadBundledIntoStore('iris.csv')
    state().chooseTarget('species')
    expect(restoreBlockedReason(state(), run)).toBe(
      'Run 1 was trained on GermanCredit.csv: load that data on the Data step to restore it.',
    )
  })

  it('deletes a run; later runs do not take its number while a higher one is kept', async () => {
    await runWith({ epochs: 2 })
    await runWith({ epochs: 3 })
    state().togglePickedRun(runNumbered(1).id)
    state().togglePickedRun(runNumbered(2).id)
    await state().deleteRun(runNumbered(1).id)
    expect(state().runs.map((r) => r.number)).toEqual([2])
    expect(state().pickedRunIds).toEqual([runNumbered(2).id])
    await runWith({ epochs: 2 })
    expect(state().runs.map((r) => r.number)).toEqual([3, 2])
  })

  it('forgets which run is current once a new run starts', async () => {
    await runWith({ epochs: 2 })
    expect(state().currentRunId).not.toBeNull()
    useStudio.setState({ trainingStatus: 'starting', trained: null, epochs: [] })
    expect(state().currentRunId).toBeNull()
  })
})
