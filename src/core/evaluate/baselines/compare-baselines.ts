import type { Metric } from '../metrics'

/** Metrics where a smaller number is better: losses and errors. */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['logLoss', 'brier', 'mae', 'rmse', 'mape'])

export function lowerIsBetter(key: string): boolean {
  return LOWER_IS_BETTER.has(key)
}

export type Contender = 'model' | 'linear' | 'prior'

export interface ComparedMetric {
  readonly key: string
  readonly label: string
  readonly model: number
  readonly linear: number | null
  readonly prior: number | null
  /** Who scores best on this row (ties go to the simpler predictor); null when none has a number. */
  readonly best: Contender | null
}

function valueOf(metrics: readonly Metric[] | null, key: string): number | null {
  const value = metrics?.find((m) => m.key === key)?.value
  return value === undefined || Number.isNaN(value) ? null : value
}

/**
 * The model's metrics beside the same metrics of the linear and prior baselines, matched by key
 * (the lists may differ in length or order between versions of the metric set).
 */
export function compareMetrics(
  model: readonly Metric[],
  linear: readonly Metric[] | null,
  prior: readonly Metric[] | null,
): ComparedMetric[] {
  return model.map((m) => {
    const values: Record<Contender, number | null> = {
      model: Number.isNaN(m.value) ? null : m.value,
      linear: valueOf(linear, m.key),
      prior: valueOf(prior, m.key),
    }
    const sign = lowerIsBetter(m.key) ? -1 : 1
    let best: Contender | null = null
    // Simplest first, so the model only "wins" a row it beats outright.
    for (const who of ['prior', 'linear', 'model'] as const) {
      const v = values[who]
      if (v === null) continue
      const current = best === null ? null : values[best]
      if (current === null || sign * v > sign * current) best = who
    }
    return {
      key: m.key,
      label: m.label,
      model: m.value,
      linear: values.linear,
      prior: values.prior,
      best,
    }
  })
}

/** The one number a task is judged by first: ROC AUC for classes, RMSE for numbers. */
export function headlineKey(task: 'binary' | 'multiclass' | 'regression'): string {
  return task === 'regression' ? 'rmse' : 'auc'
}
