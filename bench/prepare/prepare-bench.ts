// The Node side of the prepare benchmark (bundled and started by run-prepare-bench.mjs): one
// process per measured path, so each path's peak memory is its own. Prints one JSON line.
//   node prepare-bench.mjs ours|baseline|check [rows]
import { performance } from 'node:perf_hooks'
import type { Parts } from '../../src/core/recipe/pipeline/parts'
import { PLAN_PREVIEW_ROWS, planRecipe } from '../../src/core/recipe/pipeline/plan'
import {
  fitOnParts,
  prepareData,
  type PrepareOptions,
  type PreparedData,
} from '../../src/core/recipe/pipeline/prepare-data'
import { splitRows } from '../../src/core/recipe/split'
import { featureMatrix } from '../../src/core/recipe/transform'
import { baselinePlan, fitBaseline, transformBaseline } from './baseline'
import { benchRecipe } from './bench-recipe'
import { benchSplit } from './bench-split'
import { syntheticTable } from './synthetic-table'

const mode = process.argv[2] ?? 'ours'
const rows = Number(process.argv[3] ?? 1_000_000)
const mb = (bytes: number) => bytes / 2 ** 20
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

const table = syntheticTable(rows)
const { recipe, skipped } = benchRecipe(table)
gc()
const atStart = process.memoryUsage()

/** Why the studio's split failed at this size, when it did (the bench then splits itself). */
let splitFailure: string | null = null

function split(): Parts {
  try {
    return splitRows(table, recipe)
  } catch (error) {
    splitFailure = error instanceof Error ? error.message : String(error)
    return benchSplit(table, recipe)
  }
}

/** prepareData, or the same steps on the bench's own split when the studio's split fails. */
function prepare(options: PrepareOptions): PreparedData {
  const prepared = prepareData(recipe, table, options)
  if (!prepared.error || prepared.error.stepId !== null || prepared.reports.length > 0)
    return prepared
  splitFailure = prepared.error.message
  const parts = benchSplit(table, recipe)
  options.onProgress?.(0, recipe.steps.length, 'split')
  return fitOnParts(recipe, table, parts, options)
}

function ours() {
  const marks: { label: string; at: number }[] = []
  const started = performance.now()
  const prepared = prepare({
    onProgress: (_done, _total, label) => marks.push({ label, at: performance.now() }),
  })
  const prepareMs = performance.now() - started
  if (prepared.error)
    throw new Error(`${prepared.error.stepId ?? 'recipe'}: ${prepared.error.message}`)
  const splitMs = (marks[0]?.at ?? started) - started
  const inputsAt = marks.find((m) => m.label === 'inputs')?.at ?? started
  const matrices: Record<string, number> = {}
  let widthOut = 0
  const kept = []
  for (const part of ['train', 'validation', 'test'] as const) {
    const t = performance.now()
    const m = featureMatrix(prepared.recipe, prepared.table, prepared.parts[part])
    matrices[part] = performance.now() - t
    widthOut = m.width
    kept.push(m)
  }
  const planStarted = performance.now()
  const plan =
    splitFailure === null ? planRecipe(recipe, table) : prepare({ previewRows: PLAN_PREVIEW_ROWS })
  const planMs = performance.now() - planStarted
  gc()
  const held = process.memoryUsage()
  return {
    splitMs,
    stepsMs: inputsAt - (marks[0]?.at ?? started),
    steps: prepared.reports.map((r) => ({
      op: recipe.steps.find((s) => s.id === r.stepId)?.op ?? r.stepId,
      ms: r.ms,
    })),
    finishMs: started + prepareMs - inputsAt,
    prepareMs,
    matrixMs: matrices,
    planMs,
    planError: plan.error?.message ?? null,
    width: widthOut,
    trainRows: prepared.parts.train.length,
    heldMB: mb(held.heapUsed + held.arrayBuffers - atStart.heapUsed - atStart.arrayBuffers),
    kept: kept.length,
  }
}

function baseline() {
  const parts = split()
  const started = performance.now()
  const plan = baselinePlan(recipe, table)
  const names = fitBaseline(plan, parts.train)
  const fitMs = performance.now() - started
  const matrixMs: Record<string, number> = {}
  const kept = []
  for (const part of ['train', 'validation', 'test'] as const) {
    const t = performance.now()
    kept.push(transformBaseline(plan, parts[part], names.length))
    matrixMs[part] = performance.now() - t
  }
  gc()
  const held = process.memoryUsage()
  return {
    fitMs,
    matrixMs,
    width: names.length,
    heldMB: mb(held.heapUsed + held.arrayBuffers - atStart.heapUsed - atStart.arrayBuffers),
    kept: kept.length,
  }
}

/** Ours against the baseline on the test rows, input by input (matched by name). */
function check() {
  const prepared = prepare({})
  if (prepared.error) throw new Error(prepared.error.message)
  const test = prepared.parts.test
  const mine = featureMatrix(prepared.recipe, prepared.table, test)
  const plan = baselinePlan(recipe, table)
  const names = fitBaseline(plan, prepared.parts.train)
  const theirs = transformBaseline(plan, test, names.length)
  const ourNames = (prepared.recipe.features ?? []).map((f) => f.name)
  let matched = 0
  let maxDiff = 0
  ourNames.forEach((name, f) => {
    const g = names.indexOf(name)
    if (g < 0) return
    matched++
    for (let i = 0; i < test.length; i++) {
      const d = Math.abs(
        (mine.values[i * mine.width + f] as number) - (theirs[i * names.length + g] as number),
      )
      if (d > maxDiff) maxDiff = d
    }
  })
  return { matched, ours: ourNames.length, baseline: names.length, maxDiff }
}

const result = mode === 'ours' ? ours() : mode === 'baseline' ? baseline() : check()
const usage = process.resourceUsage()
console.log(
  JSON.stringify({
    mode,
    rows,
    columns: table.columns.length,
    steps: recipe.steps.map((s) => s.op),
    skipped,
    tableMB: mb(atStart.arrayBuffers),
    rssAtStartMB: mb(atStart.rss),
    peakRssMB: usage.maxRSS / 1024,
    splitFailure,
    ...result,
  }),
)
