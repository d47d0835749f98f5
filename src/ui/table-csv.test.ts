import { describe, expect, it } from 'vitest'
import { toCsv } from './table-csv'

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and leaves missing cells empty', () => {
    expect(
      toCsv(
        ['name', 'note'],
        [
          ['a,b', 'say "hi"'],
          ['two\nlines', null],
        ],
      ),
    ).toBe('name,note\r\n"a,b","say ""hi"""\r\n"two\nlines",\r\n')
  })

  it('defuses text a spreadsheet would run as a formula but keeps negative numbers', () => {
    expect(toCsv(['v'], [['=1+1'], ['@SUM(A1)'], ['-2+3'], [-0.25], [Number.NaN]])).toBe(
      "v\r\n'=1+1\r\n'@SUM(A1)\r\n'-2+3\r\n-0.25\r\n\r\n",
    )
  })
})
