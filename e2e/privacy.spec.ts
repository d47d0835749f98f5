import { expect, test } from '@playwright/test'
import { StudioPage } from './studio-page'

test.use({ serviceWorkers: 'allow' })

test('a whole session sends no request off the page’s origin and breaks no rule of its Content-Security-Policy', async ({
  page,
  context,
}) => {
  const origin = new URL(test.info().project.use.baseURL ?? '').origin
  const offOrigin: string[] = []
  // The context sees the page's, its workers' and its service worker's requests alike.
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    if (url.origin !== origin) offOrigin.push(`${request.method()} ${request.url()}`)
  })
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Refused to load: CSP violation of ${event.violatedDirective} by ${event.blockedURI}`,
      )
    })
  })

  const studio = new StudioPage(page)
  await studio.open('?backend=wasm')
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
  expect(csp).not.toMatch(/https?:|'unsafe-eval'|\*/)

  await studio.loadSample('German credit risk')
  await studio.tab('Prepare').click()
  await studio.tab('Model').click()
  await studio.train(2)
  await studio.testMetrics()
  await studio.tab('Deploy').click()
  await expect(page.getByRole('textbox', { name: 'Duration', exact: true })).toBeVisible()
  await studio.download('Download model bundle')
  await studio.download('Download ONNX model')

  expect(offOrigin, 'requests that left the page’s origin').toEqual([])
  expect(violations, 'Content-Security-Policy violations').toEqual([])
})
