import type { StepOp } from '../../core/recipe/step-schema'

/** Ops a table recipe can hold (image steps belong to image datasets). */
export type TableOp = Exclude<StepOp, 'image-resize' | 'image-normalise'>

export interface OpInfo {
  readonly op: TableOp
  readonly label: string
  /** One plain sentence for the Add step menu: what it does, not how. */
  readonly description: string
  readonly group:
    'Rows' | 'Missing values and types' | 'Encode categories' | 'Numbers' | 'Dates, text and time'
}

/** Every table op in the order a recipe usually runs them: rows first, then columns. */
export const TABLE_OPS: readonly OpInfo[] = [
  {
    op: 'drop-duplicates',
    label: 'Drop duplicate rows',
    description: 'Removes rows repeated in the chosen columns, keeping the first.',
    group: 'Rows',
  },
  {
    op: 'filter-rows',
    label: 'Filter rows',
    description: 'Keeps rows in a range or with chosen values; the rest leave every split.',
    group: 'Rows',
  },
  {
    op: 'outliers',
    label: 'Handle outliers',
    description: 'Clips values, or drops training rows, outside IQR or z-score bounds.',
    group: 'Rows',
  },
  {
    op: 'drop-columns',
    label: 'Drop columns',
    description: 'Leaves out identifiers, leaks and columns the model should not see.',
    group: 'Missing values and types',
  },
  {
    op: 'impute',
    label: 'Fill missing values',
    description: 'Mean, median, most frequent, a constant or the previous row, or drop the rows.',
    group: 'Missing values and types',
  },
  {
    op: 'cast',
    label: 'Change column type',
    description: 'Reads text of numbers as numbers, codes as categories, text as dates.',
    group: 'Missing values and types',
  },
  {
    op: 'one-hot',
    label: 'One-hot encode',
    description: 'One 0/1 input per category; rare ones can share an "other" input.',
    group: 'Encode categories',
  },
  {
    op: 'ordinal',
    label: 'Ordinal encode',
    description: 'Categories to 0, 1, 2… in an order you choose (grades, sizes).',
    group: 'Encode categories',
  },
  {
    op: 'frequency',
    label: 'Frequency encode',
    description: 'Each category becomes its share of the training rows: one input.',
    group: 'Encode categories',
  },
  {
    op: 'scale',
    label: 'Scale numbers',
    description: 'Standard, min-max or robust scaling, learned from the training rows.',
    group: 'Numbers',
  },
  {
    op: 'log1p',
    label: 'Log transform',
    description: 'log(1 + x) for amounts and counts with a long right tail.',
    group: 'Numbers',
  },
  {
    op: 'date-parts',
    label: 'Date parts',
    description: 'Year, month, weekday, hour… from a date column, optionally cyclical.',
    group: 'Dates, text and time',
  },
  {
    op: 'tokens',
    label: 'Text to tokens',
    description: 'Words to token ids from a training vocabulary, for text columns.',
    group: 'Dates, text and time',
  },
  {
    op: 'windows',
    label: 'Time-series windows',
    description: 'Past values as inputs and a target ahead, for forecasting.',
    group: 'Dates, text and time',
  },
]

const IMAGE_LABELS: Record<'image-resize' | 'image-normalise', string> = {
  'image-resize': 'Resize images',
  'image-normalise': 'Normalise pixels',
}

export function opLabel(op: StepOp): string {
  if (op === 'image-resize' || op === 'image-normalise') return IMAGE_LABELS[op]
  return TABLE_OPS.find((o) => o.op === op)?.label ?? op
}
