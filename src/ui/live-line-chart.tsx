import { startTransition, useEffect, useId, useRef, useState } from 'react'

export interface LivePoint {
  readonly x: number
  readonly y: number | null
}

export interface LiveSeries {
  readonly name: string
  readonly points: readonly LivePoint[]
  readonly color: string
  readonly width?: number
  readonly opacity?: number
}

export interface LiveLineChartProps {
  readonly series: readonly LiveSeries[]
  readonly xDomain: readonly [number, number]
  readonly xTicks: readonly number[]
  readonly yDomain: readonly [number, number]
  readonly yTicks: readonly number[]
  readonly scale: 'linear' | 'log'
  readonly formatX: (value: number) => string
  readonly formatY: (value: number) => string
  /** Names the x value in the hover read-out ("Epoch 3"). */
  readonly xLabel: string
}

const MARGIN = { top: 6, right: 12, bottom: 20, left: 52 }
const TICK_COLOR = 'var(--mantine-color-dimmed)'
const GRID_COLOR = 'var(--mantine-color-gray-2)'
const AXIS_COLOR = 'var(--mantine-color-gray-5)'

/** The box's pixel size, read only when it changes (not on every redraw, which would force layout). */
function useBoxSize(): [React.RefObject<HTMLDivElement | null>, { w: number; h: number }] {
  const ref = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState({ w: 0, h: 0 })
  useEffect(() => {
    const box = ref.current
    if (!box) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      const { width, height } = entry.contentRect
      // A transition: the first draw of the page's charts comes in slices, not in one task.
      startTransition(() =>
        setSize((s) =>
          s.w === Math.round(width) && s.h === Math.round(height)
            ? s
            : { w: Math.round(width), h: Math.round(height) },
        ),
      )
    })
    observer.observe(box)
    return () => observer.disconnect()
  }, [])
  return [ref, size]
}

/** A polyline path through the finite points; gaps (null, NaN, ≤ 0 on a log scale) break it. */
function linePath(
  points: readonly LivePoint[],
  px: (x: number) => number,
  py: (y: number) => number,
  log: boolean,
): string {
  let path = ''
  let pen = false
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y) || (log && p.y <= 0)) {
      pen = false
      continue
    }
    path += `${pen ? 'L' : 'M'}${px(p.x).toFixed(1)} ${py(p.y).toFixed(1)}`
    pen = true
  }
  return path
}

/**
 * A line chart drawn as a few SVG paths. The Train step's curves redraw every second while a run
 * goes on; recharts 3 spent 50–280 ms per redraw of the step's charts on a 2-core machine
 * (selectors, measuring, per-point elements), long enough to stall the page. Here a redraw is one
 * path string per line. Hovering shows the values nearest the pointer.
 */
export function LiveLineChart({
  series,
  xDomain,
  xTicks,
  yDomain,
  yTicks,
  scale,
  formatX,
  formatY,
  xLabel,
}: LiveLineChartProps) {
  const [ref, { w, h }] = useBoxSize()
  const [hoverX, setHoverX] = useState<number | null>(null)
  // Several charts share the page: each clips to its own plot area.
  const clipId = useId()
  const plotW = Math.max(1, w - MARGIN.left - MARGIN.right)
  const plotH = Math.max(1, h - MARGIN.top - MARGIN.bottom)
  const log = scale === 'log'
  const [x0, x1] = xDomain
  const ty = (v: number) => (log ? Math.log10(Math.max(v, Number.MIN_VALUE)) : v)
  const y0 = ty(yDomain[0])
  const y1 = ty(yDomain[1])
  const px = (x: number) => MARGIN.left + ((x - x0) / (x1 - x0 || 1)) * plotW
  const py = (y: number) => MARGIN.top + plotH - ((ty(y) - y0) / (y1 - y0 || 1)) * plotH
  const hovered =
    hoverX === null
      ? null
      : series.map((s) => {
          let best: LivePoint | null = null
          for (const p of s.points) {
            if (!best || Math.abs(p.x - hoverX) < Math.abs(best.x - hoverX)) best = p
          }
          return { series: s, point: best }
        })
  const hoverPoint = hovered?.find((h) => h.point)?.point ?? null
  return (
    <div ref={ref} style={{ width: '100%', height: '100%', position: 'relative' }}>
      {w > 0 && (
        <svg
          width={w}
          height={h}
          aria-hidden
          onMouseMove={(event) => {
            const left = event.currentTarget.getBoundingClientRect().left
            const x = x0 + ((event.clientX - left - MARGIN.left) / plotW) * (x1 - x0)
            setHoverX(Math.min(x1, Math.max(x0, x)))
          }}
          onMouseLeave={() => setHoverX(null)}
        >
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line
                x1={MARGIN.left}
                x2={MARGIN.left + plotW}
                y1={py(t)}
                y2={py(t)}
                stroke={GRID_COLOR}
                strokeDasharray="3 3"
              />
              <text
                x={MARGIN.left - 6}
                y={py(t)}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize={11}
                fill={TICK_COLOR}
              >
                {formatY(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text
              key={`x${t}`}
              x={px(t)}
              y={MARGIN.top + plotH + 14}
              textAnchor="middle"
              fontSize={11}
              fill={TICK_COLOR}
            >
              {formatX(t)}
            </text>
          ))}
          <line
            x1={MARGIN.left}
            x2={MARGIN.left + plotW}
            y1={MARGIN.top + plotH}
            y2={MARGIN.top + plotH}
            stroke={AXIS_COLOR}
          />
          <line
            x1={MARGIN.left}
            x2={MARGIN.left}
            y1={MARGIN.top}
            y2={MARGIN.top + plotH}
            stroke={AXIS_COLOR}
          />
          <clipPath id={clipId}>
            <rect x={MARGIN.left} y={MARGIN.top} width={plotW} height={plotH} />
          </clipPath>
          <g clipPath={`url(#${clipId})`}>
            {series.map((s) => (
              <path
                key={s.name}
                d={linePath(s.points, px, py, log)}
                fill="none"
                stroke={s.color}
                strokeWidth={s.width ?? 2}
                strokeOpacity={s.opacity ?? 1}
                strokeLinejoin="round"
              />
            ))}
          </g>
          {hoverPoint && (
            <line
              x1={px(hoverPoint.x)}
              x2={px(hoverPoint.x)}
              y1={MARGIN.top}
              y2={MARGIN.top + plotH}
              stroke={AXIS_COLOR}
            />
          )}
        </svg>
      )}
      {hovered && hoverPoint && (
        <div
          style={{
            position: 'absolute',
            top: MARGIN.top,
            left: px(hoverPoint.x) > w / 2 ? MARGIN.left + 4 : undefined,
            right: px(hoverPoint.x) > w / 2 ? undefined : MARGIN.right + 4,
            background: 'var(--mantine-color-body)',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 4,
            padding: '2px 6px',
            fontSize: 11,
            pointerEvents: 'none',
          }}
        >
          <div>
            {xLabel} {formatX(hoverPoint.x)}
          </div>
          {hovered.map(({ series: s, point }) =>
            point && point.y !== null ? (
              <div key={s.name} style={{ color: s.color }}>
                {s.name}: {formatY(point.y)}
              </div>
            ) : null,
          )}
        </div>
      )}
    </div>
  )
}
