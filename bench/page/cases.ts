// The models the bench trains and the data each trains on, prepared as the studio prepares them.
import { templateSpec } from '../../src/core/model/templates'
import { modelInputOf } from '../../src/core/recipe/model-input'
import { prepareData } from '../../src/core/recipe/pipeline/prepare-data'
import { proposeRecipe } from '../../src/core/recipe/propose'
import type { Recipe } from '../../src/core/recipe/recipe-schema'
import { inferTable } from '../../src/core/table/infer-types'
import { parseDelimitedText } from '../../src/core/table/parse-delimited'
import type { Table } from '../../src/core/table/table'
import type { BackendName } from '../../src/core/train/backend-names'
import type { CaseId } from './protocol'

const SEED = 42

export interface BenchCase {
  readonly id: CaseId
  readonly file: string
  readonly target: string
  /**
   * Epochs per timed run, chosen so that one run takes about a second on a 2-core machine without
   * a GPU, and 7 rounds of engine + bare fit in the ~6-minute budget of the default run. WebGPU
   * runs on SwiftShader there; it gets the fewest epochs, and at least 2 so that the engine's
   * per-epoch work shows. Override with ?epochs= (BENCH_EPOCHS).
   */
  readonly epochs: Record<BackendName, number>
  /** Fewer rounds than asked for on a backend where one run takes many seconds. */
  readonly maxRounds?: Partial<Record<BackendName, number>>
  /** The recipe the studio proposes for the file, with the model this case measures. */
  readonly recipe: (table: Table) => { table: Table; recipe: Recipe }
}

/**
 * The default MLP on German credit: 800 training rows × 61 features, batch 32 (PLATFORM.md: wasm
 * ~15k samples/s, cpu ~5k, webgl ~1.5k, webgpu on SwiftShader ~0.3k). The table is read untyped,
 * as the bench always has, so figures stay comparable with earlier runs.
 */
const mlp: BenchCase = {
  id: 'mlp',
  file: 'GermanCredit.csv',
  target: 'Class',
  epochs: { webgpu: 2, webgl: 3, wasm: 24, cpu: 8 },
  recipe: (table) => ({ table, recipe: proposeRecipe(table, 'GermanCredit.csv', 'Class', SEED) }),
}

/**
 * The LSTM forecaster template (LSTM 32 → dense 16 → dense 1) on the stocks sample, typed as the
 * Data step types it, so that the proposed recipe gives 12-month price windows × 1 series of one
 * symbol: 88 training windows, batch 32 (3 batches an epoch, the last of 24). An LSTM steps
 * through the window one op at a time, so each batch is dozens of small kernels: per-batch and
 * per-kernel overhead, not arithmetic, sets its speed.
 */
const lstm: BenchCase = {
  id: 'lstm',
  file: 'stocks.csv',
  target: 'price',
  // On SwiftShader WebGPU trains this LSTM at ~5 samples/s and WebGL at ~5–40 (its first epoch
  // compiles for a minute): one or two epochs, three rounds.
  epochs: { webgpu: 1, webgl: 2, wasm: 8, cpu: 4 },
  maxRounds: { webgpu: 3, webgl: 3 },
  recipe: (raw) => {
    const { table, types } = inferTable(raw)
    const proposed = proposeRecipe(table, 'stocks.csv', 'price', SEED, types)
    const fitted = prepareData(proposed, table)
    if (fitted.error) throw new Error(`stocks.csv: ${fitted.error.message}`)
    const input = modelInputOf(fitted.recipe)
    if (input.kind !== 'sequence')
      throw new Error(`stocks.csv: the proposed recipe gives ${input.description}, not windows`)
    const model = templateSpec('lstm-forecaster', input, proposed.model)
    return { table, recipe: { ...proposed, model } }
  },
}

export const CASES: Record<CaseId, BenchCase> = { mlp, lstm }

/** The case's table, fetched from the page's own origin as the studio fetches a sample. */
export async function loadCase(c: BenchCase): Promise<{ table: Table; recipe: Recipe }> {
  const response = await fetch(new URL(`datasets/${c.file}`, document.baseURI))
  if (!response.ok) throw new Error(`${c.file}: HTTP ${response.status}`)
  return c.recipe(parseDelimitedText(await response.text()).table)
}
