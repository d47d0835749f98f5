import type { RunEnd } from '../../state/training-slice'

const epochsWord = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`

/**
 * Why early stopping ended a run, in a sentence: "Stopped early at epoch 14: validation loss had
 * not improved for 5 epochs; weights of epoch 9 restored."
 */
export function earlyStopText(end: RunEnd, epochsRun: number, validated: boolean): string {
  const watched = validated ? 'validation loss' : 'training loss'
  const early = end.earlyStopping
  const by = early && early.minDelta > 0 ? ` by more than ${early.minDelta}` : ''
  const wait = early ? ` for ${epochsWord(early.patience)}` : ''
  const restored =
    end.restoredEpoch === null ? '' : `; weights of epoch ${end.restoredEpoch} restored`
  return `Stopped early at epoch ${epochsRun}: ${watched} had not improved${by}${wait}${restored}.`
}
