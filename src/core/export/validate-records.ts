import type { RawRecord } from '../table/records'
import type { InputColumn } from './input-schema'

/** One thing wrong with rows sent for scoring, said so that the sender can fix it. */
export interface RecordProblem {
  /** 0-based position of the record; null when the problem is the input as a whole. */
  readonly row: number | null
  readonly column: string | null
  readonly message: string
}

export type RecordsCheck =
  | {
      readonly ok: true
      readonly records: RawRecord[]
      /** Worth knowing, not blocking: a value outside the training range, an unseen category. */
      readonly warnings: RecordProblem[]
    }
  | { readonly ok: false; readonly errors: RecordProblem[] }

/**
 * Checks records sent for scoring (the form, a batch file, `POST /predict`): an array of
 * objects, each value of its column's kind. Wrong input is refused with every reason, never
 * scored as zeros.
 */
export function validateRecords(schema: readonly InputColumn[], input: unknown): RecordsCheck {
  // Placeholder until the runtime helper lands the checks.
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void schema
  if (!Array.isArray(input))
    return {
      ok: false,
      errors: [{ row: null, column: null, message: 'Send an array of records.' }],
    }
  return { ok: true, records: input as RawRecord[], warnings: [] }
}
