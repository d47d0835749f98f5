import { create } from 'zustand'
import type { BandKind } from './group-controls'

/**
 * The Fairness tab's column and band choices, kept here so that they survive a visit to another
 * tab (tabs unmount when left). Band widths are per column: 10 suits ages, not amounts.
 */
interface FairnessChoices {
  /** null until the analyst picks: the tab then proposes a column such as Age or Sex. */
  readonly column: string | null
  readonly bandKind: BandKind
  readonly bandCount: number
  readonly widths: Readonly<Record<string, number>>
  /** Multiclass only: the class read against the rest (binary follows the approve class). */
  readonly favourable: number
  readonly set: (choices: Partial<Omit<FairnessChoices, 'set'>>) => void
}

export const useFairnessChoices = create<FairnessChoices>()((set) => ({
  column: null,
  bandKind: 'quantile',
  bandCount: 4,
  widths: {},
  favourable: 0,
  set: (choices) => set(choices),
}))
