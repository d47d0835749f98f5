import * as tf from '@tensorflow/tfjs'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareMetrics } from '../../evaluate/baselines/compare-baselines'
import { tableStepImpl } from '../../recipe/pipeline/registry'
import type { Recipe } from '../../recipe/recipe-schema'
import type { FinishedRun } from '../../train/run-history'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { proposeRecipe } from '../../recipe/propose'
import type { Table } from '../../table/table'
import { inputSchemaOf, type InputColumn } from '../input-schema'
import { cardNumber } from './card-format'
import { germanCreditRun } from './german-credit-run'
import { modelCard } from './model-card'
import { checkQuantizations, type QuantizationCheck } from './quantization-check'

const german = readFileSync(
  new URL('../../../../public/datasets/GermanCredit.csv', import.meta.url),
)
const germanSha = createHash('sha256').update(german).digest('hex')

/** The input schema with ranges and categories read from the table (the predict form's view). */
function schemaWithRanges(recipe: Recipe, table: Table): InputColumn[] {
  return inputSchemaOf(recipe, table).map((c) => {
    const column = table.columns.find((t) => t.name === c.name)
    if (column?.kind === 'numeric') {
      const seen = Array.from(column.values).filter((v) => !Number.isNaN(v))
      return { ...c, min: Math.min(...seen), max: Math.max(...seen) }
    }
    return column ? { ...c, categories: column.categories } : c
  })
}

let run: FinishedRun
let table: Table
let card: { markdown: string; html: string }
let checks: QuantizationCheck[]

beforeAll(async () => {
  await tf.setBackend('cpu')
  ;({ run, table } = await germanCreditRun(3))
  checks = await checkQuantizations({ ...run, table })
  card = modelCard({
    run,
    dataset: { name: 'GermanCredit.csv', sha256: germanSha, rows: table.rowCount },
    inputSchema: schemaWithRanges(run.recipe, table),
    quantization: 'uint8',
    quantizationCheck: checks,
    createdAt: new Date('2026-03-01T10:30:00Z'),
  })
})

describe('the model card of a trained German credit run', () => {
  it('names the data by file, hash and rows, in both files', () => {
    for (const text of [card.markdown, card.html]) {
      expect(text).toContain('GermanCredit.csv')
      expect(text).toContain(germanSha)
      expect(text).toContain('1,000')
    }
    expect(card.markdown).toMatch(/^# Model card: Class from GermanCredit\.csv/)
  })

  it('lists the input columns with the ranges seen', () => {
    expect(run.recipe.source.kind).toBe('table')
    // Loans ran 4 to 72 months and applicants were 19 to 75.
    expect(card.html).toMatch(/<td>Duration<\/td><td>numeric[^<]*<\/td><td>4 to 72<\/td>/)
    expect(card.markdown).toContain('| Age | numeric')
    expect(card.markdown).toContain('19 to 75')
  })

  it('lists the enabled preparation steps in order, as the Prepare step describes them', () => {
    const described = run.recipe.steps
      .filter((s) => s.enabled)
      .map((s) => tableStepImpl(s).describe(s))
    expect(described.length).toBeGreaterThan(0)
    const html = card.html.slice(card.html.indexOf('id="preparation"'))
    let at = 0
    for (const line of described) {
      const found = html.indexOf(`<li>${line.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}`, at)
      expect(found, line).toBeGreaterThan(at)
      at = found
    }
  })

  it('summarises the layers with output shapes and parameter counts read from model.json', () => {
    // 59 prepared inputs → Dense 64: 59 × 64 weights + 64 biases.
    expect(card.html).toContain(
      '<tr><td>dense_1</td><td>Dense</td><td>(None, 64)</td><td class="num">3,840</td></tr>',
    )
    expect(card.markdown).toContain('| dropout_1 | Dropout | (None, 64) | 0 |')
    expect(card.markdown).toContain('| output | Dense | (None, 1) | 33 |')
    const total = 3840 + 64 * 32 + 32 + 33
    expect(card.markdown).toContain(`| Total |  |  | ${cardNumber(total)} |`)
  })

  it('gives the seed, the training settings and a loss chart of every epoch', () => {
    expect(card.markdown).toContain('| Seed | 42 |')
    expect(card.markdown).toContain('| Epochs | 3 of 3 planned (all planned epochs) |')
    const svg = /<svg[^]*?<\/svg>/.exec(card.html)?.[0] ?? ''
    const lines = [...svg.matchAll(/<polyline[^>]*points="([^"]+)"/g)].map((m) => m[1] ?? '')
    // Training and validation loss, one point per epoch each.
    expect(lines).toHaveLength(2)
    for (const points of lines) {
      expect(points.split(' ')).toHaveLength(3)
      // Inside the plot area (34 to 216 px down): no loss is drawn off the chart.
      for (const point of points.split(' ')) {
        const y = Number(point.split(',')[1])
        expect(y).toBeGreaterThanOrEqual(34)
        expect(y).toBeLessThanOrEqual(216)
      }
    }
    for (const epoch of run.epochs)
      expect(card.markdown).toContain(
        `| ${epoch.epoch} | ${cardNumber(epoch.loss)} | ${cardNumber(epoch.valLoss)} |`,
      )
  })

  it('puts the test metrics beside both baselines', () => {
    for (const row of compareMetrics(run.metrics, run.linearBaselineMetrics, run.baselineMetrics)) {
      expect(card.markdown).toContain(
        `| ${row.label} | ${cardNumber(row.model)} | ${cardNumber(row.linear)} | ${cardNumber(row.prior)} |`,
      )
    }
    expect(card.markdown).toContain(
      '| Metric | Model | Logistic regression | Baseline: class frequencies |',
    )
  })

  it('says how the weights are stored and what that measurably changed', () => {
    expect(card.markdown).toContain('## Weight storage')
    expect(card.markdown).toMatch(/Weights are stored as 8-bit integers/)
    const auc = (c: QuantizationCheck | undefined) =>
      c?.metrics.find((m) => m.key === 'auc')?.value ?? Number.NaN
    const [float32, , uint8] = checks
    expect(card.markdown).toContain(
      `ROC AUC ${cardNumber(auc(float32))} with float32, ${cardNumber(auc(uint8))} with uint8`,
    )
    expect(card.markdown).toContain(
      `no output moved by more than ${cardNumber(uint8?.largestChange, 6)} (a probability)`,
    )
  })

  it('states the limitations this run really has', () => {
    const limits = card.html.slice(card.html.indexOf('id="limitations"'))
    expect(limits).toContain('The test set is small: 100 rows.')
    // 30% of German credit applicants are bad risks.
    expect(limits).toMatch(/imbalanced: &quot;Bad&quot; is only 3\d\.\d% of the test rows/)
    const auc = (metrics: readonly { key: string; value: number }[] | null) =>
      metrics?.find((m) => m.key === 'auc')?.value ?? Number.NaN
    const beaten = auc(run.metrics) <= auc(run.linearBaselineMetrics)
    expect(limits.includes('does not beat a logistic regression on ROC AUC')).toBe(beaten)
    expect(limits).toContain('Duration 4 to 72')
    expect(limits).toMatch(
      /No fairness audit was done beyond the Evaluate step&#39;s Fairness view/,
    )
    expect(limits).toMatch(/proxies of them \([^)]*Age/)
  })

  it('is a standalone page: inline style, no script, nothing fetched', () => {
    expect(card.html).toMatch(/^<!doctype html>/)
    expect(card.html).toContain('<style>')
    expect(card.html).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|url\(|@import/i)
  })
})

describe('values from the data cannot break the card', () => {
  let hostile: { markdown: string; html: string }

  beforeAll(async () => {
    const { table: base } = bundledTable('GermanCredit.csv')
    const rename: Record<string, string> = {
      Duration: '<script>alert(1)</script>',
      Amount: 'Amount | EUR',
    }
    const branch = {
      name: 'Branch',
      kind: 'categorical' as const,
      codes: Int32Array.from({ length: base.rowCount }, (_, i) => i % 2),
      categories: ['North|East', '<b>South</b>'],
    }
    const table: Table = {
      rowCount: base.rowCount,
      columns: [...base.columns.map((c) => ({ ...c, name: rename[c.name] ?? c.name })), branch],
    }
    const recipe = withTraining(proposeRecipe(table, 'odd.csv', 'Class', 42), { epochs: 1 })
    const run = await trainForReal(recipe, table)
    hostile = modelCard({
      run,
      dataset: { name: 'odd.csv', sha256: null, rows: table.rowCount },
      inputSchema: schemaWithRanges(run.recipe, table),
      quantization: 'float32',
      createdAt: new Date(),
    })
  })

  it('escapes a column named <script>alert(1)</script> in the HTML', () => {
    expect(hostile.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(hostile.html).not.toContain('<script')
    expect(hostile.html).toContain('&lt;b&gt;South&lt;/b&gt;')
    expect(hostile.html).not.toContain('<b>')
  })

  it('escapes it in the Markdown too, and escapes | so no table gains a column', () => {
    expect(hostile.markdown).toContain('\\<script\\>alert(1)\\</script\\>')
    // Every < is backslash-escaped: no renderer passes it through as a tag.
    expect(hostile.markdown).not.toMatch(/(^|[^\\])</m)
    expect(hostile.markdown).toContain('Amount \\| EUR')
    expect(hostile.markdown).toContain('North\\|East')
    // Every row of a table has as many unescaped | as its header.
    const pipes = (line: string) => line.replace(/\\\|/g, '').split('|').length
    let header: number | null = null
    for (const line of hostile.markdown.split('\n')) {
      if (!line.startsWith('|')) {
        header = null
        continue
      }
      header ??= pipes(line)
      expect(pipes(line), line).toBe(header)
    }
  })
})

describe('the input columns of the card', () => {
  it('leave out the target, which the model predicts rather than reads', () => {
    const columns = card.html.slice(
      card.html.indexOf('id="columns"'),
      card.html.indexOf('id="preparation"'),
    )
    expect(columns).toContain('<td>Duration</td>')
    expect(columns).not.toContain('<td>Class</td>')
  })
})
