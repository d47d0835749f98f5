import { cellNumber } from './column-builder'
import { isMissingText } from './infer'

const isNumber = (cell: string): boolean => !Number.isNaN(cellNumber(cell))
const isText = (cell: string): boolean => !isMissingText(cell) && !isNumber(cell)

/** Integers a wide financial table uses as column names: 2019, 2020, 2021. */
const looksLikeYear = (cell: string): boolean => /^\s*(19|20)\d\d\s*$/.test(cell)

/**
 * Whether the first row is data rather than column names. A header is text; so the first row is
 * data when it holds a number somewhere (years excepted: "region,2023,2024" is a header) and no
 * column has a text first cell above numbers ("age" above 31, 45 …, the surest header sign).
 */
export function firstRowIsData(
  first: readonly string[],
  rest: readonly (readonly string[])[],
): boolean {
  if (rest.length === 0) return false
  const numbers = first.filter(isNumber)
  if (numbers.length === 0 || numbers.every(looksLikeYear)) return false
  return first.every((cell, c) => {
    if (!isText(cell)) return true
    const below = rest.map((row) => row[c] ?? '').filter((v) => !isMissingText(v))
    return below.length === 0 || !below.every(isNumber)
  })
}
