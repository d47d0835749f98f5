import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCsv } from './table-csv'
import { DataError, parseDelimitedText } from '../core/table/parse-delimited'
import { cellLabel } from '../core/table/table'

// Characters that break naive CSV handling: quotes, delimiters of every kind, line breaks,
// markup, formula starts, characters outside the Basic Multilingual Plane. (A \r\n inside a
// cell of a file that also has bare \n is read as \n: the reader unifies mixed line endings.)
const tricky = fc.constantFrom(
  'a',
  'b',
  'Z',
  'é',
  '中',
  '😀',
  '"',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  ' ',
  "'",
  '<',
  '>',
  '&',
  '=',
  '\\',
)
// Text cells (a letter first and last, so no cell reads as a number, a date or a blank).
const cell = fc.string({ unit: tricky, maxLength: 10 }).map((inner) => `x${inner}y`)
const missingOr = fc.option(cell, { nil: null, freq: 6 })

describe('the CSV reader (fast-check)', () => {
  it('never fails on any text with anything but a DataError that says what to do', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(tricky, fc.string({ maxLength: 1 })), maxLength: 200 }),
        (text) => {
          try {
            const { table } = parseDelimitedText(text)
            for (const column of table.columns)
              expect(column.kind === 'numeric' ? column.values.length : column.codes.length).toBe(
                table.rowCount,
              )
          } catch (error) {
            expect(error).toBeInstanceOf(DataError)
            expect((error as Error).message.length).toBeGreaterThan(20)
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('reads back exactly what the studio’s CSV writer wrote: quotes, line breaks, delimiters, unicode, blanks', () => {
    const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
      fc.record({
        header: fc.uniqueArray(
          fc
            .string({
              unit: fc.constantFrom('a', 'b', 'c', 'Q', 'é', ' ', '_'),
              minLength: 1,
              maxLength: 6,
            })
            .map((s) => `col${s}x`),
          { minLength: width, maxLength: width, selector: (s) => s.trim().toLowerCase() },
        ),
        rows: fc.array(fc.array(missingOr, { minLength: width, maxLength: width }), {
          minLength: 1,
          maxLength: 12,
        }),
        bom: fc.boolean(),
      }),
    )
    fc.assert(
      fc.property(table, ({ header, rows, bom }) => {
        // Rows of blanks only are skipped by the reader, as a spreadsheet's trailing rows are.
        const kept = rows.filter((row) => row.some((c) => c !== null))
        fc.pre(kept.length > 0)
        const text = (bom ? '\uFEFF' : '') + toCsv(header, kept)
        const { table: read } = parseDelimitedText(text)
        expect(read.columns.map((c) => c.name)).toEqual(header.map((h) => h.trim()))
        expect(read.rowCount).toBe(kept.length)
        read.columns.forEach((column, j) => {
          const cells = Array.from({ length: read.rowCount }, (_, i) => cellLabel(column, i))
          expect(cells).toEqual(kept.map((row) => row[j] ?? null))
        })
      }),
      { numRuns: 400 },
    )
  })
})
