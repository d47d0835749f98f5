import type { EpochMetric } from '../../core/train/train-config'
import type { Series } from './curve-data'

export const METRIC_LABELS: Record<EpochMetric, string> = {
  accuracy: 'Accuracy',
  auc: 'AUC',
  precision: 'Precision',
  recall: 'Recall',
  mae: 'MAE',
  rmse: 'RMSE',
}

/** "Loss", "AUC": a series as a heading. */
export function seriesTitle(series: Series): string {
  return series === 'loss' ? 'Loss' : METRIC_LABELS[series]
}

/** "loss", "AUC": a series inside a sentence (acronyms keep their capitals). */
export function seriesNoun(series: Series): string {
  const title = seriesTitle(series)
  return title === title.toUpperCase() ? title : title.toLowerCase()
}
