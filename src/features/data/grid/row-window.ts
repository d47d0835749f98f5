/**
 * Which rows the grid draws, and where. Rows have one fixed height, so the window is arithmetic
 * on the scroll position: nothing here grows with the row count.
 *
 * Browsers cap an element's height (Chromium and WebKit at 33,554,428 px, Firefox near 17.9M px),
 * and a million 28 px rows need 28M px. Beyond MAX_BODY_PX the scrollable body is kept at that
 * height and the scroll position is stretched: one pixel of scrollbar moves `scale` pixels of
 * rows. The rows themselves keep their height; only the scrollbar is geared.
 */
export const MAX_BODY_PX = 5_000_000

export interface RowWindowInput {
  readonly rowCount: number
  readonly rowHeight: number
  /** Height of the area that shows rows (the scroll viewport below the sticky header). */
  readonly viewport: number
  /** The element's real scrollTop. */
  readonly scrollTop: number
  /** Extra rows drawn above and below the visible ones. */
  readonly overscan: number
  readonly maxBodyPx?: number
}

export interface RowWindow {
  /** First and one-past-last display index to draw. */
  readonly start: number
  readonly end: number
  /** Real height of the scrollable body (under the cap). */
  readonly bodyHeight: number
  /** Virtual pixels per real scroll pixel (1 below the cap). */
  readonly scale: number
  /** Top of display row `i` in the body, in real pixels: i * rowHeight + shift. */
  readonly shift: number
}

export function bodyGeometry(rowCount: number, rowHeight: number, viewport: number, cap: number) {
  const fullHeight = rowCount * rowHeight
  const bodyHeight = Math.min(fullHeight, cap)
  const realRange = bodyHeight - viewport
  const scale = fullHeight > cap && realRange > 0 ? (fullHeight - viewport) / realRange : 1
  return { fullHeight, bodyHeight, scale }
}

export function rowWindow(input: RowWindowInput): RowWindow {
  const { rowCount, rowHeight, viewport, scrollTop, overscan } = input
  const { bodyHeight, scale, fullHeight } = bodyGeometry(
    rowCount,
    rowHeight,
    viewport,
    input.maxBodyPx ?? MAX_BODY_PX,
  )
  const virtualTop = Math.min(Math.max(0, scrollTop * scale), Math.max(0, fullHeight - viewport))
  const first = Math.floor(virtualTop / rowHeight)
  const visible = Math.ceil(viewport / rowHeight) + 1
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(rowCount, first + visible + overscan),
    bodyHeight,
    scale,
    shift: scrollTop - virtualTop,
  }
}

/** The real scrollTop that shows virtual offset `virtualTop` (clamped to the rows). */
export function scrollTopFor(
  virtualTop: number,
  geometry: { fullHeight: number; scale: number },
  viewport: number,
): number {
  const clamped = Math.min(Math.max(0, virtualTop), Math.max(0, geometry.fullHeight - viewport))
  return clamped / geometry.scale
}
