import { useVirtualizer } from '@tanstack/react-virtual'
import type { RefObject } from 'react'

/**
 * The columns in (and just beside) the horizontal view, as a first..last range: a 62-column
 * table draws about a dozen. Rows are windowed by row-window.ts, which can gear the scrollbar
 * past the browser's height limit; columns never get near a width limit, so react-virtual's
 * plain pixel model fits them.
 */
export function useColumnWindow(
  scroller: RefObject<HTMLDivElement | null>,
  widths: readonly number[],
  leading: number,
  overscan: number,
): { first: number; last: number } {
  // Only two numbers leave this hook, never the virtualizer's functions, so the React Compiler's
  // caution about memoising them does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: widths.length,
    getScrollElement: () => scroller.current,
    estimateSize: (c) => widths[c] ?? 100,
    paddingStart: leading,
    overscan,
  })
  const items = virtualizer.getVirtualItems()
  return { first: items[0]?.index ?? 0, last: items.at(-1)?.index ?? -1 }
}
