import { Button, Group } from '@mantine/core'
import type { RefObject } from 'react'
import { downloadPng, downloadSvg } from './chart-export'
import { downloadBytes } from './download'
import { toCsv, type CsvCell } from './table-csv'

/** File names from titles: "ROC curve" → "roc-curve". */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  )
}

/** `Download <title> as SVG` and `… as PNG` for the chart drawn inside `chart`. */
export function ChartDownloads({
  title,
  chart,
}: {
  title: string
  chart: RefObject<HTMLElement | null>
}) {
  // The largest <svg> is the chart: legends draw their icons as small ones before it.
  const svg = () => {
    const all = [...(chart.current?.querySelectorAll('svg') ?? [])]
    const area = (s: SVGSVGElement) => s.clientWidth * s.clientHeight
    const found = all.reduce<SVGSVGElement | null>(
      (a, b) => (!a || area(b) > area(a) ? b : a),
      null,
    )
    if (!found) throw new Error(`The ${title} chart is not drawn yet.`)
    return found
  }
  return (
    <Group gap={4}>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={`Download ${title} as SVG`}
        onClick={() => downloadSvg(svg(), `${fileStem(title)}.svg`)}
      >
        SVG
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        aria-label={`Download ${title} as PNG`}
        onClick={() => void downloadPng(svg(), `${fileStem(title)}.png`)}
      >
        PNG
      </Button>
    </Group>
  )
}

/** `Download <title> as CSV` for a table's values (header and rows as the table shows them). */
export function CsvDownload({
  title,
  header,
  rows,
}: {
  title: string
  header: readonly string[]
  rows: () => readonly (readonly CsvCell[])[]
}) {
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      aria-label={`Download ${title} as CSV`}
      onClick={() => downloadBytes(toCsv(header, rows()), `${fileStem(title)}.csv`, 'text/csv')}
    >
      CSV
    </Button>
  )
}
