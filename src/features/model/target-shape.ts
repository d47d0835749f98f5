/** A Reshape target typed as "3, 4" or "-1, 8": the sizes, or what is wrong with the text. */
export function parseTargetShape(
  text: string,
): { readonly shape: number[] } | { readonly error: string } {
  // "3x4" and "3 × 4" read as "3, 4"; an x anywhere else is not a size.
  const parts = text
    .replace(/(\d)\s*[x×]\s*(?=-?\d)/gi, '$1,')
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) return { error: 'Type the sizes of the new shape, such as "3, 4".' }
  if (parts.length > 3) return { error: 'A row can have at most 3 sizes, such as "4, 4, 2".' }
  const shape = parts.map(Number)
  if (shape.some((n) => !Number.isInteger(n) || (n < 1 && n !== -1))) {
    return { error: 'Sizes are whole numbers of 1 or more; one of them may be -1 (worked out).' }
  }
  if (shape.filter((n) => n === -1).length > 1) {
    return { error: 'Only one size may be -1: the others decide what it is.' }
  }
  return { shape }
}

export function formatTargetShape(shape: readonly number[]): string {
  return shape.join(', ')
}
