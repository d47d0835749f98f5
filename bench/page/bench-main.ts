// The benchmark page: reads its settings from the query string, loads the sample data once, and
// runs the benchmark in dedicated module workers (as the studio trains); the result is posted on
// window.__benchResult for bench/run.mjs.
import { outputHead } from '../../src/core/model/head'
import { prepareTrainingJob } from '../../src/core/recipe/prepare-job'
import { proposeRecipe } from '../../src/core/recipe/propose'
import { parseDelimitedText } from '../../src/core/table/parse-delimited'
import { BACKENDS, isBackendName, type BackendName } from '../../src/core/train/backend-names'
import type {
  BackendResult,
  BenchCommand,
  BenchReply,
  BenchResult,
  BenchSettings,
  StudioRun,
} from './protocol'

declare global {
  interface Window {
    __benchResult?: BenchResult
    __benchError?: string
  }
}

const DATASET = 'GermanCredit.csv'
const TARGET = 'Class'
const SEED = 42

/**
 * Epochs per timed run, chosen so that one run takes about 1.5 s on a 2-core machine without a GPU
 * at batch 32 on 800 rows (PLATFORM.md: wasm ~15k samples/s, cpu ~5k, webgl ~1.5k, webgpu on
 * SwiftShader ~0.3k), and 7 rounds of engine + bare: on a shared 2-core machine single runs swing
 * by ±20 %, so many short paired runs give a steadier median than a few long ones, and all four
 * backends still finish in about 3 minutes. WebGPU gets 2 epochs (about 5 s a run there): at least
 * 2, so that the engine's per-epoch work (one fit call, gather and loss read per epoch) shows.
 * Override with ?epochs=webgpu:4,wasm:80 (BENCH_EPOCHS) and ?rounds= (BENCH_ROUNDS).
 */
const DEFAULT_EPOCHS: Record<BackendName, number> = { webgpu: 2, webgl: 3, wasm: 24, cpu: 8 }
const DEFAULT_ROUNDS = 7

function readSettings(query: URLSearchParams): BenchSettings {
  const listed = query.get('backends')?.split(',').filter(Boolean) ?? [...BACKENDS]
  const unknown = listed.filter((b) => !isBackendName(b))
  if (unknown.length > 0)
    throw new Error(`Unknown backend ${unknown.join(', ')}: use ${BACKENDS.join(', ')}.`)
  const epochs = { ...DEFAULT_EPOCHS }
  for (const pair of query.get('epochs')?.split(',').filter(Boolean) ?? []) {
    const [name = '', count = ''] = pair.split(':')
    const n = Number(count)
    if (!isBackendName(name) || !Number.isInteger(n) || n < 1)
      throw new Error(`Bad epochs entry "${pair}": write backend:count, e.g. wasm:40.`)
    epochs[name] = n
  }
  const rounds = Number(query.get('rounds') ?? DEFAULT_ROUNDS)
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`Bad rounds "${rounds}".`)
  return {
    backends: listed.filter(isBackendName),
    rounds,
    epochs,
    endToEnd: query.get('e2e') !== '0',
    diagnose: query.get('diagnose') === '1',
  }
}

const logElement = document.getElementById('log')
function log(text: string): void {
  console.log(`[bench] ${text}`)
  if (logElement) logElement.textContent += `${text}\n`
}

function startWorker(name: string): Worker {
  return new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name })
}

/** Sends one command and resolves with the worker's answer, logging its progress meanwhile. */
function ask(
  worker: Worker,
  command: BenchCommand,
): Promise<Exclude<BenchReply, { type: 'progress' | 'error' }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<BenchReply>) => {
      const reply = event.data
      if (reply.type === 'progress') return log(reply.text)
      worker.removeEventListener('message', onMessage)
      worker.removeEventListener('error', onError)
      if (reply.type === 'error') reject(new Error(reply.message))
      else resolve(reply)
    }
    const onError = (event: ErrorEvent) => {
      event.preventDefault()
      reject(new Error(`the worker crashed: ${event.message || 'no details'}`))
    }
    worker.addEventListener('message', onMessage)
    worker.addEventListener('error', onError)
    worker.postMessage(command)
  })
}

async function run(settings: BenchSettings): Promise<BenchResult> {
  log(`backends ${settings.backends.join(', ')}, ${settings.rounds} rounds; loading ${DATASET}`)
  const response = await fetch(new URL(`datasets/${DATASET}`, document.baseURI))
  if (!response.ok) throw new Error(`${DATASET}: HTTP ${response.status}`)
  const { table } = parseDelimitedText(await response.text())
  const recipe = proposeRecipe(table, DATASET, TARGET, SEED)
  const { job } = prepareTrainingJob(recipe, table, 'auto')

  const bench = startWorker('bench')
  try {
    const machine = await ask(bench, { type: 'machine' })
    if (machine.type !== 'machine') throw new Error(`unexpected ${machine.type} reply`)
    const backends: BackendResult[] = []
    for (const backend of settings.backends) {
      const epochs = settings.epochs[backend]
      let endToEnd: StudioRun | null = null
      let endToEndError: string | null = null
      if (settings.endToEnd) {
        // First, before anything has compiled for this backend: a fresh worker, as the studio
        // starts one per run, and a whole run from `new Worker` to its result.
        log(`${backend}: one whole studio run in a fresh worker (${epochs} epochs)`)
        const studioRecipe = { ...recipe, training: { ...recipe.training, epochs } }
        const start = performance.now()
        const worker = startWorker('training')
        try {
          const reply = await ask(worker, { type: 'studio', backend, table, recipe: studioRecipe })
          if (reply.type !== 'studio') throw new Error(`unexpected ${reply.type} reply`)
          const ms = performance.now() - start
          endToEnd = {
            ms,
            samplesPerSecond: (job.train.x.rows * epochs * 1000) / ms,
            trainMs: reply.trainMs,
          }
        } catch (error) {
          endToEndError = error instanceof Error ? error.message : String(error)
        } finally {
          worker.terminate()
        }
      }
      const reply = await ask(bench, {
        type: 'backend',
        backend,
        epochs,
        rounds: settings.rounds,
        diagnose: settings.diagnose,
        table,
        recipe,
      })
      if (reply.type !== 'backend') throw new Error(`unexpected ${reply.type} reply`)
      backends.push({ ...reply.bench, endToEnd, endToEndError })
    }
    const head = outputHead(recipe.target)
    const layers = recipe.model.layers
      .map((l) =>
        l.type === 'dense'
          ? `dense ${l.units} ${l.activation}`
          : l.type === 'dropout'
            ? `dropout ${l.rate}`
            : l.type,
      )
      .join(' → ')
    return {
      dataset: `${DATASET} (target ${TARGET})`,
      trainRows: job.train.x.rows,
      validationRows: job.validation.x.rows,
      features: job.train.x.width,
      batchSize: recipe.training.batchSize,
      model: `${layers} → dense ${head.units} ${head.activation}, ${recipe.training.optimizer} lr ${recipe.training.learningRate}`,
      rounds: settings.rounds,
      machine: machine.machine,
      backends,
    }
  } finally {
    bench.terminate()
  }
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  log(`error: ${message}`)
  window.__benchError = message
}

try {
  run(readSettings(new URLSearchParams(location.search))).then((result) => {
    log('done')
    window.__benchResult = result
  }, fail)
} catch (error) {
  fail(error)
}
