import type { Table } from '../../table/table'
import type { StepOf } from '../step-schema'
import type { Parts } from './parts'

/**
 * A window's target is the value `horizon` rows ahead, so the last `horizon` training rows (in
 * time order) would learn targets from the validation or test period. Those rows leave the
 * training part: a purge gap, so no later value reaches training labels. Nothing changes when
 * no validation or test row comes after the training rows (everything in training).
 */
export function purgeTrainingGap(table: Table, step: StepOf<'windows'>, parts: Parts): Parts {
  if (parts.train.length === 0 || parts.validation.length + parts.test.length === 0) return parts
  const order = step.orderBy === null ? null : table.columns.find((c) => c.name === step.orderBy)
  const key = (row: number): number =>
    order?.kind === 'numeric' ? (order.values[row] as number) : row
  let latestTrain = Number.NEGATIVE_INFINITY
  for (const row of parts.train) latestTrain = Math.max(latestTrain, key(row))
  const later = [...parts.validation, ...parts.test].some((row) => key(row) > latestTrain)
  if (!later) return parts
  // Training rows from latest to earliest; ties keep file order, as the windows step orders them.
  const byTime = Array.from(parts.train).sort((a, b) => key(b) - key(a) || b - a)
  const purged = new Set(byTime.slice(0, step.horizon))
  return { ...parts, train: parts.train.filter((row) => !purged.has(row)) }
}
