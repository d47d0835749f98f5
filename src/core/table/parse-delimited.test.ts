import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DataError, parseDelimitedText } from './parse-delimited'
import { findColumn, MISSING_CODE, type Table } from './table'

function dataset(name: string): string {
  return readFileSync(new URL(`../../../public/datasets/${name}`, import.meta.url), 'utf8')
}

function numbers(table: Table, name: string): number[] {
  const column = findColumn(table, name)
  if (column.kind !== 'numeric') throw new Error(`${name} is ${column.kind}, expected numeric`)
  return Array.from(column.values)
}

/** The cells of a categorical column as text, null where missing. */
function texts(table: Table, name: string): (string | null)[] {
  const column = findColumn(table, name)
  if (column.kind !== 'categorical')
    throw new Error(`${name} is ${column.kind}, expected categorical`)
  return Array.from(column.codes, (code) =>
    code === MISSING_CODE ? null : (column.categories[code] ?? 'BAD CODE'),
  )
}

function names(table: Table): string[] {
  return table.columns.map((c) => c.name)
}

/** The DataError a parse throws, so a test can check both its type and its advice. */
function parseError(text: string): DataError {
  try {
    parseDelimitedText(text)
  } catch (error) {
    if (error instanceof DataError) return error
    throw error
  }
  throw new Error('expected parseDelimitedText to throw a DataError')
}

describe('parseDelimitedText: delimiters', () => {
  it('reads a comma-separated file', () => {
    const { table, warnings } = parseDelimitedText('a,b,c\n1,2,x\n3,4.5,y\n')
    expect(names(table)).toEqual(['a', 'b', 'c'])
    expect(table.rowCount).toBe(2)
    expect(numbers(table, 'b')).toEqual([2, 4.5])
    expect(texts(table, 'c')).toEqual(['x', 'y'])
    expect(warnings).toEqual([])
  })

  it('detects a semicolon-separated file (a European spreadsheet export)', () => {
    const { table } = parseDelimitedText('name;amount;city\nAnn;1.5;Paris\nBob;2;Rome\nCy;3;Oslo\n')
    expect(names(table)).toEqual(['name', 'amount', 'city'])
    expect(numbers(table, 'amount')).toEqual([1.5, 2, 3])
    expect(texts(table, 'city')).toEqual(['Paris', 'Rome', 'Oslo'])
  })

  it('detects a tab-separated file, even when cells contain commas', () => {
    const { table } = parseDelimitedText('id\tnote\tvalue\n1\tred, big\t10\n2\tblue\t20\n')
    expect(names(table)).toEqual(['id', 'note', 'value'])
    expect(texts(table, 'note')).toEqual(['red, big', 'blue'])
    expect(numbers(table, 'value')).toEqual([10, 20])
  })

  it('reads Windows line endings', () => {
    const { table } = parseDelimitedText('a,b\r\n1,2\r\n3,4\r\n')
    expect(numbers(table, 'b')).toEqual([2, 4])
  })
})

describe('parseDelimitedText: quoting and encoding', () => {
  it('keeps commas, newlines and doubled quotes inside quoted fields in one cell', () => {
    const text = 'id,comment,score\n1,"Hello, world\nsecond line",5\n2,"She said ""hi""",6\n'
    const { table, warnings } = parseDelimitedText(text)
    expect(table.rowCount).toBe(2)
    expect(texts(table, 'comment')).toEqual(['Hello, world\nsecond line', 'She said "hi"'])
    expect(numbers(table, 'score')).toEqual([5, 6])
    expect(warnings).toEqual([])
  })

  it('strips a byte-order mark so the first header is not renamed', () => {
    const { table } = parseDelimitedText('\uFEFFid,value\n1,2\n')
    expect(names(table)).toEqual(['id', 'value'])
    expect(numbers(table, 'id')).toEqual([1])
  })

  it('skips blank lines instead of reading them as rows of missing values', () => {
    const { table } = parseDelimitedText('a,b\n1,2\n\n3,4\n   \n')
    expect(table.rowCount).toBe(2)
    expect(numbers(table, 'a')).toEqual([1, 3])
  })
})

describe('parseDelimitedText: files that cannot be loaded', () => {
  it.each([
    ['an empty file', ''],
    ['only blank lines', '  \n\n\t\n'],
    ['only a byte-order mark', '\uFEFF'],
  ])('rejects %s and says what to choose instead', (_, text) => {
    const error = parseError(text)
    expect(error.name).toBe('DataError')
    expect(error.message).toMatch(/empty/i)
    expect(error.message).toMatch(/CSV/)
  })

  it('rejects a header without data rows and asks for rows', () => {
    const error = parseError('a,b,c\n')
    expect(error.message).toMatch(/no data rows/i)
    expect(error.message).toMatch(/add at least/i)
  })

  it('rejects a binary file (NUL bytes) and suggests exporting as CSV', () => {
    const zipLike =
      'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000 some,compressed,bytes\n1,2,3\n'
    const error = parseError(zipLike)
    expect(error.message).toMatch(/binary/i)
    expect(error.message).toMatch(/Export your data as CSV/)
  })
})

describe('parseDelimitedText: headers', () => {
  it('renames repeated headers and says so, keeping each value under its own column', () => {
    const { table, warnings } = parseDelimitedText('a,a,b,a\n1,2,3,4\n')
    expect(names(table)).toEqual(['a', 'a_2', 'b', 'a_3'])
    expect(numbers(table, 'a')).toEqual([1])
    expect(numbers(table, 'a_2')).toEqual([2])
    expect(numbers(table, 'a_3')).toEqual([4])
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('"a_2"')
    expect(warnings[1]).toContain('"a_3"')
  })

  it('does not collide a renamed header with an existing one', () => {
    const { table } = parseDelimitedText('a,a_2,a\n1,2,3\n')
    expect(names(table)).toEqual(['a', 'a_2', 'a_3'])
    expect(new Set(names(table)).size).toBe(3)
  })

  it('names empty headers by position and warns about each', () => {
    const { table, warnings } = parseDelimitedText('x,,y, \n1,2,3,4\n')
    expect(names(table)).toEqual(['x', 'column_2', 'y', 'column_4'])
    expect(numbers(table, 'column_2')).toEqual([2])
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/Column 2 had no header/)
    expect(warnings[1]).toMatch(/Column 4 had no header/)
  })

  it('trims spaces around header names', () => {
    const { table } = parseDelimitedText(' age , income\n30,1000\n')
    expect(names(table)).toEqual(['age', 'income'])
  })
})

describe('parseDelimitedText: ragged rows', () => {
  it('pads short rows with missing cells and cuts long rows, with a warning for each kind', () => {
    const { table, warnings } = parseDelimitedText('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n')
    expect(table.rowCount).toBe(4)
    expect(numbers(table, 'a')).toEqual([1, 4, 6, 10])
    expect(numbers(table, 'c')).toEqual([3, Number.NaN, 8, 12])
    expect(names(table)).toEqual(['a', 'b', 'c'])
    expect(warnings).toHaveLength(2)
    expect(warnings.find((w) => w.includes('fewer'))).toMatch(/^1 row\(s\)/)
    expect(warnings.find((w) => w.includes('more'))).toMatch(/^1 row\(s\).*ignored/)
  })
})

describe('parseDelimitedText: missing values and column kinds', () => {
  it('reads the usual missing-value tokens as NaN (numbers) or -1 (categories)', () => {
    const text = 'num,cat\n1,a\nNA,?\n,b\n?,\nn/a,NULL\n4,-\n#N/A,nan\n'
    const { table } = parseDelimitedText(text)
    expect(findColumn(table, 'num').kind).toBe('numeric')
    expect(numbers(table, 'num')).toEqual([1, NaN, NaN, NaN, NaN, 4, NaN])
    const cat = findColumn(table, 'cat')
    if (cat.kind !== 'categorical') throw new Error('cat should be categorical')
    expect(Array.from(cat.codes)).toEqual([0, -1, 1, -1, -1, -1, -1])
    expect(cat.categories).toEqual(['a', 'b'])
  })

  it('infers numeric only when every present cell is a number', () => {
    const text = 'int,float,sci,spaced,mixed,words\n1,1.5,1e3, 7 ,1,yes\n2,-2.25,2E-2,8,two,no\n'
    const { table } = parseDelimitedText(text)
    const kinds = Object.fromEntries(table.columns.map((c) => [c.name, c.kind]))
    expect(kinds).toEqual({
      int: 'numeric',
      float: 'numeric',
      sci: 'numeric',
      spaced: 'numeric',
      mixed: 'categorical',
      words: 'categorical',
    })
    expect(numbers(table, 'sci')).toEqual([1000, 0.02])
    expect(numbers(table, 'spaced')).toEqual([7, 8])
    expect(texts(table, 'mixed')).toEqual(['1', 'two'])
  })

  it('makes a column with no values at all categorical and entirely missing', () => {
    const { table } = parseDelimitedText('id,empty\n1,\n2,NA\n')
    expect(texts(table, 'empty')).toEqual([null, null])
  })
})

describe('parseDelimitedText: the bundled datasets', () => {
  it('reads GermanCredit: 1000 rows, 62 columns, only the target is categorical', () => {
    const { table, warnings } = parseDelimitedText(dataset('GermanCredit.csv'))
    expect(table.rowCount).toBe(1000)
    expect(table.columns).toHaveLength(62)
    expect(warnings).toEqual([])
    expect(table.columns.filter((c) => c.kind === 'categorical').map((c) => c.name)).toEqual([
      'Class',
    ])
    expect(numbers(table, 'Amount').slice(0, 2)).toEqual([1169, 5951])
  })

  it('reads CreditCard: 1319 rows with categorical card, owner and selfemp', () => {
    const { table, warnings } = parseDelimitedText(dataset('CreditCard.csv'))
    expect(table.rowCount).toBe(1319)
    expect(warnings).toEqual([])
    expect(table.columns.filter((c) => c.kind === 'categorical').map((c) => c.name)).toEqual([
      'card',
      'owner',
      'selfemp',
    ])
    expect(numbers(table, 'age')[0]).toBe(37.66667)
    expect(texts(table, 'owner').filter((v) => v === 'yes')).toHaveLength(581)
  })
})
