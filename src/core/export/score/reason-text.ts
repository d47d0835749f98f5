import type { ReasonCode } from '../../evaluate/explain/reason-codes'
import type { CellValue } from '../../evaluate/explain/table-rows'
import type { Recipe } from '../../recipe/recipe-schema'
import type { InputColumn } from '../input-schema'

/** What a reason moves, in words: "P(Bad)", or "the prediction" for a regression. */
export function outputLabel(recipe: Recipe, output: number): string {
  const { task, classes = [] } = recipe.target
  if (task === 'regression') return 'the prediction'
  const index = task === 'binary' ? 1 : output
  return `P(${classes[index] ?? 'class'})`
}

/** A cell as a reason names it: dates as dates, numbers without float noise, text as it is. */
export function valueText(value: CellValue, input?: Pick<InputColumn, 'type'>): string {
  if (value === null) return 'missing'
  if (typeof value === 'string') return value
  if (input?.type === 'datetime' && Number.isFinite(value)) {
    const iso = new Date(value).toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
  }
  return String(Number(value.toPrecision(6)))
}

function amount(effect: number): string {
  const abs = Math.abs(effect)
  if (abs >= 1000) return String(Math.round(abs))
  return abs < 0.0005 ? 'less than 0.001' : String(Number(abs.toPrecision(abs >= 1 ? 4 : 2)))
}

/**
 * "CheckingAccountStatus = A11 raises P(Bad) by 0.12": a reason as plain text, for the scored
 * file's reason columns and the predict form (which adds what a typical row has).
 */
export function reasonText(
  reason: ReasonCode,
  label: string,
  options: { readonly input?: Pick<InputColumn, 'type'>; readonly withTypical?: boolean } = {},
): string {
  const verb = reason.effect >= 0 ? 'raises' : 'lowers'
  const text = `${reason.column} = ${valueText(reason.value, options.input)} ${verb} ${label} by ${amount(reason.effect)}`
  return options.withTypical
    ? `${text} (a typical row has ${valueText(reason.typical, options.input)})`
    : text
}
