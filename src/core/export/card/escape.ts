const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text safe anywhere in HTML: element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c] ?? c)
}

/**
 * Text that Markdown shows as written: characters with a Markdown meaning get a backslash (so a
 * column called `<script>` or `**bold**` stays text in every renderer, which would otherwise pass
 * raw HTML through). Line breaks become spaces, so a value cannot end a table row or a list item.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/[\\`*{}[\]<>#|~&]/g, '\\$&')
      // An underscore inside a word never starts emphasis: sepal_length_cm stays readable.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
  )
}
