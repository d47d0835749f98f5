import { tableInput, type ModelInput } from '../model/model-input'
import { tableStepImpl } from './pipeline/registry'
import type { Recipe } from './recipe-schema'
import type { Step, StepOf } from './step-schema'
import { tokenName } from './steps/tokens'
import { currentName, lagName } from './steps/windows'

/** Ids a tokens step can write: the padding 0, the out-of-vocabulary 1, then its words from 2. */
const RESERVED_IDS = 2

/** The token id columns of a tokens step, position by position. */
export function tokenGrid(step: StepOf<'tokens'>): string[] {
  return Array.from({ length: step.sequenceLength }, (_, i) => tokenName(step.column, i))
}

/**
 * The inputs a windows step gives, time-major and oldest first: one row per time step from
 * t − (lookback − 1) to t, and in each row one value per series in the step's order. At t a
 * series is its own column, or "<target> (t)" for the target (whose column becomes the future).
 * Read row by row, the flat list reshapes straight into [lookback, series].
 */
export function windowGrid(step: StepOf<'windows'>, target: string): string[] {
  const columns = [...new Set(step.columns)]
  const grid: string[] = []
  for (let k = step.lookback - 1; k >= 1; k--) for (const c of columns) grid.push(lagName(c, k))
  for (const c of columns) grid.push(c === target ? currentName(c) : c)
  return grid
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i])
}

/** Whether an enabled step after `index` reads any of `names` (it would change the ids). */
function laterStepReading(steps: readonly Step[], index: number, names: ReadonlySet<string>) {
  return steps.slice(index + 1).find(
    (s) =>
      s.enabled &&
      tableStepImpl(s)
        .reads(s)
        .some((name) => names.has(name)),
  )
}

/** One resized picture: height × width × channels, as the image-resize step makes it. */
export function imageInput(resize: StepOf<'image-resize'>): ModelInput {
  const { width, height, channels } = resize
  return {
    kind: 'image',
    // The prepared matrices hold each picture row by row, pixel by pixel, channels last.
    shape: [height, width, channels],
    description: `${width}×${height} ${channels === 1 ? 'grey' : 'colour'} pictures`,
  }
}

/**
 * What one row of the fitted recipe's prepared data gives the network: a flat table row, a window
 * of time steps × series, a text's token ids, or a picture. Only when the inputs are exactly one
 * step's token ids or window do they keep their shape: anything else beside them has no place in
 * a sequence, so the row stays flat, and `note` says why and what would change it.
 */
export function modelInputOf(recipe: Recipe): ModelInput {
  if (recipe.source.kind === 'images') {
    const resize = recipe.steps.find((s) => s.op === 'image-resize' && s.enabled)
    return resize?.op === 'image-resize'
      ? imageInput(resize)
      : tableInput(recipe.features?.length ?? 0)
  }
  const names = (recipe.features ?? []).map((f) => f.name)
  const flat = tableInput(names.length)
  const present = new Set(names)
  const target = recipe.target.column
  let mixed: { what: string; grid: readonly string[] } | null = null

  for (const [index, step] of recipe.steps.entries()) {
    if (!step.enabled) continue
    if (step.op === 'tokens' && step.fitted) {
      const grid = tokenGrid(step)
      const changed = laterStepReading(recipe.steps, index, new Set(grid))
      if (sameList(names, grid) && !changed) {
        const vocabularySize = step.fitted.vocabulary.length + RESERVED_IDS
        return {
          kind: 'tokens',
          shape: [step.sequenceLength],
          vocabularySize,
          description: `${count(step.sequenceLength, 'token id')}, vocabulary ${vocabularySize.toLocaleString('en-US')}`,
        }
      }
      if (grid.some((name) => present.has(name))) {
        if (changed && sameList(names, grid)) {
          return {
            ...flat,
            note: `The step "${changed.id}" (${changed.op}) changes the token ids of "${step.column}", so they are no longer word ids an Embedding can look up: the ids enter as plain numbers. Remove that step to use a text model.`,
          }
        }
        mixed = { what: `the token ids of "${step.column}"`, grid }
      }
    }
    if (step.op === 'windows') {
      const grid = windowGrid(step, target)
      const series = new Set(step.columns).size
      if (sameList(names, grid)) {
        return {
          kind: 'sequence',
          shape: [step.lookback, series],
          description: `${count(step.lookback, 'time step')} × ${count(series, 'series', 'series')}`,
        }
      }
      if (names.length === grid.length && grid.every((name) => present.has(name))) {
        return {
          ...flat,
          note: `The windows of this recipe were prepared in an older order, so they enter the network as one flat row. Prepare the data again to give it ${count(step.lookback, 'time step')} × ${count(series, 'series', 'series')}.`,
        }
      }
      if (grid.some((name) => present.has(name))) mixed = { what: 'the time-series windows', grid }
    }
  }
  return mixed ? { ...flat, note: mixedNote(mixed.what, mixed.grid, names) } : flat
}

/** "…", "…", "…" and 3 more. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => `"${n}"`)
  return `${shown.join(', ')}${names.length > 3 ? ` and ${count(names.length - 3, 'more')}` : ''}`
}

/** Why inputs that hold part of a sequence stay flat, and what would give the sequence shape. */
function mixedNote(what: string, grid: readonly string[], names: readonly string[]): string {
  const inGrid = new Set(grid)
  const others = names.filter((n) => !inGrid.has(n))
  if (others.length > 0) {
    return `The inputs mix ${what} with ${count(others.length, 'other column')} (${listed(others)}), so they enter the network as one flat row. For a sequence model (LSTM, Conv1D, Embedding), drop the other columns or switch off the steps that make them.`
  }
  const present = new Set(names)
  const missing = grid.filter((n) => !present.has(n))
  return `Part of ${what} is missing from the inputs (${listed(missing)}), so the rest cannot form a sequence and enters the network as one flat row. Keep every one of them for a sequence model (LSTM, Conv1D, Embedding).`
}
