import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { StudioPage } from './studio-page'

/** e2e/fixtures/bad-input/manifest.json: what each malformed or hostile file should do. */
interface CorpusEntry {
  readonly file: string
  readonly expect: 'error' | 'loads'
  readonly message?: string
  readonly rows?: number
  readonly columns?: number
  readonly warning?: string
  readonly literal?: readonly string[]
  readonly hostile?: boolean
  readonly pending?: string
  readonly pendingInApp?: string
  readonly why: string
}

const corpus = new URL('fixtures/bad-input/', import.meta.url)
const { files } = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8')) as {
  files: CorpusEntry[]
}

const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/octet-stream',
}

/** Words of an instruction: every refusal tells the analyst what to do next. */
const WHAT_TO_DO = /\b(choose|add|use|check|export|save|must|try|rename|open)\b/i

function fixture(entry: CorpusEntry) {
  const extension = entry.file.split('.').pop() ?? ''
  return {
    name: entry.file,
    mimeType: MIME_TYPES[extension] ?? 'application/octet-stream',
    buffer: readFileSync(new URL(entry.file, corpus)),
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A count as the page may print it: 2,000 or 2000. */
const count = (n: number) => `(${n.toLocaleString('en-US').replace(',', ',?')})`

/** The loaded file's name and shape, as the target picker states them. */
function shapeText(entry: CorpusEntry): RegExp {
  const name = escape(entry.file)
  if (entry.pending || entry.rows === undefined || entry.columns === undefined)
    return new RegExp(`${name}: `)
  return new RegExp(`${name}: ${count(entry.rows)} rows × ${count(entry.columns)} columns`)
}

function refusal(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'The file was not loaded' })
}

/** Nothing hostile ran: no injected element, no global set, no polluted prototype. */
async function expectNothingRan(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    polluted: ({} as Record<string, unknown>).polluted,
    injected: document.querySelectorAll(
      'img[src="x"], svg[onload], body script:not([src]), a[href^="javascript:"], a[href*="evil"]',
    ).length,
  }))
  expect(state).toEqual({ pwned: undefined, polluted: undefined, injected: 0 })
}

test('every refused file names itself, says what to do, and the loaded sample stays', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('German credit risk')
  for (const entry of files.filter((f) => f.expect === 'error')) {
    await studio.upload(fixture(entry))
    const alert = refusal(page)
    await expect(alert, entry.file).toContainText(`"${entry.file}"`)
    await expect(alert, entry.file).toContainText(WHAT_TO_DO)
    if (entry.pending) {
      test
        .info()
        .annotations.push({ type: 'pending', description: `${entry.file}: ${entry.pending}` })
    } else {
      await expect(alert, entry.file).toContainText(new RegExp(entry.message ?? '', 'i'))
    }
    // The sample is still there: named in the alert and in the picker, its columns listed.
    await expect(alert).toContainText('("GermanCredit.csv") is still here')
    await expect(page.getByText('GermanCredit.csv: 1,000 rows × 62 columns')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Columns' })).toContainText('Duration')
    await expect(studio.targetColumn()).toHaveValue('Class')
  }
})

test('every file that loads is shown as plain text and the studio stays usable', async ({
  page,
}) => {
  test.setTimeout(300_000)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('German credit risk')
  for (const entry of files.filter((f) => f.expect === 'loads' && !f.pendingInApp)) {
    await studio.upload(fixture(entry))
    await expect(page.getByText(shapeText(entry)), entry.file).toBeVisible()
    await expect(refusal(page)).toHaveCount(0)
    if (entry.pending) {
      test
        .info()
        .annotations.push({ type: 'pending', description: `${entry.file}: ${entry.pending}` })
    } else if (entry.warning) {
      await expect(
        page.getByRole('alert').filter({ hasText: 'Loaded, with notes' }),
        entry.file,
      ).toContainText(new RegExp(entry.warning, 'i'))
    }
    for (const literal of entry.literal ?? []) {
      await expect(page.getByText(literal, { exact: true }).first(), entry.file).toBeAttached()
    }
    if (entry.file.startsWith('html-'))
      await page.screenshot({ path: '/tmp/bad-input-html.png', fullPage: true })
    await expectNothingRan(page)
  }
  // Still usable: the steps open and a sample loads as before.
  await studio.tab('Prepare').click()
  await studio.loadSample('Iris flowers')
  await expect(studio.targetColumn()).toHaveValue('species')
  await expectNothingRan(page)
  expect(dialogs).toEqual([])
})

for (const entry of files.filter((f) => f.pendingInApp)) {
  test(`${entry.file} loads as plain text without breaking the page`, async ({ page }) => {
    // Known to fail on this branch (see pendingInApp); passes, and so fails here, once fixed.
    test.fail(true, entry.pendingInApp)
    const studio = new StudioPage(page)
    await studio.open()
    await studio.loadSample('German credit risk')
    await studio.upload(fixture(entry))
    await expect(page.getByText(shapeText(entry))).toBeVisible({ timeout: 5_000 })
    await expect(page.getByRole('table', { name: 'Columns' })).toContainText('__proto__')
    await expectNothingRan(page)
  })
}

test('a column with a single value is refused as a target with the reason', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const csv = 'region,score,flag\nnorth,1.5,x\nsouth,2.5,x\neast,0.5,x\n'
  await studio.upload({ name: 'tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await studio.targetColumn().selectOption('flag')
  await expect(
    page.getByText('"flag" has a single value; a target needs at least two.'),
  ).toBeVisible()
  await studio.tab('Train').click()
  await expect(page.getByText('Nothing to train yet')).toBeVisible()
})
