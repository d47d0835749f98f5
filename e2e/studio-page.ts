import { readFile } from 'node:fs/promises'
import { expect, type Page } from '@playwright/test'

/** The studio as a person drives it: by step tabs, labels and button names. */
export class StudioPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`)
  }

  tab(name: 'Data' | 'Prepare' | 'Model' | 'Train' | 'Evaluate' | 'Deploy') {
    return this.page.getByRole('tab', { name, exact: true })
  }

  /** Loads a bundled sample by its card title (German credit risk when none is named). */
  async loadSample(title = 'German credit risk'): Promise<void> {
    await this.tab('Data').click()
    const browse = this.page.getByRole('button', { name: 'Browse sample datasets' })
    if (await browse.isVisible()) await browse.click()
    await this.page.getByRole('button', { name: `Load ${title}`, exact: true }).click()
    await expect(this.page.getByText(`Loaded: ${title}.`)).toBeVisible()
    await expect(this.page.getByRole('table', { name: 'Columns' })).toBeVisible()
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.tab('Data').click()
    await this.page.getByLabel('Upload data file').setInputFiles(file)
  }

  targetColumn() {
    return this.page.getByRole('combobox', { name: 'Target column' })
  }

  /** The Train step's status line (chart tooltips are status regions too, so match its text). */
  trainStatus() {
    return this.page.getByRole('status').filter({ hasText: 'Backend:' })
  }

  /** Sets the epochs and trains to the end; returns the per-epoch training losses. */
  async train(epochs: number): Promise<number[]> {
    await this.tab('Train').click()
    const input = this.page.getByRole('textbox', { name: 'Epochs', exact: true })
    await input.fill(String(epochs))
    await input.blur()
    await this.page.getByRole('button', { name: 'Start training' }).click()
    await expect(this.trainStatus()).toContainText('Finished', { timeout: 200_000 })
    await this.historyCaughtUp()
    return this.columnValues('Training history', 2)
  }

  /**
   * Waits until the Training history table lists every epoch the status says ended ("Finished
   * after 12 epochs", "Stopped by hand after 7 epochs"): the table redraws a moment after the
   * status. Returns that count.
   */
  async historyCaughtUp(): Promise<number> {
    const status = (await this.trainStatus().textContent()) ?? ''
    const epochs = Number(/after (\d+) epoch/.exec(status)?.[1] ?? Number.NaN)
    if (!Number.isInteger(epochs)) throw new Error(`no epoch count in the status "${status}"`)
    const rows = this.page.getByRole('table', { name: 'Training history' }).locator('tbody tr')
    await expect(rows).toHaveCount(epochs)
    return epochs
  }

  /** Numbers of one column of a named table, read from the cells' data-value attributes. */
  async columnValues(table: string, column: number): Promise<number[]> {
    const cells = this.page
      .getByRole('table', { name: table })
      .locator(`tbody tr td:nth-child(${column})`)
    return (
      await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value') ?? ''))
    ).map(Number)
  }

  /** Test metrics of the model (or of the baseline beside it), keyed by metric. */
  async testMetrics(of: 'model' | 'baseline' = 'model'): Promise<Record<string, number>> {
    await this.tab('Evaluate').click()
    const rows = this.page.getByRole('table', { name: 'Test metrics' }).locator('tbody tr')
    await expect(rows.first()).toBeVisible()
    const attribute = of === 'model' ? 'data-value' : 'data-baseline'
    const pairs: [string, string][] = await rows.evaluateAll(
      (trs, attribute) =>
        trs.map((tr): [string, string] => [
          tr.getAttribute('data-metric') ?? '',
          tr.querySelector(`td[${attribute}]`)?.getAttribute(attribute) ?? '',
        ]),
      attribute,
    )
    return Object.fromEntries(pairs.map(([k, v]) => [k, Number(v)]))
  }

  /** A Deploy tab: Predict, Score a file, Download or Import. */
  deployTab(name: 'Predict' | 'Score a file' | 'Download' | 'Import') {
    return this.page.getByRole('tab', { name, exact: true })
  }

  /** Clicks a download button on Deploy's Download tab; returns the file's bytes. */
  async download(buttonName: string): Promise<Buffer> {
    await this.tab('Deploy').click()
    await this.deployTab('Download').click()
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name: buttonName }).click()
    return readFile(await (await download).path())
  }
}
