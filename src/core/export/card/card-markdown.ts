import type { CardBlock, CardDocument, CardTable } from './card-blocks'
import { escapeMarkdown } from './escape'

function table({ head, rows, numeric = [] }: CardTable): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`
  const rule = `|${head.map((_, i) => (numeric[i] ? ' ---: ' : ' --- ')).join('|')}|`
  return [line(head), rule, ...rows.map(line)].join('\n')
}

function block(b: CardBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return escapeMarkdown(b.text)
    case 'list':
      return b.items
        .map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item)}`)
        .join('\n')
    case 'table':
      return table(b.table)
    case 'curves':
      return table(b.table)
  }
}

/** The card as Markdown: every value from the data escaped, tables with `|` escaped in cells. */
export function cardMarkdown(doc: CardDocument): string {
  return (
    [
      `# ${escapeMarkdown(doc.title)}`,
      escapeMarkdown(doc.subtitle),
      ...doc.sections.flatMap((s) => [`## ${escapeMarkdown(s.title)}`, ...s.blocks.map(block)]),
    ].join('\n\n') + '\n'
  )
}
