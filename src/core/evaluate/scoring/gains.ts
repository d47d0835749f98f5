import { orderByScore } from './threshold-sweep'

/**
 * Lift and gains as credit-scoring teams read them: rows ranked by the event class's score,
 * highest first, cut into ten equal groups. Row i of n (0-based, ties kept in row order) falls in
 * decile ⌊10·i / n⌋, so decile sizes differ by at most one row.
 */
export interface DecileRow {
  readonly decile: number
  readonly count: number
  readonly events: number
  readonly eventRate: number
  /** Share of all events found in this decile and those above it (the gains curve at its end). */
  readonly cumulativeEventShare: number
  readonly lift: number
  readonly cumulativeLift: number
  readonly minScore: number
  readonly maxScore: number
}

/** The event class's score per row: P(positive) for class 1, 1 − P(positive) for class 0. */
export function eventScores(scores: ArrayLike<number>, eventClass: 0 | 1): Float64Array {
  return Float64Array.from(scores, (p) => (eventClass === 1 ? p : 1 - p))
}

export function decileTable(
  actual: ArrayLike<number>,
  scores: ArrayLike<number>,
  eventClass: 0 | 1,
): DecileRow[] {
  const n = scores.length
  const score = eventScores(scores, eventClass)
  const order = orderByScore(score)
  let totalEvents = 0
  for (let i = 0; i < n; i++) if (actual[i] === eventClass) totalEvents++
  const overall = totalEvents / n
  const table: DecileRow[] = []
  let seenRows = 0
  let seenEvents = 0
  for (let d = 0; d < 10; d++) {
    let count = 0
    let events = 0
    let minScore = Infinity
    let maxScore = -Infinity
    for (let i = Math.ceil((d * n) / 10); i < Math.ceil(((d + 1) * n) / 10); i++) {
      const row = order[i] as number
      const s = score[row] as number
      count++
      if (actual[row] === eventClass) events++
      minScore = Math.min(minScore, s)
      maxScore = Math.max(maxScore, s)
    }
    if (count === 0) continue
    seenRows += count
    seenEvents += events
    table.push({
      decile: d,
      count,
      events,
      eventRate: events / count,
      cumulativeEventShare: seenEvents / totalEvents,
      lift: events / count / overall,
      cumulativeLift: seenEvents / seenRows / overall,
      minScore,
      maxScore,
    })
  }
  return table
}

export interface GainsCurve {
  /** Share of rows targeted, from 0; one point per distinct score. */
  readonly share: Float64Array
  /** Share of all events among them. */
  readonly gain: Float64Array
  /** Share of rows that are events: the perfect model's curve reaches 1 at this share. */
  readonly eventRate: number
}

export function gainsCurve(
  actual: ArrayLike<number>,
  scores: ArrayLike<number>,
  eventClass: 0 | 1,
): GainsCurve {
  const n = scores.length
  const score = eventScores(scores, eventClass)
  const order = orderByScore(score)
  let totalEvents = 0
  for (let i = 0; i < n; i++) if (actual[i] === eventClass) totalEvents++
  const share = [0]
  const gain = [0]
  let events = 0
  for (let i = 0; i < n; i++) {
    const row = order[i] as number
    if (actual[row] === eventClass) events++
    const next = order[i + 1]
    if (next === undefined || score[next] !== score[row]) {
      share.push((i + 1) / n)
      gain.push(totalEvents === 0 ? 0 : events / totalEvents)
    }
  }
  return {
    share: Float64Array.from(share),
    gain: Float64Array.from(gain),
    eventRate: totalEvents / n,
  }
}
