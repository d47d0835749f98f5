import { readFileSync } from 'node:fs'
import { outputHead } from '../model/head'
import { prepareTrainingJob } from '../recipe/prepare-job'
import { proposeRecipe } from '../recipe/propose'
import { parseDelimitedText } from '../table/parse-delimited'
import type { Table } from '../table/table'
import type { TrainControl } from './engine'
import type { TrainingEvent } from './training-job'

/** A bundled dataset as parsed text (every column as read, no types inferred). For Node tests. */
export function bundledDataset(name: string): Table {
  const text = readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
  return parseDelimitedText(text).table
}

/** German credit as the Train step prepares it by default, for the engine's Node tests. */
export function germanCreditJob() {
  const german = bundledDataset('GermanCredit.csv')
  const { job } = prepareTrainingJob(
    proposeRecipe(german, 'GermanCredit.csv', 'Class'),
    german,
    'cpu',
  )
  return { job, head: outputHead(job.recipe.target) }
}

/** A run nobody pauses or stops. */
export const runFreely: TrainControl = {
  shouldStop: () => false,
  waitWhilePaused: () => Promise.resolve(),
}

/** Event types in order, without the per-batch losses (a few per epoch, as the engine chunks them). */
export function eventKinds(seen: readonly TrainingEvent[]): TrainingEvent['type'][] {
  return seen.map((e) => e.type).filter((t) => t !== 'batches')
}
