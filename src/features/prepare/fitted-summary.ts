import type { Step } from '../../core/recipe/step-schema'
import { formatNumber } from '../../ui/format'

/** Columns or categories listed before the rest are counted. */
const SHOWN = 4

function listed(items: readonly string[], noun: string): string {
  const head = items.slice(0, SHOWN).join(', ')
  const more = items.length - SHOWN
  return more > 0 ? `${head} and ${more.toLocaleString('en-US')} more ${noun}` : head
}

const fmt = (v: number) => formatNumber(v, 3)

/**
 * What a fitted step learned from the training rows, in a line or two an analyst can check
 * against their own numbers: a scaler's centre and scale, the categories kept, the fills.
 * Empty for steps that learn nothing (and for steps not fitted yet).
 */
export function fittedSummary(step: Step): string[] {
  switch (step.op) {
    case 'scale': {
      const params = step.fitted?.params ?? []
      if (params.length === 0) return []
      return [
        listed(
          params.map((p) => `${p.column}: centre ${fmt(p.center)}, scale ${fmt(p.scale)}`),
          'columns',
        ),
      ]
    }
    case 'one-hot': {
      const fitted = step.fitted
      if (!fitted) return []
      const n = fitted.categories.length
      return [
        `${n} ${n === 1 ? 'category' : 'categories'}${fitted.other ? ' + other' : ''}: ${listed(fitted.categories, 'categories')}`,
      ]
    }
    case 'ordinal': {
      const categories = step.fitted?.categories ?? []
      if (categories.length === 0) return []
      return [
        listed(
          categories.map((c, i) => `${c} → ${i}`),
          'categories',
        ),
      ]
    }
    case 'frequency': {
      const fitted = step.fitted
      if (!fitted) return []
      return [
        listed(
          fitted.categories.map(
            (c, i) => `${c} ${((fitted.frequencies[i] ?? 0) * 100).toFixed(1)}%`,
          ),
          'categories',
        ),
      ]
    }
    case 'impute': {
      const fills = step.fitted?.fills ?? []
      if (fills.length === 0) return []
      const value = (v: number | string | null) =>
        v === null ? 'nothing' : typeof v === 'number' ? fmt(v) : `"${v}"`
      return [
        listed(
          fills.map((f) => `${f.column} → ${value(f.value)}`),
          'columns',
        ),
      ]
    }
    case 'outliers': {
      const bounds = step.fitted?.bounds ?? []
      if (bounds.length === 0) return []
      return [
        listed(
          bounds.map((b) => `${b.column}: ${fmt(b.low)} to ${fmt(b.high)}`),
          'columns',
        ),
      ]
    }
    case 'cast': {
      const order = step.fitted?.dayMonthOrder
      return order ? [`Dates read ${order === 'day-first' ? 'day first' : 'month first'}`] : []
    }
    case 'tokens': {
      const vocabulary = step.fitted?.vocabulary ?? []
      if (vocabulary.length === 0) return []
      return [
        `Vocabulary of ${vocabulary.length.toLocaleString('en-US')} words: ${listed(vocabulary, 'words')}`,
      ]
    }
    case 'image-normalise': {
      const fitted = step.fitted
      if (!fitted) return []
      return [`Mean ${fitted.mean.map(fmt).join(', ')}; std ${fitted.std.map(fmt).join(', ')}`]
    }
    default:
      return []
  }
}
