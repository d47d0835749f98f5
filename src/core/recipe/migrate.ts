/**
 * Recipes saved by earlier versions, brought to the current one so a bundle downloaded last month
 * still predicts. Version 1 had `features`: a standardize or one-hot step per column, fitted
 * values included; both map to version 2 steps with the same numbers.
 */

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function migrateV1Step(step: unknown, index: number): unknown {
  if (!isObject(step)) return step
  const id = `s${index + 1}`
  const fitted = isObject(step.fitted) ? step.fitted : undefined
  if (step.op === 'standardize') {
    return {
      id,
      enabled: true,
      op: 'scale',
      columns: [step.column],
      method: 'standard',
      ...(fitted && {
        fitted: { params: [{ column: step.column, center: fitted.mean, scale: fitted.std }] },
      }),
    }
  }
  if (step.op === 'one-hot') {
    return {
      id,
      enabled: true,
      op: 'one-hot',
      column: step.column,
      maxCategories: null,
      unseen: 'zeros',
      ...(fitted && { fitted: { categories: fitted.categories, other: false } }),
    }
  }
  return step
}

/** Version 1 feature names: scaled columns keep their name, one-hot inputs are "<column>=<category>". */
function v1FeatureNames(steps: unknown[]): { name: string; sources: string[] }[] | undefined {
  const names: { name: string; sources: string[] }[] = []
  for (const step of steps) {
    if (!isObject(step) || typeof step.column !== 'string') return undefined
    const column = step.column
    if (step.op === 'standardize') names.push({ name: column, sources: [column] })
    else if (isObject(step.fitted) && Array.isArray(step.fitted.categories))
      for (const c of step.fitted.categories)
        names.push({ name: `${column}=${String(c)}`, sources: [column] })
    else return undefined
  }
  return names
}

export function migrateRecipe(json: unknown): unknown {
  if (!isObject(json) || json.version !== 1) return json
  const { features, source, ...rest } = json
  const steps = Array.isArray(features) ? features : []
  const fittedNames = v1FeatureNames(steps)
  return {
    ...rest,
    version: 2,
    source: isObject(source) ? { kind: 'table', ...source } : source,
    steps: steps.map(migrateV1Step),
    balance: { method: 'none' },
    ...(fittedNames && steps.every((s) => isObject(s) && s.fitted) && { features: fittedNames }),
  }
}
