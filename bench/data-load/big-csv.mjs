// A synthetic loan book as big as the issue asks for: 1,000,000 rows × 20 columns, about 150 MB.
// Floats, integers, a few categoricals, an id and a date; seeded, so every run writes the same file.
// Used by the data-load benchmark (bench/data-load/run-data.mjs) and e2e/big-file.spec.ts.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

export const BIG_COLUMNS = [
  'loan_id',
  'issued',
  'region',
  'segment',
  'grade',
  'amount',
  'rate',
  'income',
  'debt_ratio',
  'utilisation',
  'balance',
  'score_a',
  'score_b',
  'term_months',
  'age',
  'dependents',
  'open_accounts',
  'late_payments',
  'employment_years',
  'defaulted',
]

const REGIONS = ['North East', 'North West', 'South East', 'South West', 'Central', 'Islands']
const SEGMENTS = ['Retail', 'Small business', 'Corporate', 'Private banking']
const GRADES = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'F1', 'G1']
const DAY_MS = 86_400_000
const START = Date.UTC(2019, 0, 1)

/** mulberry32: small, fast, seeded. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function row(i, r) {
  const pick = (list) => list[Math.floor(r() * list.length)]
  const issued = new Date(START + Math.floor(r() * 1826) * DAY_MS).toISOString().slice(0, 10)
  return [
    `LOAN-${String(i + 1).padStart(8, '0')}`,
    issued,
    pick(REGIONS),
    pick(SEGMENTS),
    pick(GRADES),
    (1000 + r() * 249000).toFixed(2),
    (2 + r() * 20).toFixed(5),
    (15000 + r() * 985000).toFixed(2),
    r().toFixed(6),
    r().toFixed(6),
    (r() * 160000).toFixed(2),
    (300 + r() * 550).toFixed(3),
    (r() * 10 - 5).toFixed(8),
    pick([12, 24, 36, 48, 60]),
    18 + Math.floor(r() * 60),
    Math.floor(r() * 5),
    Math.floor(r() * 30),
    Math.floor(r() * r() * 12),
    (r() * 40).toFixed(1),
    r() < 0.08 ? 1 : 0,
  ].join(',')
}

/** Writes the CSV to `path`; resolves with its size in bytes. */
export async function writeBigCsv(path, rows = 1_000_000) {
  const out = createWriteStream(path)
  const r = random(20240601)
  let bytes = 0
  const write = async (text) => {
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(`${BIG_COLUMNS.join(',')}\n`)
  const block = 10_000
  for (let start = 0; start < rows; start += block) {
    const lines = []
    for (let i = start; i < Math.min(rows, start + block); i++) lines.push(row(i, r))
    await write(`${lines.join('\n')}\n`)
  }
  out.end()
  await once(out, 'finish')
  return bytes
}
