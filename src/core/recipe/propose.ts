import { defaultMlpSpec } from '../model/model-spec'
import { cellNumber } from '../table/column-builder'
import type { ColumnTypeInfo } from '../table/column-type'
import { inferColumnTypes } from '../table/infer-types'
import { defaultTrainConfig } from '../train/train-config'
import {
  distinctCount,
  findColumn,
  missingCount,
  MISSING_CODE,
  type CategoricalColumn,
  type Column,
  type Table,
} from '../table/table'
import { numbersAsCategories } from './pipeline/columns'
import { chooseSplitAndBalance, type ProposedChoices } from './propose/choices'
import { categoryCounts, proposeEncoding, type EncodingDraft } from './propose/categories'
import { dateFacts, epochValues, proposeDateParts } from './propose/dates'
import { countDuplicateRows } from './propose/duplicates'
import { count, has, percent, quotedList } from './propose/format'
import { numericProfile } from './propose/numeric-profile'
import {
  proposeClip,
  proposeLog1p,
  STANDARD_NOT_ROBUST,
  type ProfiledColumn,
} from './propose/numbers'
import { entityDropReason, filterToSeries, lagNames, windowsFor } from './propose/series-steps'
import { proposeTarget } from './propose/target'
import { proposeTokens } from './propose/text'
import { detectSeries, type SeriesPlan } from './propose/time-series'
import { RECIPE_VERSION, type Recipe, type TableSource } from './recipe-schema'
import type { Step } from './step-schema'
import { detectTask } from './task'

export type { ProposedChoices } from './propose/choices'

/** Omit over each member of a union, so a step without its id is still a step of one op. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type StepDraft = DistributiveOmit<Step, 'id' | 'enabled'>

export interface LeftOutColumn {
  readonly column: string
  readonly why: string
}

/** Categories beyond this many, covering most rows, read as identifiers or free text. */
const MAX_ONE_HOT_CATEGORIES = 50
/** Values that name a part of an earlier split (train/valid/test), not a property of the row. */
const SPLIT_MARKERS = new Set(['train', 'training', 'valid', 'validation', 'val', 'dev', 'test'])
/** Categorical columns missing at least this share get a "(missing)" category, not the mode. */
const MISSING_AS_CATEGORY = 0.05
const MISSING_CATEGORY = '(missing)'

/**
 * Present values and distinct values, where they matter: a numeric column only needs to show
 * two different values (a Set of a million numbers costs seconds), a categorical one its count.
 */
function presentAndDistinct(column: Column): { present: number; distinct: number } {
  if (column.kind === 'categorical')
    return { present: column.codes.length - missingCount(column), distinct: distinctCount(column) }
  let present = 0
  let first = Number.NaN
  let distinct = 0
  for (const v of column.values) {
    if (v !== v) continue
    present++
    if (distinct === 0) {
      first = v
      distinct = 1
    } else if (distinct === 1 && v !== first) distinct = 2
  }
  return { present, distinct }
}

/** Why a column of this type stays out of the default recipe; null when the type is usable. */
function leftOutBecause(name: string, info: ColumnTypeInfo): string | null {
  switch (info.type) {
    case 'constant':
      return `"${name}" is constant, so it cannot tell rows apart. ${info.reason}`
    case 'identifier':
      return `"${name}" is an identifier: the network would memorise rows instead of learning. ${info.reason}`
    default:
      return null
  }
}

/** A column that records which part of an earlier split each row was in (train, valid, test). */
function splitMarker(column: Column): string[] | null {
  if (column.kind !== 'categorical') return null
  const used = categoryCounts(column).map((c) => c.category)
  return used.length >= 2 && used.every((c) => SPLIT_MARKERS.has(c.trim().toLowerCase()))
    ? used
    : null
}

/**
 * Columns the default recipe leaves out, each with the reason: constants carry no signal,
 * identifiers would only let the network memorise rows, and a train/valid/test marker describes
 * the file rather than the row. A categorical column with a category for most rows is left out
 * too (one-hot would give an input per row), unless the analyst chose its type. Dates and free
 * text stay: the recipe turns them into calendar parts and word ids.
 */
export function leftOutColumns(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[] = inferColumnTypes(table),
): LeftOutColumn[] {
  const out: LeftOutColumn[] = []
  table.columns.forEach((column, i) => {
    if (column.name === target) return
    const info = types[i]
    const byType = info ? leftOutBecause(column.name, info) : null
    if (byType) {
      out.push({ column: column.name, why: byType })
      return
    }
    const { present, distinct } = presentAndDistinct(column)
    const marker = info?.type === 'text' ? null : splitMarker(column)
    if (distinct <= 1) {
      out.push({
        column: column.name,
        why: `"${column.name}" has ${distinct === 0 ? 'no values' : 'a single value'}, so it cannot tell rows apart.`,
      })
    } else if (marker && !info?.overridden) {
      out.push({
        column: column.name,
        why: `"${column.name}" only says which part of an earlier split each row came from (${marker.join(', ')}): it describes the file, not the row, and the recipe makes its own split.`,
      })
    } else if (
      column.kind === 'categorical' &&
      info?.type !== 'text' &&
      !info?.overridden &&
      distinct > MAX_ONE_HOT_CATEGORIES &&
      distinct > present / 2
    ) {
      out.push({
        column: column.name,
        why: `"${column.name}" has ${count(distinct)} different values in ${count(present)} rows: one-hot encoding would give the network an input per row to memorise.`,
      })
    }
  })
  return out
}

/** "a", "b", "c" and 58 more: long lists of columns stay readable in a reason. */
function namesOf(names: readonly string[], max = 6): string {
  if (names.length <= max) return quotedList(names)
  return `${quotedList(names.slice(0, max - 1))} and ${names.length - max + 1} more`
}

/** A numeric column as the proposal sees it: read from number text when stored as categories. */
function numericValues(column: Column): Float64Array {
  if (column.kind === 'numeric') return column.values
  const byCode = column.categories.map((c) => cellNumber(c))
  return Float64Array.from(column.codes, (code) =>
    code === MISSING_CODE ? Number.NaN : (byCode[code] ?? Number.NaN),
  )
}

/** How each column the recipe keeps is read, by its type on the Data step. */
interface ColumnRoles {
  readonly numeric: { column: Column; values: Float64Array; type: string | undefined }[]
  readonly categorical: CategoricalColumn[]
  readonly dates: Column[]
  readonly texts: CategoricalColumn[]
}

function rolesOf(used: readonly { column: Column; info?: ColumnTypeInfo }[]): ColumnRoles {
  const roles: ColumnRoles = { numeric: [], categorical: [], dates: [], texts: [] }
  for (const { column, info } of used) {
    const type = info?.type
    if (type === 'datetime') roles.dates.push(column)
    else if (type === 'text' && column.kind === 'categorical') roles.texts.push(column)
    else if (type === 'numeric' || type === 'integer' || column.kind === 'numeric') {
      if (type === 'categorical' && column.kind === 'numeric')
        roles.categorical.push(numbersAsCategories(column))
      else roles.numeric.push({ column, values: numericValues(column), type })
    } else roles.categorical.push(column)
  }
  return roles
}

function imputeNumbers(numeric: ColumnRoles['numeric']): StepDraft | null {
  const missing = numeric
    .map(({ column, values }) => {
      let n = 0
      for (const v of values) if (Number.isNaN(v)) n++
      return { name: column.name, share: n / Math.max(1, values.length) }
    })
    .filter((c) => c.share > 0)
  if (missing.length === 0) return null
  const names = missing.map((c) => c.name)
  return {
    op: 'impute',
    columns: names,
    strategy: 'median',
    indicator: true,
    why: `${missing.map((c) => `"${c.name}" (${percent(c.share)} missing)`).join(', ')} ${has(names)} missing values: filled with the training median (robust to outliers), with a "was missing" input so the model can learn whether missingness itself matters.`,
  }
}

/** Few gaps take the commonest category; many become a category of their own, which may matter. */
function imputeCategories(
  categorical: readonly CategoricalColumn[],
  encodings: ReadonlyMap<string, EncodingDraft>,
): StepDraft[] {
  const missing = categorical
    .map((column) => ({ column, share: missingCount(column) / Math.max(1, column.codes.length) }))
    .filter((c) => c.share > 0)
  const own = missing.filter(
    (c) => c.share >= MISSING_AS_CATEGORY && encodings.get(c.column.name)?.op !== 'ordinal',
  )
  const mode = missing.filter((c) => !own.includes(c))
  const listed = (cs: typeof missing) =>
    cs.map((c) => `"${c.column.name}" (${percent(c.share)} missing)`).join(', ')
  const steps: StepDraft[] = []
  if (mode.length > 0) {
    steps.push({
      op: 'impute',
      columns: mode.map((c) => c.column.name),
      strategy: 'mode',
      indicator: false,
      why: `${listed(mode)}: so few gaps are filled with the most frequent training category.`,
    })
  }
  if (own.length > 0) {
    steps.push({
      op: 'impute',
      columns: own.map((c) => c.column.name),
      strategy: 'constant',
      constant: MISSING_CATEGORY,
      indicator: false,
      why: `${listed(own)}: so many gaps may mean something (no answer, not applicable), so they become a category of their own, "${MISSING_CATEGORY}", rather than pretending to be the commonest one.`,
    })
  }
  return steps
}

function castSteps(roles: ColumnRoles): StepDraft[] {
  const steps: StepDraft[] = []
  for (const column of roles.dates) {
    if (column.kind !== 'categorical') continue
    steps.push({
      op: 'cast',
      column: column.name,
      to: 'datetime',
      why: `"${column.name}" holds dates written as text: read as dates so their calendar parts can become inputs.`,
    })
  }
  for (const { column } of roles.numeric) {
    if (column.kind !== 'categorical') continue
    steps.push({
      op: 'cast',
      column: column.name,
      to: 'numeric',
      why: `"${column.name}" is typed as numbers but stored as text: read as numbers (text that is not a number becomes missing).`,
    })
  }
  return steps
}

function scaleStep(
  numeric: readonly string[],
  derived: readonly string[],
  tailsHandled: boolean,
): StepDraft | null {
  const columns = [...numeric, ...derived]
  if (columns.length === 0) return null
  const are = (names: readonly unknown[]) => (names.length > 1 ? 'are' : 'is')
  const what =
    numeric.length > 0
      ? `${namesOf(numeric)} ${are(numeric)} numeric${derived.length > 0 ? `, and so ${are(derived)} ${namesOf(derived, 4)}, made by the steps above` : ''}`
      : `${namesOf(derived)}, made by the steps above, ${are(derived)} numeric`
  return {
    op: 'scale',
    columns,
    method: 'standard',
    why: `${what}: scaled to mean 0 and standard deviation 1 on the training rows, so every input moves the network on a similar scale.${tailsHandled ? ` ${STANDARD_NOT_ROBUST}` : ''}`,
  }
}

function seriesOf(table: Table, target: string, types: readonly ColumnTypeInfo[]) {
  const column = table.columns.find((c) => c.name === target)
  if (!column || detectTask(column).task !== 'regression') return null
  return detectSeries(table, target, types)
}

/** The proposal in order: rows first, then columns, values, encodings, windows and scale. */
function draftSteps(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[],
  series: SeriesPlan | null,
): StepDraft[] {
  const steps: StepDraft[] = []
  const add = (step: StepDraft | null) => {
    if (step) steps.push(step)
  }
  const duplicates = countDuplicateRows(table)
  if (duplicates > 0) {
    add({
      op: 'drop-duplicates',
      columns: [],
      why: `${count(duplicates)} row${duplicates > 1 ? 's' : ''} (${percent(duplicates / table.rowCount)}) repeat${duplicates > 1 ? '' : 's'} an earlier row in every column: dropped, keeping the first, so no copy sits in training and test at once and flatters the test score. Switch this off if they are genuine repeat observations.`,
    })
  }
  if (series) add(filterToSeries(series))

  const leftOut = leftOutColumns(table, target, types)
  const entityWhy = series ? entityDropReason(series) : null
  if (series?.entity && entityWhy) leftOut.push({ column: series.entity.column, why: entityWhy })
  const dropped = new Set(leftOut.map((c) => c.column))
  const used = table.columns
    .map((column, i) => ({ column, info: types[i] }))
    .filter(({ column }) => column.name !== target && !dropped.has(column.name))
  const roles = rolesOf(used)

  // Dates become calendar parts; a date column whose parts never vary is left out instead.
  const dateParts = roles.dates
    .filter((c) => c.name !== series?.dateColumn)
    .map((column) => {
      const facts = dateFacts(epochValues(column))
      const proposal = proposeDateParts(column.name, facts)
      if (!proposal)
        leftOut.push({
          column: column.name,
          why: `"${column.name}" is typed as dates, but ${facts.present === 0 ? 'none of its values reads as a date' : 'no calendar part (year, month, day, hour) varies'}, so it cannot tell rows apart.`,
        })
      return proposal
    })
  const tokens = roles.texts.map((column) => {
    const proposal = proposeTokens(column)
    if (!proposal)
      leftOut.push({
        column: column.name,
        why: `"${column.name}" is text, but every value is missing.`,
      })
    return proposal
  })

  if (leftOut.length > 0) {
    add({
      op: 'drop-columns',
      columns: leftOut.map((c) => c.column),
      why: leftOut.map((c) => c.why).join(' '),
    })
  }
  const gone = new Set(leftOut.map((c) => c.column))
  const keptDates = roles.dates.filter((c) => !gone.has(c.name))
  const casts = castSteps({ ...roles, dates: keptDates })
  casts.forEach(add)

  add(imputeNumbers(roles.numeric))
  const encodings = new Map(roles.categorical.map((c) => [c.name, proposeEncoding(c)]))
  imputeCategories(roles.categorical, encodings).forEach(add)

  const profiled: ProfiledColumn[] = []
  for (const { column, values } of roles.numeric) {
    const profile = numericProfile(values)
    if (profile) profiled.push({ name: column.name, profile })
  }
  const log1p = proposeLog1p(profiled)
  add(log1p)
  const logged = new Set(log1p?.op === 'log1p' ? log1p.columns : [])
  // Counts are real however large (a long count tail gets log1p when it helps): only measured
  // values are candidates for capping.
  const continuous = new Set(
    roles.numeric.filter((c) => c.type === 'numeric').map((c) => c.column.name),
  )
  add(proposeClip(profiled.filter((c) => !logged.has(c.name) && continuous.has(c.name))))
  encodings.forEach(add)

  const derived: string[] = []
  for (const encoding of encodings.values())
    if (encoding.op !== 'one-hot') derived.push(encoding.column)
  if (series) {
    add(windowsFor(series, target))
    derived.push(...lagNames(target, series.lookback))
    const seasonal = proposeDateParts(series.dateColumn, series.dates, true)
    if (seasonal) add(seasonal.step)
    else
      add({
        op: 'drop-columns',
        columns: [series.dateColumn],
        why: `"${series.dateColumn}" has ordered the series; no seasonal part of it (month, weekday, hour) varies, so it is not an input.`,
      })
  }
  for (const proposal of dateParts) {
    if (!proposal) continue
    add(proposal.step)
    derived.push(...proposal.linear)
  }
  tokens.forEach(add)
  const numericNames = roles.numeric.map(({ column }) => column.name)
  add(
    scaleStep(
      numericNames,
      derived,
      steps.some((s) => s.op === 'log1p' || s.op === 'outliers'),
    ),
  )
  return steps
}

/**
 * The proposed preparation, each step with the reason an analyst can check against the data:
 * drop repeated rows, what cannot help, fill gaps, even out long tails, cap stray values,
 * encode categories, turn dates into calendar parts and text into word ids, window a time
 * series, and scale. Every statistic the steps need is fitted later, on the training rows.
 */
export function proposeSteps(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[] = inferColumnTypes(table),
): Step[] {
  return draftSteps(table, target, types, seriesOf(table, target, types)).map((step, i) => ({
    ...step,
    id: `s${i + 1}`,
    enabled: true,
  }))
}

/**
 * The split and the class balance proposed for a target, with a reason for each that the
 * Prepare screen can show: chronological by date for a time series, stratified for classes,
 * random otherwise; class weights when a class has under a quarter of the commonest's rows.
 */
export function proposeChoices(
  table: Table,
  target: string,
  types: readonly ColumnTypeInfo[] = inferColumnTypes(table),
): ProposedChoices {
  return chooseSplitAndBalance(
    table,
    proposeTarget(findColumn(table, target)),
    seriesOf(table, target, types),
  )
}

/** The source schema a recipe records: what typed-in rows and scored files must look like. */
function sourceSpec(table: Table, name: string, types?: readonly ColumnTypeInfo[]): TableSource {
  return {
    kind: 'table',
    name,
    columns: table.columns.map((c, i) => {
      const type = types?.[i]?.type
      return { name: c.name, kind: c.kind, ...(type && { type }) }
    }),
  }
}

/** The default recipe for a table and target: ready to fit, nothing fitted yet. */
export function proposeRecipe(
  table: Table,
  sourceName: string,
  targetColumn: string,
  seed = 42,
  types?: readonly ColumnTypeInfo[],
): Recipe {
  const target = proposeTarget(findColumn(table, targetColumn))
  const inferred = types ?? inferColumnTypes(table)
  const { split, balance } = proposeChoices(table, targetColumn, inferred)
  return {
    version: RECIPE_VERSION,
    seed,
    source: sourceSpec(table, sourceName, types),
    target,
    steps: proposeSteps(table, targetColumn, inferred),
    split,
    balance,
    model: defaultMlpSpec(),
    training: defaultTrainConfig(),
  }
}
