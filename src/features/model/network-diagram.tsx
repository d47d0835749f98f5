import { Paper, Title } from '@mantine/core'
import type { ModelCheck } from '../../core/model/check-model'
import { formatShape } from '../../core/model/check-model'
import { LAYER_CATALOGUE } from '../../core/model/layer-catalogue'
import type { LayerSpec } from '../../core/model/model-spec'

interface Node {
  readonly key: string
  readonly title: string
  readonly shape: readonly number[] | null
  readonly state: 'fixed' | 'ok' | 'error' | 'waiting'
}

const WIDTH = 280
const BOX_H = 26
const GAP = 14
const MIN_W = 96

/**
 * Box width grows with the log of the values leaving the layer, so a wide layer looks wide and a
 * bottleneck narrow, without a 4,096-unit layer pushing the rest off the page.
 */
function widthOf(shape: readonly number[] | null, largest: number): number {
  if (!shape) return MIN_W
  const size = shape.reduce((a, b) => a * b, 1)
  const share = Math.log2(size + 1) / Math.log2(largest + 1)
  return MIN_W + (WIDTH - 8 - MIN_W) * Math.min(1, share)
}

const COLOURS = {
  fixed: { fill: 'var(--mantine-color-gray-1)', stroke: 'var(--mantine-color-gray-5)' },
  ok: { fill: 'var(--mantine-color-blue-0)', stroke: 'var(--mantine-color-blue-5)' },
  error: { fill: 'var(--mantine-color-red-1)', stroke: 'var(--mantine-color-red-7)' },
  waiting: { fill: 'var(--mantine-color-white)', stroke: 'var(--mantine-color-gray-4)' },
} as const

/** The network drawn top to bottom: input, every layer with the shape it gives, the output. */
export function NetworkDiagram({
  check,
  layers,
}: {
  check: ModelCheck
  layers: readonly LayerSpec[]
}) {
  const nodes: Node[] = [
    { key: 'input', title: 'Input', shape: check.input.shape, state: 'fixed' },
    ...check.layers.map((row): Node => {
      const layer = layers.find((l) => l.id === row.id)
      return {
        key: row.id,
        title: layer ? LAYER_CATALOGUE[layer.type].label : 'Output',
        shape: row.output,
        state: row.error ? 'error' : row.output ? 'ok' : 'waiting',
      }
    }),
  ]
  const sizes = nodes.map((n) => (n.shape ? n.shape.reduce((a, b) => a * b, 1) : 1))
  const largest = Math.max(2, ...sizes)
  const height = nodes.length * (BOX_H + GAP) - GAP + 2
  const alt = nodes
    .map((n) => `${n.title} ${n.state === 'error' ? 'fails' : formatShape(n.shape)}`)
    .join(', then ')
  return (
    <Paper withBorder radius="md" p="sm">
      <Title order={5} mb={6}>
        Diagram
      </Title>
      <svg
        role="img"
        aria-label={`Network diagram: ${alt}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ display: 'block', maxWidth: WIDTH * 1.3, margin: '0 auto' }}
      >
        <title>{`Network diagram: ${alt}`}</title>
        {nodes.map((node, i) => {
          // A failing box is wide enough for its words.
          const w = node.state === 'error' ? 200 : widthOf(node.shape, largest)
          const x = (WIDTH - w) / 2
          const y = 1 + i * (BOX_H + GAP)
          const colour = COLOURS[node.state]
          return (
            <g key={node.key} data-node={node.key} data-state={node.state}>
              {i > 0 && (
                <path
                  d={`M ${WIDTH / 2} ${y - GAP + 1} V ${y - 2} m -3 -4 l 3 4 l 3 -4`}
                  stroke="var(--mantine-color-gray-5)"
                  fill="none"
                />
              )}
              <rect
                x={x}
                y={y}
                width={w}
                height={BOX_H}
                rx={5}
                fill={colour.fill}
                stroke={colour.stroke}
                strokeWidth={node.state === 'error' ? 2 : 1}
                strokeDasharray={node.state === 'waiting' ? '4 3' : undefined}
              />
              <text
                x={WIDTH / 2}
                y={y + BOX_H / 2 + 4}
                textAnchor="middle"
                fontSize={11}
                fill={node.state === 'error' ? 'var(--mantine-color-red-9)' : 'currentColor'}
              >
                <tspan fontWeight={600}>{node.title}</tspan>
                <tspan dx={6} fontFamily="monospace" fontSize={10}>
                  {node.state === 'error' ? '✕ breaks here' : shapeText(node.shape)}
                </tspan>
              </text>
            </g>
          )
        })}
      </svg>
    </Paper>
  )
}

/** "64", "12 × 32": the shape without the batch, short enough for a box. */
function shapeText(shape: readonly number[] | null): string {
  return shape ? shape.join(' × ') : '…'
}
