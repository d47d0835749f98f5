import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { unzipSync, zipSync } from 'fflate'
import { StudioPage } from './studio-page'

// Real pictures: the bundled handwritten digits (8×8 PNGs), grouped by digit.
const digits = unzipSync(
  readFileSync(new URL('../public/datasets/digits-images.zip', import.meta.url)),
)
const pngsOf = (digit: number, n: number): Uint8Array[] =>
  Object.entries(digits)
    .filter(([path]) => path.startsWith(`digits/${digit}/`))
    .slice(0, n)
    .map(([, bytes]) => bytes)

const classList = (page: Page) => page.getByRole('list', { name: 'Image classes' })
const classRow = (page: Page, name: string) =>
  classList(page).getByRole('listitem', { name: `Class ${name}` })
const imageAlert = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'The pictures were not loaded' })

async function uploadZip(page: Page, name: string, zip: Uint8Array) {
  await page.getByLabel('Upload image zip').setInputFiles({
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(zip),
  })
}

/** JPEG photos drawn in the page by a canvas: larger than a tile, so previews are scaled down. */
async function canvasJpegs(page: Page, n: number): Promise<Uint8Array[]> {
  const encoded = await page.evaluate(async (n) => {
    const out: string[] = []
    for (let i = 0; i < n; i++) {
      const canvas = new OffscreenCanvas(320, 200 + 10 * i)
      const g = canvas.getContext('2d')
      if (!g) throw new Error('no 2d context')
      g.fillStyle = `hsl(${(i * 47) % 360} 70% 55%)`
      g.fillRect(0, 0, canvas.width, canvas.height)
      g.fillStyle = 'white'
      g.beginPath()
      g.arc(160, 100, 40 + 5 * i, 0, 2 * Math.PI)
      g.fill()
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })
      const bytes = new Uint8Array(await blob.arrayBuffer())
      out.push(btoa(String.fromCharCode(...bytes)))
    }
    return out
  }, n)
  return encoded.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')))
}

test('a zip of class folders shows each class with its count and thumbnails', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const photos = await canvasJpegs(page, 6)
  const files: Record<string, Uint8Array> = {
    'pictures/__MACOSX/pictures/zero/._0.png': new Uint8Array([0, 5, 22, 7]),
    'pictures/.DS_Store': new Uint8Array([0, 0, 0, 1]),
    'pictures/notes.txt': new TextEncoder().encode('drawn by hand'),
  }
  pngsOf(0, 30).forEach((png, i) => (files[`pictures/zero/${i}.png`] = png))
  pngsOf(1, 9).forEach((png, i) => (files[`pictures/one/${i}.png`] = png))
  photos.forEach((jpeg, i) => (files[`pictures/photos/${i}.jpg`] = jpeg))
  await uploadZip(page, 'pictures.zip', zipSync(files))

  await expect(classList(page).getByRole('listitem')).toHaveCount(3)
  // Natural order of names; counts as the zip holds them.
  await expect(classList(page).getByRole('listitem').first()).toHaveAttribute(
    'aria-label',
    'Class one',
  )
  await expect(classRow(page, 'zero')).toContainText('30 images')
  await expect(classRow(page, 'one')).toContainText('9 images')
  await expect(classRow(page, 'photos')).toContainText('6 images')
  await expect(page.getByText('45 images', { exact: true })).toBeVisible()

  // 30 zeros: as many previews as fit on the line, then "+N more" for exactly the rest.
  const zeros = classRow(page, 'zero').getByRole('img')
  await expect(zeros.first()).toBeVisible()
  const shown = await zeros.count()
  expect(shown).toBeGreaterThan(5)
  await expect(classRow(page, 'zero')).toContainText(`+${30 - shown} more`)
  // Every preview is a real decoded picture, at the digits' own 8×8.
  await expect
    .poll(() =>
      zeros.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)),
    )
    .toEqual(new Array(shown).fill(8))
  const photoWidths = () =>
    classRow(page, 'photos')
      .getByRole('img')
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth))
  await expect.poll(photoWidths).toEqual([128, 128, 128, 128, 128, 128])

  await expect(page.getByTestId('image-sizes')).toContainText('Most common 8 × 8')
  await expect(page.getByTestId('image-sizes')).toContainText('widths 8–320')
  await expect(page.getByText('pictures/notes.txt')).toBeVisible()
  await expect(page.getByText('The classes are unbalanced')).toBeVisible()
  await page
    .getByRole('region', { name: 'Image dataset' })
    .screenshot({ path: test.info().outputPath('image-zip.png') })
})

test('a chosen folder with one sub-folder per class loads its classes', async ({ page }) => {
  const root = join(test.info().outputPath(), 'digits-folder')
  for (const digit of [3, 7, 9]) {
    mkdirSync(join(root, `digit-${digit}`), { recursive: true })
    pngsOf(digit, 6 + digit).forEach((png, i) =>
      writeFileSync(join(root, `digit-${digit}`, `${i}.png`), png),
    )
  }
  writeFileSync(join(root, 'README.txt'), 'three classes of handwritten digits')
  const studio = new StudioPage(page)
  await studio.open()
  await page.getByLabel('Upload image folder').setInputFiles(root)

  await expect(classList(page).getByRole('listitem')).toHaveCount(3)
  await expect(classRow(page, 'digit-3')).toContainText('9 images')
  await expect(classRow(page, 'digit-7')).toContainText('13 images')
  await expect(classRow(page, 'digit-9')).toContainText('15 images')
  await expect(page.getByRole('heading', { name: 'digits-folder' })).toBeVisible()
  await expect(page.getByText('digits-folder/README.txt')).toBeVisible()
})

test('a dropped zip loads like a chosen one', async ({ page }) => {
  const studio = new StudioPage(page)
  await studio.open()
  const files: Record<string, Uint8Array> = {}
  for (const digit of [4, 5])
    pngsOf(digit, 8).forEach((png, i) => (files[`${digit}/${i}.png`] = png))
  const zip = Array.from(zipSync(files))
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer()
    transfer.items.add(
      new File([new Uint8Array(bytes)], 'dropped.zip', { type: 'application/zip' }),
    )
    return transfer
  }, zip)
  await page.getByTestId('image-dropzone').dispatchEvent('drop', { dataTransfer })
  await expect(classList(page).getByRole('listitem')).toHaveCount(2)
  await expect(classRow(page, '4')).toContainText('8 images')
  await expect(page.getByRole('heading', { name: 'dropped.zip' })).toBeVisible()

  // Loose pictures without class folders are refused with the way to arrange them.
  const loose = await page.evaluateHandle(
    (pngs) => {
      const transfer = new DataTransfer()
      pngs.forEach((png, i) => transfer.items.add(new File([new Uint8Array(png)], `${i}.png`)))
      return transfer
    },
    pngsOf(6, 3).map((png) => Array.from(png)),
  )
  await page.getByTestId('image-dropzone').dispatchEvent('drop', { dataTransfer: loose })
  await expect(imageAlert(page)).toContainText('The dropped files have no class folders')
  await expect(imageAlert(page)).toContainText('("dropped.zip") is still here')

  // The same zip dropped on the data-file area is recognised as images, not refused as a workbook.
  const onDataArea = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(bytes)], 'on-data-area.zip'))
    return transfer
  }, zip)
  await page
    .getByText('Choose or drop a CSV, TSV, JSON, Excel (.xlsx) or Parquet file…')
    .dispatchEvent('drop', { dataTransfer: onDataArea })
  await expect(page.getByRole('heading', { name: 'on-data-area.zip' })).toBeVisible()
  await expect(imageAlert(page)).toHaveCount(0)
})

test('a broken zip or one without class folders gets a clear message; loaded data stays', async ({
  page,
}) => {
  const studio = new StudioPage(page)
  await studio.open()
  await studio.loadSample('Iris flowers')
  const started = Date.now()
  await page.getByRole('button', { name: 'Load Handwritten digit images', exact: true }).click()
  await expect(classList(page).getByRole('listitem')).toHaveCount(10)
  console.log(`digits zip (1,797 PNGs) loaded and shown in ${Date.now() - started} ms`)
  await expect(page.getByText('1,797 images', { exact: true })).toBeVisible()
  await expect(page.getByTestId('image-sizes')).toHaveText('All 8 × 8 pixels.')

  const real = readFileSync(new URL('../public/datasets/digits-images.zip', import.meta.url))
  await uploadZip(page, 'cut-short.zip', real.subarray(0, 40_000))
  await expect(imageAlert(page)).toContainText('This file is not a readable .zip')
  await expect(imageAlert(page)).toContainText('("Handwritten digit images") is still here')
  await expect(classList(page).getByRole('listitem')).toHaveCount(10)

  const flat: Record<string, Uint8Array> = {}
  pngsOf(2, 5).forEach((png, i) => (flat[`${i}.png`] = png))
  await uploadZip(page, 'flat.zip', zipSync(flat))
  await expect(imageAlert(page)).toContainText(
    "The zip has no class folders: put each class's images in its own folder, e.g. cats/…, dogs/…",
  )
  await expect(classList(page).getByRole('listitem')).toHaveCount(10)
  // The tabular dataset is untouched by image loads.
  await expect(page.getByRole('table', { name: 'Columns' })).toContainText('petal')
})
