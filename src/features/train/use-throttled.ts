import { startTransition, useEffect, useRef, useState } from 'react'

/** How often the curves redraw while a run reports: live to the eye, light on the page. */
export const REDRAW_MS = 1000

/**
 * `value`, passed on at most every `ms` (the latest one always arrives), as a transition React
 * may interrupt: charts redraw a few times a second however fast a run reports, and never hold
 * up a click.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value)
  const lastShown = useRef(0)
  useEffect(() => {
    const wait = Math.max(0, lastShown.current + ms - Date.now())
    const timer = setTimeout(() => {
      lastShown.current = Date.now()
      startTransition(() => setShown(value))
    }, wait)
    return () => clearTimeout(timer)
  }, [value, ms])
  return shown
}
