import { count, stat } from './format'
import type { Draft } from './draft'
import type { SeriesPlan } from './time-series'

/** Keeps the one series the windows follow, when the file holds several (one per symbol…). */
export function filterToSeries(plan: SeriesPlan): Draft<'filter-rows'> | null {
  const entity = plan.entity
  if (!entity) return null
  const shown = entity.series.slice(0, 6).map((s) => `${s.value} ${count(s.rows)} rows`)
  const more = entity.series.length > 6 ? ', …' : ''
  const top = entity.series[0]?.rows ?? 0
  const tied = entity.series.filter((s) => s.rows === top).length > 1
  return {
    op: 'filter-rows',
    column: entity.column,
    condition: { kind: 'in', values: [entity.value], keep: true },
    why: `The file holds ${entity.series.length} series, one per "${entity.column}" (${shown.join(', ')}${more}), each with its own dates. Time-series windows follow one series, so this keeps "${entity.value}", ${tied ? 'the first in the file of those with' : 'the one with'} the most rows. Choose another value here to forecast it instead.`,
  }
}

/** Why the series' own column goes once one series is kept. */
export function entityDropReason(plan: SeriesPlan): string | null {
  if (!plan.entity) return null
  return `"${plan.entity.column}" is "${plan.entity.value}" on every row kept, so it cannot tell rows apart.`
}

/** The inputs the windows step adds for the target: "<target> (t)", "<target> (t-1)"… */
export function lagNames(target: string, lookback: number): string[] {
  return [
    `${target} (t)`,
    ...Array.from({ length: lookback - 1 }, (_, k) => `${target} (t-${k + 1})`),
  ]
}

export function windowsFor(plan: SeriesPlan, target: string): Draft<'windows'> {
  const { cadence, lookback, horizon } = plan
  const unit = lookback === 1 ? cadence.period : cadence.periods
  const capped =
    lookback < cadence.lookback
      ? ` (${cadence.lookback} would suit ${cadence.label} data, but the series has only ${count(plan.rows)} rows)`
      : ''
  return {
    op: 'windows',
    orderBy: plan.dateColumn,
    columns: [target],
    lookback,
    horizon,
    stride: 1,
    why: `Ordered by "${plan.dateColumn}", "${target}" follows its own previous value closely (lag-1 autocorrelation ${stat(plan.autocorrelation)}): a series to forecast. The data is ${cadence.label} (median gap ${stat(cadence.medianGapDays)} days), so each row gets the last ${lookback} ${unit} of "${target}" as inputs (look-back ${lookback}${capped}) and the target becomes its value the next ${cadence.period} (horizon ${horizon}). Rows without that much history or future are left out.`,
  }
}
