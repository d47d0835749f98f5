import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { trainForReal } from '../core/train/run-history-test-run'
import { AUTOSAVE_DELAY_MS } from './autosave'
import { useStudio } from './studio-store'
import { loadBundledIntoStore } from './test-store-data'

// Node has no IndexedDB: these run on the memory stores, through the same slices and autosave
// the page uses. Saving across a reload and a browser restart is tested in Chromium
// (e2e/projects.spec.ts).
const state = () => useStudio.getState()

/** Waits past the autosave pause, then for the write to finish. */
async function autosaved(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 50))
  // The memory store's status: saved for this page's life.
  await vi.waitFor(() => expect(state().saveStatus.kind).toBe('memory'))
}

/** Trains the store's recipe for real, moving the store through the states a run goes through. */
async function trainOnce(): Promise<void> {
  const recipe = state().recipe
  const table = state().dataset?.table
  if (!recipe || !table) throw new Error('nothing to train')
  useStudio.setState({ trainingStatus: 'starting', trained: null, epochs: [] })
  const run = await trainForReal({ ...recipe, training: { ...recipe.training, epochs: 2 } }, table)
  const before = state().runs.length
  useStudio.setState({
    trainingStatus: 'done',
    epochs: run.epochs,
    trained: { ...run, leakedTensors: 0 },
  })
  await vi.waitFor(() => expect(state().runs).toHaveLength(before + 1))
}

beforeAll(async () => {
  await tf.setBackend('cpu')
  await state().bootProjects()
})

describe('projects', () => {
  it('starts with a project, and keeps its data, target, recipe, step and run when another opens', async () => {
    const first = state().projectId
    expect(first).not.toBeNull()
    expect(state().projects.map((p) => p.name)).toEqual(['Project 1'])

    loadBundledIntoStore('GermanCredit.csv')
    state().chooseTarget('Class')
    state().setSeed(1234)
    await trainOnce()
    const runId = state().currentRunId
    state().showStep('evaluate')
    await autosaved()

    await state().newProject('Second')
    expect(state().projectName).toBe('Second')
    expect(state().dataset).toBeNull()
    expect(state().runs).toEqual([])
    expect(state().step).toBe('data')

    await state().openProject(first ?? '')
    expect(state().dataset?.name).toBe('GermanCredit.csv')
    expect(state().dataset?.table.rowCount).toBe(1000)
    expect(state().targetColumn).toBe('Class')
    expect(state().recipe?.seed).toBe(1234)
    expect(state().step).toBe('evaluate')
    expect(state().runs.map((r) => r.id)).toEqual([runId])
    expect(state().currentRunId).toBe(runId)
    expect(state().trained?.metrics.length).toBeGreaterThan(0)
  })

  it('renames, duplicates with data and runs, and deletes with undo', async () => {
    const id = state().projectId ?? ''
    await state().renameProject(id, '  Credit   risk  ')
    expect(state().projectName).toBe('Credit risk')

    await state().duplicateProject(id)
    const copy = state().projects.find((p) => p.name === 'Credit risk (copy)')
    expect(copy?.datasetName).toBe('GermanCredit.csv')
    await state().openProject(copy?.id ?? '')
    expect(state().runs).toHaveLength(1)
    expect(state().targetColumn).toBe('Class')
    // The copy's run is its own: deleting it leaves the original's.
    await state().deleteRun(state().runs[0]?.id ?? '')
    await state().openProject(id)
    expect(state().runs).toHaveLength(1)

    await state().deleteProject(copy?.id ?? '')
    expect(state().projects.some((p) => p.id === copy?.id)).toBe(false)
    expect(state().deletedProject?.name).toBe('Credit risk (copy)')
    await state().undoDeleteProject()
    expect(state().projects.some((p) => p.id === copy?.id)).toBe(true)
  })

  it('deleting the open project opens another, and nothing of the others is touched', async () => {
    const open = state().projectId
    const others = state()
      .projects.filter((p) => p.id !== open)
      .map((p) => p.id)
    await state().deleteProject(open ?? '')
    expect(state().projectId).not.toBe(open)
    expect(others).toContain(state().projectId)
    expect(
      state()
        .projects.map((p) => p.id)
        .sort(),
    ).toEqual([...others].sort())
  })
})
