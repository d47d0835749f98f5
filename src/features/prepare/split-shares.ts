import type { SplitSpec } from '../../core/recipe/recipe-schema'

export interface SharesInPercent {
  readonly train: number | null
  readonly validation: number | null
  readonly test: number | null
}

export type SharesCheck =
  | { readonly ok: true; readonly split: Pick<SplitSpec, 'train' | 'validation' | 'test'> }
  | { readonly ok: false; readonly message: string }

export function percentOf(share: number): number {
  return Math.round(share * 1000) / 10
}

/**
 * The split shares typed as percentages, checked before they reach the recipe: train and test
 * need rows, validation may be empty, and together they must make 100%.
 */
export function checkShares({ train, validation, test }: SharesInPercent): SharesCheck {
  if (train === null || validation === null || test === null)
    return { ok: false, message: 'Fill in train, validation and test percentages.' }
  if (train <= 0 || test <= 0)
    return { ok: false, message: 'Train and test each need more than 0%.' }
  if (validation < 0) return { ok: false, message: 'Validation cannot be below 0%.' }
  const sum = train + validation + test
  // Tenths of a percent are the finest step offered: compare in those to avoid float noise.
  if (Math.round(sum * 10) !== 1000) {
    return {
      ok: false,
      message: `Train, validation and test add up to ${percentOf(sum / 100)}%: make them 100% (not applied yet).`,
    }
  }
  return { ok: true, split: { train: train / 100, validation: validation / 100, test: test / 100 } }
}
