import type { ColumnProfile } from '../../../core/profile/profile-types'

const WIDTH = 96
const HEIGHT = 28

/** A sparkline-sized histogram or top-category bar, drawn from the profile (no data reads). */
export function MiniDistribution({ column }: { column: ColumnProfile }) {
  const h = column.histogram
  // Numbers read as labels (boolean, categorical) show their values; quantities their bins.
  const horizontal = !(h && (h.discrete || !column.categories))
  const counts = (horizontal ? column.categories?.top.map((c) => c.count) : h.counts) ?? []
  if (counts.length === 0) return null
  const max = Math.max(...counts, 1)
  const bar = WIDTH / counts.length
  return (
    <svg width={WIDTH} height={HEIGHT} aria-hidden="true" style={{ display: 'block' }}>
      {counts.map((count, i) => {
        const h = Math.max(count > 0 ? 1 : 0, (count / max) * (HEIGHT - 2))
        return (
          <rect
            key={i}
            x={i * bar + 0.5}
            y={HEIGHT - h}
            width={Math.max(1, bar - 1)}
            height={h}
            fill={horizontal ? 'var(--mantine-color-violet-4)' : 'var(--mantine-color-blue-5)'}
          />
        )
      })}
      <line
        x1={0}
        x2={WIDTH}
        y1={HEIGHT - 0.5}
        y2={HEIGHT - 0.5}
        stroke="var(--mantine-color-gray-4)"
      />
    </svg>
  )
}
