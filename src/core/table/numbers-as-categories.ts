import { MISSING_CODE, type CategoricalColumn, type NumericColumn } from './table'

/**
 * Each distinct number becomes one category, labelled as it prints ("1", "2.5") or as `label`
 * writes it (a date); missing stays missing. Codes follow first appearance.
 */
export function numbersAsCategories(
  column: NumericColumn,
  label: (value: number) => string = String,
): CategoricalColumn {
  const index = new Map<number, number>()
  const categories: string[] = []
  const codes = new Int32Array(column.values.length)
  column.values.forEach((v, row) => {
    if (Number.isNaN(v)) {
      codes[row] = MISSING_CODE
      return
    }
    let code = index.get(v)
    if (code === undefined) {
      code = categories.length
      index.set(v, code)
      categories.push(label(v))
    }
    codes[row] = code
  })
  return { name: column.name, kind: 'categorical', codes, categories }
}
