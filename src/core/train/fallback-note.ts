import { BACKEND_LABELS, type BackendName } from './backend-names'

/** What the Train step says after a fallback (plain text: the page imports it without tfjs). */
export function fallbackNote(from: BackendName, to: BackendName, epoch: number, reason: string) {
  const where = epoch === 0 ? 'from the start' : `from the checkpoint of epoch ${epoch}`
  return `${BACKEND_LABELS[from]} failed during training (${reason}); training went on with ${BACKEND_LABELS[to]} ${where}.`
}
