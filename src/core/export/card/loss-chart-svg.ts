import type { EpochLog } from '../../train/engine'
import { cardNumber } from './card-format'

const WIDTH = 640
const HEIGHT = 260
const MARGIN = { top: 34, right: 20, bottom: 44, left: 60 }
const COLORS = { loss: '#1c7ed6', valLoss: '#e8590c' }

/** About five round steps covering [low, high] (1, 2 or 5 times a power of ten). */
function ticks(low: number, high: number): number[] {
  const span = high - low || Math.abs(high) || 1
  const raw = span / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power
  const out: number[] = []
  // From the step at or below `low` to the first at or above `high`, so every point is inside.
  for (let v = Math.floor(low / step) * step; ; v += step) {
    out.push(Number(v.toPrecision(12)))
    if (v >= high - step * 1e-9 && out.length > 1) return out
  }
}

/**
 * Loss and validation loss per epoch as a standalone SVG line chart (no script, no fonts from
 * elsewhere): what the card shows of how training went. Text is numbers and fixed labels only.
 */
export function lossChartSvg(epochs: readonly EpochLog[]): string {
  const series = [
    { label: 'Training loss', color: COLORS.loss, points: epochs.map((e) => [e.epoch, e.loss]) },
    {
      label: 'Validation loss',
      color: COLORS.valLoss,
      points: epochs.flatMap((e) => (e.valLoss === null ? [] : [[e.epoch, e.valLoss]])),
    },
  ].filter((s) => s.points.length > 0)
  const values = series.flatMap((s) => s.points.map((p) => p[1] as number)).filter(Number.isFinite)
  if (values.length === 0) return ''
  // Zoomed to the losses seen: how much they fell is what a reader looks for.
  const yTicks = ticks(Math.min(...values), Math.max(...values))
  const yMin = yTicks[0] ?? 0
  const yMax = yTicks.at(-1) ?? 1
  const first = epochs[0]?.epoch ?? 1
  const last = Math.max(epochs.at(-1)?.epoch ?? 1, first + 1)
  const plotW = WIDTH - MARGIN.left - MARGIN.right
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom
  const x = (epoch: number) => MARGIN.left + ((epoch - first) / (last - first)) * plotW
  const y = (v: number) => MARGIN.top + (1 - (v - yMin) / (yMax - yMin || 1)) * plotH
  const xStep = Math.max(1, Math.ceil((last - first + 1) / 10))
  const xTicks: number[] = []
  for (let e = first; e <= last; e += xStep) xTicks.push(e)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Training and validation loss per epoch">`,
    '<title>Training and validation loss per epoch</title>',
    ...yTicks.map(
      (t) =>
        `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#e9ecef"/><text x="${MARGIN.left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#495057">${cardNumber(t, 3)}</text>`,
    ),
    ...xTicks.map(
      (e) =>
        `<text x="${x(e).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" font-size="11" fill="#495057">${e}</text>`,
    ),
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#868e96"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle" font-size="12" fill="#212529">Epoch</text>`,
    `<text transform="translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#212529">Loss</text>`,
    ...series.map(
      (s) =>
        `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map(([e, v]) => `${x(e as number).toFixed(1)},${y(v as number).toFixed(1)}`).join(' ')}"/>` +
        (s.points.length === 1
          ? `<circle cx="${x(s.points[0]?.[0] as number).toFixed(1)}" cy="${y(s.points[0]?.[1] as number).toFixed(1)}" r="3" fill="${s.color}"/>`
          : ''),
    ),
    ...series.map(
      (s, i) =>
        `<rect x="${MARGIN.left + i * 150}" y="10" width="14" height="3" fill="${s.color}"/><text x="${MARGIN.left + 20 + i * 150}" y="15" font-size="11" fill="#212529">${s.label}</text>`,
    ),
    '</svg>',
  ]
  return parts.join('')
}
