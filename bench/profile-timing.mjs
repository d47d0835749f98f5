// Times profileTable on a generated 1,000,000 × 20 table: a figure to read, never a test.
//   node bench/profile-timing.mjs            (ROWS=200000 node bench/profile-timing.mjs)
// The TypeScript core is bundled by rolldown (Vite's bundler) into a temporary module first.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'rolldown'

const ROWS = Number(process.env.ROWS ?? 1_000_000)
const RUNS = 5

const dir = await mkdtemp(join(tmpdir(), 'profile-timing-'))
const file = join(dir, 'profile.mjs')
await build({
  input: new URL('../src/core/profile/profile-table.ts', import.meta.url).pathname,
  platform: 'node',
  output: { file, format: 'esm' },
  logLevel: 'silent',
})
const { profileTable } = await import(pathToFileURL(file).href)
await rm(dir, { recursive: true })

/** A seeded generator so every run profiles the same table. */
function lcg(seed) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** 20 columns an analyst meets: an id, quantities with gaps, counts, a flag, a date, categories. */
function makeTable(rows) {
  const random = lcg(42)
  const columns = []
  const types = []
  const numeric = (name, type, f) => {
    const values = new Float64Array(rows)
    for (let i = 0; i < rows; i++) values[i] = f(i)
    columns.push({ name, kind: 'numeric', values })
    types.push({ type, reason: 'generated' })
  }
  const categorical = (name, categories, missing) => {
    const codes = new Int32Array(rows)
    for (let i = 0; i < rows; i++)
      codes[i] = random() < missing ? -1 : Math.floor(random() * categories.length)
    columns.push({ name, kind: 'categorical', codes, categories })
    types.push({ type: 'categorical', reason: 'generated' })
  }
  numeric('id', 'identifier', (i) => i + 1)
  for (let c = 0; c < 8; c++)
    numeric(`amount${c}`, 'numeric', () =>
      random() < 0.02 ? Number.NaN : Math.round((random() * 1000 - 200) * 100) / 100,
    )
  for (let c = 0; c < 4; c++)
    numeric(`count${c}`, 'integer', () => Math.floor(-Math.log(random() + 1e-12) * 50))
  numeric('flag', 'boolean', () => (random() < 0.3 ? 1 : 0))
  numeric('opened', 'datetime', () => 1.6e12 + Math.floor(random() * 3e4) * 86_400_000)
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i))
  categorical('region', letters.slice(0, 8), 0.01)
  categorical('segment', letters.slice(0, 3), 0)
  categorical(
    'product',
    Array.from({ length: 500 }, (_, i) => `product-${i}`),
    0.05,
  )
  categorical('channel', ['web', 'branch', 'phone', 'partner'], 0)
  categorical('label', ['yes', 'no'], 0)
  return { table: { columns, rowCount: rows }, types }
}

const { table, types } = makeTable(ROWS)
// CPU time beside wall time: on a machine shared with other jobs, wall time mostly measures them.
const times = []
const cpuTimes = []
for (let run = 0; run < RUNS; run++) {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const profile = profileTable(table, types)
  times.push(performance.now() - start)
  const used = process.cpuUsage(cpu)
  cpuTimes.push((used.user + used.system) / 1000)
  if (run === 0)
    console.log(
      `${profile.warnings.length} warnings; correlation of ${profile.correlation.columns.length} columns` +
        (profile.correlation.sampleRows ? ` from ${profile.correlation.sampleRows} rows` : ''),
    )
}
times.sort((a, b) => a - b)
cpuTimes.sort((a, b) => a - b)
const ms = (t) => `${t.toFixed(0)} ms`
console.log(
  `profileTable ${ROWS.toLocaleString('en-US')} rows × ${table.columns.length} columns: ` +
    `median ${ms(times[RUNS >> 1])} (fastest ${ms(times[0])}, slowest ${ms(times[RUNS - 1])}) over ${RUNS} runs; ` +
    `CPU time median ${ms(cpuTimes[RUNS >> 1])}`,
)
