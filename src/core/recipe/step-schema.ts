import { z } from '../zod'

/**
 * The preparation steps a recipe can hold. Each step is plain JSON: the analyst's settings, and
 * once fitted on the training rows, the statistics it learned (`fitted`). Steps run in list
 * order, each on the table the steps before it produced; a step switched off (`enabled: false`)
 * is kept in the recipe but skipped.
 */

const base = {
  /** Stable within a recipe: React keys, the selected step, error messages. */
  id: z.string().min(1),
  enabled: z.boolean(),
  /** Why the auto recipe proposed this step; absent for steps the analyst added. */
  why: z.string().optional(),
}

const columns = z.array(z.string()).min(1)
const finite = z.number().refine(Number.isFinite, 'must be a finite number')

/** Removes rows identical in the given columns (all columns when empty), keeping the first. */
export const dropDuplicatesSchema = z.object({
  ...base,
  op: z.literal('drop-duplicates'),
  columns: z.array(z.string()),
})

export const dropColumnsSchema = z.object({
  ...base,
  op: z.literal('drop-columns'),
  columns,
})

export const filterConditionSchema = z.discriminatedUnion('kind', [
  /** Keeps rows with min ≤ value ≤ max (either bound may be open); missing values fail. */
  z.object({ kind: z.literal('range'), min: finite.nullable(), max: finite.nullable() }),
  /** Keeps (keep: true) or removes (keep: false) rows whose value is one of `values`. */
  z.object({ kind: z.literal('in'), values: z.array(z.string()).min(1), keep: z.boolean() }),
  /** Keeps (keep: true) or removes (keep: false) rows where the value is missing. */
  z.object({ kind: z.literal('missing'), keep: z.boolean() }),
])

/** Rows outside the condition are removed from every split (a population choice, not a statistic). */
export const filterRowsSchema = z.object({
  ...base,
  op: z.literal('filter-rows'),
  column: z.string(),
  condition: filterConditionSchema,
})

const boundsSchema = z.object({ column: z.string(), low: finite, high: finite })

/**
 * Bounds from the training rows: IQR [q1 − t·IQR, q3 + t·IQR] or z-score mean ± t·std
 * (population std). `drop` removes training rows outside them (validation and test keep every
 * row, so the metrics describe the data the model will meet); `clip` caps values everywhere.
 */
export const outliersSchema = z.object({
  ...base,
  op: z.literal('outliers'),
  columns,
  method: z.enum(['iqr', 'z-score']),
  threshold: z.number().positive(),
  action: z.enum(['drop', 'clip']),
  fitted: z.object({ bounds: z.array(boundsSchema) }).optional(),
})

export const IMPUTE_STRATEGIES = [
  'drop-rows',
  'mean',
  'median',
  'mode',
  'constant',
  'forward-fill',
] as const

const fillValue = z.union([finite, z.string()]).nullable()

/**
 * Fills (or drops rows with) missing values. `fitted.fills` holds, per column, the value a
 * missing cell becomes; for `drop-rows` and `forward-fill` it is the fallback used where nothing
 * can be dropped or carried forward (a row typed into the predict form, the first row).
 * `indicator` adds a 0/1 column "<column> was missing" before filling.
 */
export const imputeSchema = z.object({
  ...base,
  op: z.literal('impute'),
  columns,
  strategy: z.enum(IMPUTE_STRATEGIES),
  constant: z.union([finite, z.string()]).optional(),
  indicator: z.boolean(),
  fitted: z
    .object({ fills: z.array(z.object({ column: z.string(), value: fillValue })) })
    .optional(),
})

/** Changes how a column is read: text of numbers to numbers, codes to categories, text to dates. */
export const castSchema = z.object({
  ...base,
  op: z.literal('cast'),
  column: z.string(),
  to: z.enum(['numeric', 'categorical', 'datetime']),
  /** For text → datetime: the day/month order learned from the training rows. */
  fitted: z.object({ dayMonthOrder: z.enum(['day-first', 'month-first']).nullable() }).optional(),
})

/**
 * One 0/1 input per training category ("<column>=<category>"). With `maxCategories` (which
 * counts the other input, as scikit-learn's `max_categories`), only the `maxCategories − 1` most
 * frequent get their own input and the rest share "<column>=other". A category never
 * seen in training goes to "other" (unseen: 'other', when there is an other input) or turns
 * every input off (unseen: 'zeros'). A missing value turns every input off.
 */
export const oneHotSchema = z.object({
  ...base,
  op: z.literal('one-hot'),
  column: z.string(),
  maxCategories: z.number().int().min(1).nullable(),
  unseen: z.enum(['other', 'zeros']),
  fitted: z
    .object({
      categories: z.array(z.string()),
      other: z.boolean(),
      /** Training categories that share "other"; absent in recipes saved before it was kept. */
      infrequent: z.array(z.string()).optional(),
    })
    .optional(),
})

/** Categories to 0, 1, 2… in the given order (sorted training categories when null); unseen → `unseenValue`. */
export const ordinalSchema = z.object({
  ...base,
  op: z.literal('ordinal'),
  column: z.string(),
  order: z.array(z.string()).nullable(),
  unseenValue: finite,
  fitted: z.object({ categories: z.array(z.string()) }).optional(),
})

/** Each category becomes its share of the training rows with a value (pandas value_counts(normalize=True)); unseen or missing → 0. */
export const frequencySchema = z.object({
  ...base,
  op: z.literal('frequency'),
  column: z.string(),
  fitted: z
    .object({ categories: z.array(z.string()), frequencies: z.array(z.number().min(0).max(1)) })
    .optional(),
})

/**
 * (x − center) / scale per column. standard: mean and population std; min-max: min and range;
 * robust: median and IQR. A zero scale becomes 1, as in scikit-learn. Missing stays missing.
 */
export const scaleSchema = z.object({
  ...base,
  op: z.literal('scale'),
  columns,
  method: z.enum(['standard', 'min-max', 'robust']),
  fitted: z
    .object({
      params: z.array(
        z.object({ column: z.string(), center: finite, scale: finite.refine((v) => v !== 0) }),
      ),
    })
    .optional(),
})

/** log(1 + x), for money amounts and counts with a long right tail; x ≤ −1 becomes missing. */
export const log1pSchema = z.object({
  ...base,
  op: z.literal('log1p'),
  columns,
})

export const DATE_PARTS = [
  'year',
  'quarter',
  'month',
  'day',
  'weekday',
  'day-of-year',
  'hour',
  'minute',
] as const

/**
 * A date column (epoch ms, UTC) to numeric parts named "<column>.<part>"; with `cyclical`,
 * month, weekday, hour and day-of-year become sine/cosine pairs so December sits next to January.
 * The date column itself is removed.
 */
export const datePartsSchema = z.object({
  ...base,
  op: z.literal('date-parts'),
  column: z.string(),
  parts: z.array(z.enum(DATE_PARTS)).min(1),
  cyclical: z.boolean(),
})

/**
 * Text to a fixed-length sequence of token ids "<column>[0]"…: 0 pads, 1 is out of vocabulary,
 * 2… are the training vocabulary by frequency. The text column itself is removed.
 */
export const tokensSchema = z.object({
  ...base,
  op: z.literal('tokens'),
  column: z.string(),
  vocabularySize: z.number().int().min(2).max(100_000),
  sequenceLength: z.number().int().min(1).max(1024),
  lowercase: z.boolean(),
  fitted: z.object({ vocabulary: z.array(z.string()) }).optional(),
})

/**
 * Time-series windows for forecasting: rows ordered by `orderBy` (file order when null) form a
 * series; each column gets lag inputs "<column> (t-k)" for k = 1…lookback − 1 (the target's own
 * current value becomes "<target> (t)"), and the target becomes its value `horizon` rows ahead.
 * Rows without the full history or future are removed; `stride` keeps every n-th window.
 */
export const windowsSchema = z.object({
  ...base,
  op: z.literal('windows'),
  orderBy: z.string().nullable(),
  columns,
  lookback: z.number().int().min(1).max(365),
  horizon: z.number().int().min(1).max(365),
  stride: z.number().int().min(1).max(365),
})

/** Image datasets: every picture resized to width × height with 1 (grey) or 3 (RGB) channels. */
export const imageResizeSchema = z.object({
  ...base,
  op: z.literal('image-resize'),
  width: z.number().int().min(4).max(512),
  height: z.number().int().min(4).max(512),
  channels: z.union([z.literal(1), z.literal(3)]),
  /** stretch ignores the aspect ratio; contain pads; cover crops the centre. */
  fit: z.enum(['stretch', 'contain', 'cover']),
})

/** Pixels 0…255 to 0…1 (unit), −1…1 (symmetric) or per-channel mean/std of the training images (standard). */
export const imageNormaliseSchema = z.object({
  ...base,
  op: z.literal('image-normalise'),
  method: z.enum(['unit', 'symmetric', 'standard']),
  fitted: z.object({ mean: z.array(finite), std: z.array(finite) }).optional(),
})

export const stepSchema = z.discriminatedUnion('op', [
  dropDuplicatesSchema,
  dropColumnsSchema,
  filterRowsSchema,
  outliersSchema,
  imputeSchema,
  castSchema,
  oneHotSchema,
  ordinalSchema,
  frequencySchema,
  scaleSchema,
  log1pSchema,
  datePartsSchema,
  tokensSchema,
  windowsSchema,
  imageResizeSchema,
  imageNormaliseSchema,
])

export type Step = z.infer<typeof stepSchema>
export type StepOp = Step['op']
export type StepOf<O extends StepOp> = Extract<Step, { op: O }>
export type FilterCondition = z.infer<typeof filterConditionSchema>
export type DatePart = (typeof DATE_PARTS)[number]
export type ImputeStrategy = (typeof IMPUTE_STRATEGIES)[number]

/** Ops that work on image datasets; every other op works on tables. */
export const IMAGE_OPS: ReadonlySet<StepOp> = new Set(['image-resize', 'image-normalise'])
