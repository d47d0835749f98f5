import { tableInput } from '../model/model-input'
import { proposeModel } from '../model/templates'
import type { ColumnTypeInfo } from '../table/column-type'
import { inferColumnTypes } from '../table/infer-types'
import { findColumn, type Table } from '../table/table'
import { defaultTrainConfig } from '../train/train-config'
import { chooseSplitAndBalance, type ProposedChoices } from './propose/choices'
import { proposeEncoding } from './propose/categories'
import { dateFacts, epochValues, proposeDateParts } from './propose/dates'
import type { StepDraft } from './propose/draft'
import { countDuplicateRows } from '../table/duplicate-rows'
import { count, percent } from './propose/format'
import { leftOutColumns } from './propose/left-out'
import { imputeCategories, imputeNumbers } from './propose/missing'
import { numericProfile } from './propose/numeric-profile'
import { proposeClip, proposeLog1p, type ProfiledColumn } from './propose/numbers'
import { castSteps, rolesOf } from './propose/roles'
import { scaleStep } from './propose/scale'
import { entityDropReason, filterToSeries, lagNames, windowsFor } from './propose/series-steps'
import { proposeTarget } from './propose/target'
import { proposeTokens } from './propose/text'
import { detectSeries, type SeriesPlan } from './propose/time-series'
import { RECIPE_VERSION, type Recipe, type TableSource } from './recipe-schema'
import type { Step } from './step-schema'
import { detectTask } from './task'

/*
 * The auto recipe: one proposal from the column types, the profile and the target, each step
 * with a reason quoting the data. The judgement calls, and where they live:
 * - exact duplicate rows: dropped first (duplicates.ts);
 * - constants, identifiers, train/valid/test markers: left out (left-out.ts);
 * - missing numbers: median + "was missing"; categories: mode under 5% missing, else a
 *   "(missing)" category (missing.ts);
 * - long right tails (skew > 2, top 1% ≥ 3× a non-zero median, log halves the skew): log1p;
 *   a few (≤ 1%) measured values ≥ 10 IQRs out: capped at 3 IQRs; counts are never capped
 *   (numbers.ts);
 * - scaling is standard, never robust: tails and stray values are handled before it (scale.ts);
 * - categories: ordinal when they have a natural order, one-hot up to 20, beyond that one-hot
 *   with "other" when the top 19 cover ≥ 75% of rows, else frequency (categories.ts);
 * - dates: the calendar parts that vary, cyclical where they wrap (dates.ts); text: word ids
 *   sized from the texts (text.ts);
 * - a regression target that follows its own past in date order: a forecasting series, one
 *   series kept when the file holds several, windows sized by the cadence and a chronological
 *   split (time-series.ts, series-steps.ts);
 * - class weights when a class has under a quarter of the commonest's rows (choices.ts).
 * The statistics behind the choices come from every row; the steps fit theirs on training rows.
 */

// The Data and Prepare screens list what the proposal leaves out, and why.
export { leftOutColumns, type LeftOutColumn } from './propose/left-out'
export type { ProposedChoices } from './propose/choices'

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
    // Calendar parts beside the lags would make the inputs a flat row, which the sequence
    // models a forecast is built with (LSTM, Conv1D) cannot read: the windows alone go in.
    const seasonal = proposeDateParts(series.dateColumn, series.dates, true)
    add({
      op: 'drop-columns',
      columns: [series.dateColumn],
      why: seasonal
        ? `"${series.dateColumn}" has ordered the series into windows of ${series.lookback} steps, which a sequence model (LSTM, Conv1D) reads as they are. Its calendar parts would make the inputs a flat row instead; add a date-parts step before the windows if a flat model should see the season.`
        : `"${series.dateColumn}" has ordered the series; no seasonal part of it (month, weekday, hour) varies, so it is not an input.`,
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
    // Marked proposed: once the recipe is fitted, the Model step may swap it for the pick that
    // fits the prepared inputs (a text model for token ids, an LSTM for a window).
    model: proposeModel(tableInput(table.columns.length - 1)),
    training: defaultTrainConfig(),
  }
}
