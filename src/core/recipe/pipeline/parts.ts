/** Row numbers of the training, validation and test data while a recipe is being prepared. */
export interface Parts {
  readonly train: Int32Array
  readonly validation: Int32Array
  readonly test: Int32Array
}

export type PartName = keyof Parts

export const PART_NAMES: readonly PartName[] = ['train', 'validation', 'test']

/** Every live row, ascending: what a step applies to. */
export function liveRows(parts: Parts): Int32Array {
  const all = new Int32Array(parts.train.length + parts.validation.length + parts.test.length)
  all.set(parts.train, 0)
  all.set(parts.validation, parts.train.length)
  all.set(parts.test, parts.train.length + parts.validation.length)
  return all.sort()
}

export function withoutRows(rows: Int32Array, remove: Uint8Array): Int32Array {
  return rows.filter((row) => remove[row] !== 1)
}
