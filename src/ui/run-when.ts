/** "14:05" today, "3 Mar 09:12" before: when a run started, as the history lists it. */
export function runWhen(startedAt: number, now = Date.now()): string {
  const date = new Date(startedAt)
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  if (date.toDateString() === new Date(now).toDateString()) return time
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })
  return `${day} ${time}`
}
