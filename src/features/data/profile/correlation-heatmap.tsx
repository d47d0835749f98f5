import { Group, Paper, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import type { CorrelationMatrix } from '../../../core/profile/profile-types'
import { formatCount } from './profile-values'

/** More columns than this and the cells get too small to read. */
export const MAX_HEATMAP_COLUMNS = 30
const LABEL_WIDTH = 130
const TOP_MARGIN = 96

/** Diverging scale: red for −1, white for 0, blue for +1. */
export function correlationColor(r: number): string {
  if (Number.isNaN(r)) return '#e9ecef'
  const t = Math.min(1, Math.abs(r))
  const [R, G, B] = r >= 0 ? [28, 126, 214] : [224, 49, 49]
  const mix = (c: number) => Math.round(255 + (c - 255) * t)
  return `rgb(${mix(R)}, ${mix(G)}, ${mix(B)})`
}

/** The columns to draw: all of them, or those most correlated with another when there are many. */
function shownColumns(matrix: CorrelationMatrix): number[] {
  const k = matrix.columns.length
  const all = Array.from({ length: k }, (_, i) => i)
  if (k <= MAX_HEATMAP_COLUMNS) return all
  const strongest = all.map((i) => {
    let best = 0
    for (let j = 0; j < k; j++) {
      const r = matrix.values[i * k + j] ?? Number.NaN
      if (j !== i && !Number.isNaN(r)) best = Math.max(best, Math.abs(r))
    }
    return best
  })
  return all
    .sort((a, b) => (strongest[b] ?? 0) - (strongest[a] ?? 0))
    .slice(0, MAX_HEATMAP_COLUMNS)
    .sort((a, b) => a - b)
}

export function CorrelationHeatmap({ matrix }: { matrix: CorrelationMatrix }) {
  const shown = useMemo(() => shownColumns(matrix), [matrix])
  const [hover, setHover] = useState<{ a: string; b: string; r: number } | null>(null)
  const k = matrix.columns.length
  if (shown.length < 2) {
    return (
      <Paper withBorder p="md" radius="md">
        <Title order={4}>Correlations</Title>
        <Text size="sm" c="dimmed">
          Fewer than two numeric columns that vary: nothing to correlate.
        </Text>
      </Paper>
    )
  }
  const cell = Math.max(14, Math.min(36, Math.floor(560 / shown.length)))
  const size = cell * shown.length
  const width = LABEL_WIDTH + size + 8
  const height = TOP_MARGIN + size + 8
  const name = (i: number) => matrix.columns[i] ?? ''
  const short = (s: string) => (s.length > 18 ? `${s.slice(0, 17)}…` : s)
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs" align="baseline">
        <Title order={4}>Correlations (Pearson r)</Title>
        <Text size="sm" c="dimmed" aria-live="polite" miw={260} ta="right">
          {hover
            ? `${hover.a} × ${hover.b}: r = ${Number.isNaN(hover.r) ? 'undefined' : hover.r.toFixed(3)}`
            : 'Point at a cell for its value'}
        </Text>
      </Group>
      {(k > shown.length ||
        matrix.sampleRows !== undefined ||
        matrix.omittedColumns !== undefined) && (
        <Text size="xs" c="dimmed" mb="xs">
          {k > shown.length &&
            `Showing ${shown.length} of ${k} numeric columns: those most correlated with another column. `}
          {matrix.omittedColumns !== undefined &&
            `${formatCount(matrix.omittedColumns)} further numeric columns of this wide table were not correlated. `}
          {matrix.sampleRows !== undefined &&
            `Estimated from a sample of ${formatCount(matrix.sampleRows)} rows spread over the whole table.`}
        </Text>
      )}
      <Group align="flex-start" gap="lg" wrap="nowrap" style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-label="Correlation heatmap"
          width={width}
          height={height}
          style={{ flexShrink: 0 }}
          onMouseLeave={() => setHover(null)}
        >
          {shown.map((i, col) => (
            <text
              key={`x${i}`}
              transform={`translate(${LABEL_WIDTH + col * cell + cell / 2 + 4}, ${TOP_MARGIN - 6}) rotate(-50)`}
              fontSize={11}
              fill="var(--mantine-color-gray-8)"
            >
              <title>{name(i)}</title>
              {short(name(i))}
            </text>
          ))}
          {shown.map((i, row) => (
            <g key={`y${i}`}>
              <text
                x={LABEL_WIDTH - 6}
                y={TOP_MARGIN + row * cell + cell / 2 + 4}
                fontSize={11}
                textAnchor="end"
                fill="var(--mantine-color-gray-8)"
              >
                <title>{name(i)}</title>
                {short(name(i))}
              </text>
              {shown.map((j, col) => {
                const r = matrix.values[i * k + j] ?? Number.NaN
                const label = `${name(i)} × ${name(j)}: r = ${Number.isNaN(r) ? 'undefined' : r.toFixed(3)}`
                return (
                  <rect
                    key={j}
                    x={LABEL_WIDTH + col * cell}
                    y={TOP_MARGIN + row * cell}
                    width={cell - 1}
                    height={cell - 1}
                    fill={correlationColor(r)}
                    data-pair={`${name(i)}|${name(j)}`}
                    data-value={r}
                    onMouseEnter={() => setHover({ a: name(i), b: name(j), r })}
                  >
                    <title>{label}</title>
                  </rect>
                )
              })}
            </g>
          ))}
          {cell >= 28 &&
            shown.map((i, row) =>
              shown.map((j, col) => {
                const r = matrix.values[i * k + j] ?? Number.NaN
                return Number.isNaN(r) ? null : (
                  <text
                    key={`v${i}-${j}`}
                    x={LABEL_WIDTH + col * cell + cell / 2}
                    y={TOP_MARGIN + row * cell + cell / 2 + 3}
                    fontSize={9}
                    textAnchor="middle"
                    pointerEvents="none"
                    fill={Math.abs(r) > 0.6 ? 'white' : 'var(--mantine-color-gray-8)'}
                  >
                    {r.toFixed(2)}
                  </text>
                )
              }),
            )}
        </svg>
        <ColourLegend />
      </Group>
    </Paper>
  )
}

function ColourLegend() {
  const stops = [-1, -0.5, 0, 0.5, 1]
  return (
    <svg
      role="img"
      aria-label="Colour scale from r = −1 (red) through 0 (white) to +1 (blue)"
      width={64}
      height={220}
      style={{ flexShrink: 0, marginTop: TOP_MARGIN }}
    >
      <defs>
        <linearGradient id="correlation-scale" x1="0" y1="1" x2="0" y2="0">
          {stops.map((r) => (
            <stop key={r} offset={`${((r + 1) / 2) * 100}%`} stopColor={correlationColor(r)} />
          ))}
        </linearGradient>
      </defs>
      <rect
        x={4}
        y={8}
        width={16}
        height={200}
        fill="url(#correlation-scale)"
        stroke="var(--mantine-color-gray-4)"
      />
      {stops.map((r) => (
        <text
          key={r}
          x={26}
          y={8 + (1 - (r + 1) / 2) * 200 + 4}
          fontSize={11}
          fill="var(--mantine-color-gray-7)"
        >
          {r > 0 ? `+${r}` : r}
        </text>
      ))}
    </svg>
  )
}
