import { formatNumber } from '../../ui/format'

// The colours and number formats the Train step's curves share: made once, so memoised charts
// see the same functions on every redraw.

export type Scale = 'linear' | 'log'

export const TRAIN_COLOR = 'var(--mantine-color-blue-6)'
export const VALIDATION_COLOR = 'var(--mantine-color-orange-6)'

export const formatValueTick = (v: number) => formatNumber(v, 3)
export const formatEpochTick = (v: number) => formatNumber(v, 1)
