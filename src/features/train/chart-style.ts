import { formatNumber } from '../../ui/format'

// Recharts 3 registers each axis and line in its own store from an effect keyed on its props: an
// object or function made anew on every render re-registers them all on every redraw. So the
// props the charts share are made once, here.

export type Scale = 'linear' | 'log'

export const TRAIN_COLOR = 'var(--mantine-color-blue-6)'
export const VALIDATION_COLOR = 'var(--mantine-color-orange-6)'
export const GRID_COLOR = 'var(--mantine-color-gray-2)'

export const CHART_MARGIN = { top: 4, right: 12, bottom: 0, left: 0 }
export const TICK_STYLE = { fontSize: 11 }

export const formatValueTick = (v: number) => formatNumber(v, 3)
export const formatEpochTick = (v: number) => formatNumber(v, 1)
export const formatTooltipValue = (v: unknown) =>
  typeof v === 'number' ? formatNumber(v) : String(v)
export const formatEpochLabel = (l: unknown) =>
  `Epoch ${typeof l === 'number' ? formatNumber(l, 2) : ''}`
