import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

const SAMPLES = [
  { title: 'German credit risk', target: 'Class', task: 'Binary classification', rows: '1,000' },
  {
    title: 'Credit card applications',
    target: 'card',
    task: 'Binary classification',
    rows: '1,319',
  },
  {
    title: 'Breast cancer diagnosis',
    target: 'diagnosis',
    task: 'Binary classification',
    rows: '569',
  },
  { title: 'Iris flowers', target: 'species', task: 'Multiclass classification', rows: '150' },
]

test('every bundled sample opens with its target preselected, its source and its licence', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  for (const sample of SAMPLES) {
    await studio.loadSample(sample.title)
    await expect(studio.targetColumn()).toHaveValue(sample.target)
    await expect(page.getByLabel(`Detected task: ${sample.task}`)).toBeVisible()
    await expect(page.getByText(`${sample.rows} rows ×`)).toBeVisible()
    await expect(page.getByText(/Source: .* Licence: /)).toBeVisible()
  }
})
