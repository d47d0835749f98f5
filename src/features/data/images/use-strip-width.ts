import { useCallback, useState } from 'react'

/**
 * The width of a thumbnail strip, kept current as the window resizes, so each class shows as
 * many previews as fit on one line and "+N more" counts exactly the ones not shown.
 */
export function useStripWidth(): [
  number | null,
  (element: HTMLElement | null) => (() => void) | undefined,
] {
  const [width, setWidth] = useState<number | null>(null)
  const attach = useCallback((element: HTMLElement | null) => {
    if (!element) return undefined
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [width, attach]
}
