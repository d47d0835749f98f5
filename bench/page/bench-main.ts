// The benchmark page: reads its settings from the query string, loads each case's sample data, and
// runs the benchmark in dedicated module workers (as the studio trains); the result is posted on
// window.__benchResult for bench/run.mjs.
import { outputHead } from '../../src/core/model/head'
import { modelInputOf } from '../../src/core/recipe/model-input'
import { prepareTrainingJob } from '../../src/core/recipe/prepare-job'
import type { Recipe } from '../../src/core/recipe/recipe-schema'
import type { Table } from '../../src/core/table/table'
import { BACKENDS, isBackendName, type BackendName } from '../../src/core/train/backend-names'
import { CASES, loadCase } from './cases'
import {
  CASE_IDS,
  type BackendResult,
  type BenchCommand,
  type BenchReply,
  type BenchResult,
  type BenchSettings,
  type CaseId,
  type CaseResult,
  type ProbeRun,
  type StudioRun,
} from './protocol'

declare global {
  interface Window {
    __benchResult?: BenchResult
    __benchError?: string
  }
}

const DEFAULT_ROUNDS = 7
/** Fresh-worker runs of the studio's backend choice per case (each probes every backend). */
const DEFAULT_PROBES = 1

function readSettings(query: URLSearchParams): BenchSettings {
  const listed = query.get('backends')?.split(',').filter(Boolean) ?? [...BACKENDS]
  const unknown = listed.filter((b) => !isBackendName(b))
  if (unknown.length > 0)
    throw new Error(`Unknown backend ${unknown.join(', ')}: use ${BACKENDS.join(', ')}.`)
  const cases = query.get('cases')?.split(',').filter(Boolean) ?? [...CASE_IDS]
  const unknownCases = cases.filter((c) => !isCaseId(c))
  if (unknownCases.length > 0)
    throw new Error(`Unknown case ${unknownCases.join(', ')}: use ${CASE_IDS.join(', ')}.`)
  const epochs = {
    mlp: { ...CASES.mlp.epochs },
    lstm: { ...CASES.lstm.epochs },
  }
  // backend:count sets every case, case.backend:count one case (lstm.wasm:20).
  for (const pair of query.get('epochs')?.split(',').filter(Boolean) ?? []) {
    const [key = '', count = ''] = pair.split(':')
    const [first = '', second] = key.split('.')
    const [only, name] = second === undefined ? [null, first] : [first, second]
    const n = Number(count)
    if ((only !== null && !isCaseId(only)) || !isBackendName(name) || !Number.isInteger(n) || n < 1)
      throw new Error(
        `Bad epochs entry "${pair}": write backend:count or case.backend:count, e.g. wasm:40 or lstm.wasm:20.`,
      )
    for (const id of CASE_IDS) if (only === null || only === id) epochs[id][name] = n
  }
  const rounds = Number(query.get('rounds') ?? DEFAULT_ROUNDS)
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`Bad rounds "${rounds}".`)
  const probes = Number(query.get('probes') ?? DEFAULT_PROBES)
  if (!Number.isInteger(probes) || probes < 0) throw new Error(`Bad probes "${probes}".`)
  return {
    cases: cases.filter(isCaseId),
    backends: listed.filter(isBackendName),
    rounds,
    epochs,
    endToEnd: query.get('e2e') !== '0',
    diagnose: query.get('diagnose') === '1',
    probes,
  }
}

const isCaseId = (id: string): id is CaseId => (CASE_IDS as readonly string[]).includes(id)

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

/** A one-line description of the model: "lstm 32 → dense 16 relu → dense 1 linear, adam lr 0.001". */
function describeModel(recipe: Recipe): string {
  const head = outputHead(recipe.target, recipe.model)
  const layers = recipe.model.layers.map((l) =>
    l.type === 'dense'
      ? `dense ${l.units} ${l.activation}`
      : l.type === 'dropout'
        ? `dropout ${l.rate}`
        : l.type === 'lstm'
          ? `lstm ${l.units}`
          : l.type,
  )
  return `${[...layers, `dense ${head.units} ${head.activation}`].join(' → ')}, ${recipe.training.optimizer} lr ${recipe.training.learningRate}`
}

/** A whole studio run from `new Worker` to its result, in a fresh worker as the studio starts one. */
async function coldStudioRun(
  table: Table,
  recipe: Recipe,
  backend: BackendName,
  trainRows: number,
): Promise<StudioRun> {
  const start = performance.now()
  const worker = startWorker('training')
  try {
    const reply = await ask(worker, { type: 'studio', backend, table, recipe })
    if (reply.type !== 'studio') throw new Error(`unexpected ${reply.type} reply`)
    const ms = performance.now() - start
    return {
      ms,
      samplesPerSecond: (trainRows * recipe.training.epochs * 1000) / ms,
      trainMs: reply.trainMs,
    }
  } finally {
    worker.terminate()
  }
}

/** The studio's backend choice on 'auto', in a fresh worker (nothing compiled yet), as a run starts. */
async function probeRun(table: Table, recipe: Recipe): Promise<ProbeRun> {
  const worker = startWorker('probe')
  try {
    const reply = await ask(worker, { type: 'probe', table, recipe })
    if (reply.type !== 'probe') throw new Error(`unexpected ${reply.type} reply`)
    return reply.run
  } finally {
    worker.terminate()
  }
}

async function runCase(id: CaseId, settings: BenchSettings, bench: Worker): Promise<CaseResult> {
  const c = CASES[id]
  log(`${id}: loading ${c.file}`)
  const { table, recipe } = await loadCase(c)
  const { job } = prepareTrainingJob(recipe, table, 'auto')
  const backends: BackendResult[] = []
  for (const backend of settings.backends) {
    const epochs = settings.epochs[id][backend]
    let endToEnd: StudioRun | null = null
    let endToEndError: string | null = null
    if (settings.endToEnd) {
      // First, before anything has compiled for this backend in the bench worker.
      log(`${id} ${backend}: one whole studio run in a fresh worker (${epochs} epochs)`)
      const studioRecipe = { ...recipe, training: { ...recipe.training, epochs } }
      try {
        endToEnd = await coldStudioRun(table, studioRecipe, backend, job.train.x.rows)
      } catch (error) {
        endToEndError = error instanceof Error ? error.message : String(error)
      }
    }
    const reply = await ask(bench, {
      type: 'backend',
      backend,
      epochs,
      rounds: Math.min(settings.rounds, c.maxRounds?.[backend] ?? settings.rounds),
      diagnose: settings.diagnose,
      table,
      recipe,
    })
    if (reply.type !== 'backend') throw new Error(`unexpected ${reply.type} reply`)
    backends.push({ ...reply.bench, endToEnd, endToEndError })
  }
  const probes: ProbeRun[] = []
  let probeError: string | null = null
  for (let i = 0; i < settings.probes && probeError === null; i++) {
    log(`${id}: the studio's backend probe ('auto'), run ${i + 1}/${settings.probes}, fresh worker`)
    try {
      probes.push(await probeRun(table, recipe))
    } catch (error) {
      probeError = error instanceof Error ? error.message : String(error)
    }
  }
  return {
    id,
    dataset: `${c.file} (target ${c.target})`,
    trainRows: job.train.x.rows,
    validationRows: job.validation.x.rows,
    inputShape: [...modelInputOf(job.recipe).shape],
    batchSize: recipe.training.batchSize,
    model: describeModel(recipe),
    backends,
    probes,
    probeError,
  }
}

async function run(settings: BenchSettings): Promise<BenchResult> {
  log(
    `cases ${settings.cases.join(', ')}; backends ${settings.backends.join(', ')}, ${settings.rounds} rounds`,
  )
  const bench = startWorker('bench')
  try {
    const machine = await ask(bench, { type: 'machine' })
    if (machine.type !== 'machine') throw new Error(`unexpected ${machine.type} reply`)
    const cases: CaseResult[] = []
    for (const id of settings.cases) cases.push(await runCase(id, settings, bench))
    return { rounds: settings.rounds, machine: machine.machine, cases }
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
