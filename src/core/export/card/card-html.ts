import type { CardBlock, CardDocument, CardTable } from './card-blocks'
import { escapeHtml } from './escape'
import { lossChartSvg } from './loss-chart-svg'

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #212529;
  max-width: 920px; margin: 0 auto; padding: 32px 24px 64px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #dee2e6; }
.subtitle { color: #495057; margin: 0 0 16px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; }
caption { text-align: left; font-weight: 600; color: #495057; padding-bottom: 4px; }
th, td { border-bottom: 1px solid #e9ecef; padding: 5px 12px 5px 0; text-align: left;
  vertical-align: top; }
th { font-weight: 600; border-bottom: 2px solid #ced4da; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td { overflow-wrap: anywhere; }
li { margin: 4px 0; }
svg { max-width: 100%; height: auto; display: block; margin: 8px 0; }
footer { margin-top: 40px; color: #868e96; font-size: 13px; }
@media print { body { padding: 0; } h2 { break-after: avoid; } table { break-inside: avoid; } }
`

function table({ caption, head, rows, numeric = [] }: CardTable): string {
  const cls = (i: number) => (numeric[i] ? ' class="num"' : '')
  return [
    `<table aria-label="${escapeHtml(caption)}"><caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map(
      (row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('\n')
}

function block(b: CardBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul'
      return `<${tag}>${b.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`
    }
    case 'table':
      return table(b.table)
    case 'curves':
      // The chart draws the curves; the table beneath keeps the numbers readable and copyable.
      return `<figure>${lossChartSvg(b.epochs)}</figure>\n<details><summary>Loss per epoch</summary>\n${table(b.table)}\n</details>`
  }
}

/**
 * The card as one standalone HTML page: inline CSS, no script, nothing fetched (a content
 * security policy says so to the browser too), every value from the data escaped.
 */
export function cardHtml(doc: CardDocument): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body><main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    ...doc.sections.map(
      (s) =>
        `<section id="${escapeHtml(s.id)}" aria-labelledby="${escapeHtml(s.id)}-title">\n<h2 id="${escapeHtml(s.id)}-title">${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`,
    ),
    '</main><footer>Made with Model Studio. This card was written from the run itself; nothing in it was typed by hand.</footer>',
    '</body></html>',
    '',
  ].join('\n')
}
