import type { StepDraft } from './draft'
import { quotedList } from './format'

/** Why the scale step standardises every column and never scales robustly; part of its reason. */
const STANDARD_NOT_ROBUST =
  'Standard rather than robust scaling: the long tails and stray values are handled by the steps above, and robust scaling (median and IQR) would leave mostly-zero columns, whose IQR is 0, unscaled.'

/** "a", "b", "c" and 58 more: long lists of columns stay readable in a reason. */
function namesOf(names: readonly string[], max = 6): string {
  if (names.length <= max) return quotedList(names)
  return `${quotedList(names.slice(0, max - 1))} and ${names.length - max + 1} more`
}

/**
 * One standard scaler for every numeric input, those in the data and those the steps made
 * (ordinal codes, frequencies, window lags, linear date parts); 0/1 one-hot and token ids stay.
 */
export function scaleStep(
  numeric: readonly string[],
  derived: readonly string[],
  tailsHandled: boolean,
): StepDraft | null {
  const columns = [...numeric, ...derived]
  if (columns.length === 0) return null
  const are = (names: readonly unknown[]) => (names.length > 1 ? 'are' : 'is')
  const what =
    numeric.length > 0
      ? `${namesOf(numeric)} ${are(numeric)} numeric${derived.length > 0 ? `, and so ${are(derived)} ${namesOf(derived, 4)}, made by the steps above` : ''}`
      : `${namesOf(derived)}, made by the steps above, ${are(derived)} numeric`
  return {
    op: 'scale',
    columns,
    method: 'standard',
    why: `${what}: scaled to mean 0 and standard deviation 1 on the training rows, so every input moves the network on a similar scale.${tailsHandled ? ` ${STANDARD_NOT_ROBUST}` : ''}`,
  }
}
