import {
  headlineKey,
  lowerIsBetter,
  type ComparedMetric,
} from '../../../core/evaluate/baselines/compare-baselines'
import { formatNumber } from '../../../ui/format'

/**
 * One sentence on whether the network beats the linear model on the task's headline metric: the
 * question "does it earn its complexity?" answered in plain words.
 */
export function metricsVerdict(
  rows: readonly ComparedMetric[],
  task: 'binary' | 'multiclass' | 'regression',
  linearName: string,
): string {
  const key = headlineKey(task)
  const row = rows.find((r) => r.key === key) ?? rows[0]
  if (!row) return ''
  if (row.linear === null || Number.isNaN(row.model))
    return `No ${linearName.toLowerCase()} could be fitted on these inputs, so compare the model with the prior baseline only.`
  const lower = lowerIsBetter(row.key)
  const gain = lower ? row.linear - row.model : row.model - row.linear
  const relative = row.linear === 0 ? null : Math.abs(gain / row.linear)
  const size = `${formatNumber(Math.abs(gain))}${relative === null ? '' : ` (${(relative * 100).toFixed(1)}%)`}`
  const pair = `${formatNumber(row.model)} against ${formatNumber(row.linear)}`
  if (Math.abs(gain) < 1e-9)
    return `On ${row.label} the network and the ${linearName.toLowerCase()} score the same (${formatNumber(row.model)}): the simpler model does as well.`
  if (gain > 0)
    return `On ${row.label} the network beats the ${linearName.toLowerCase()} by ${size}: ${pair}${lower ? ', lower is better' : ''}.`
  return `On ${row.label} the ${linearName.toLowerCase()} beats the network by ${size}: ${pair}${lower ? ', lower is better' : ''}. The simpler model is as good here; the network has not earned its complexity yet.`
}
