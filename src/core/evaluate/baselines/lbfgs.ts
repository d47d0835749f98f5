/**
 * Limited-memory BFGS for smooth convex objectives (the baselines' penalised log loss): the
 * method scikit-learn's LogisticRegression uses by default, so the two land on the same optimum.
 */

export interface Objective {
  /** Writes the gradient at `x` into `gradient` and returns the value there. */
  (x: Float64Array, gradient: Float64Array): number
}

export interface LbfgsOptions {
  /** Stop once every gradient component is this small. */
  readonly gradientTolerance?: number
  readonly maxIterations?: number
  /** Correction pairs kept (scipy's default is 10). */
  readonly memory?: number
}

export interface LbfgsResult {
  readonly x: Float64Array
  readonly value: number
  readonly iterations: number
  readonly converged: boolean
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number)
  return s
}

function maxAbs(a: Float64Array): number {
  let m = 0
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number))
  return m
}

export function minimizeLbfgs(
  f: Objective,
  start: Float64Array,
  options: LbfgsOptions = {},
): LbfgsResult {
  const { gradientTolerance = 1e-8, maxIterations = 300, memory = 10 } = options
  const n = start.length
  let x = Float64Array.from(start)
  let g = new Float64Array(n)
  let value = f(x, g)
  const sList: Float64Array[] = []
  const yList: Float64Array[] = []
  const rhoList: number[] = []
  const direction = new Float64Array(n)
  const alpha = new Float64Array(memory)
  let iteration = 0
  while (iteration < maxIterations && maxAbs(g) > gradientTolerance) {
    iteration++
    // Two-loop recursion: direction = −H·g from the stored curvature pairs.
    for (let i = 0; i < n; i++) direction[i] = -(g[i] as number)
    for (let j = sList.length - 1; j >= 0; j--) {
      const a = (rhoList[j] as number) * dot(sList[j] as Float64Array, direction)
      alpha[j] = a
      const y = yList[j] as Float64Array
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) - a * (y[i] as number)
    }
    const last = sList.length - 1
    if (last >= 0) {
      const y = yList[last] as Float64Array
      const gamma = dot(sList[last] as Float64Array, y) / dot(y, y)
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) * gamma
    }
    for (let j = 0; j < sList.length; j++) {
      const s = sList[j] as Float64Array
      const beta = (rhoList[j] as number) * dot(yList[j] as Float64Array, direction)
      const a = alpha[j] as number
      for (let i = 0; i < n; i++)
        direction[i] = (direction[i] as number) + (a - beta) * (s[i] as number)
    }
    let slope = dot(direction, g)
    if (slope >= 0) {
      // Not a descent direction (rounding): start again from steepest descent.
      for (let i = 0; i < n; i++) direction[i] = -(g[i] as number)
      slope = -dot(g, g)
      sList.length = yList.length = rhoList.length = 0
    }
    // Backtracking (Armijo) line search; the first step of 1 is almost always taken.
    let step = sList.length === 0 ? Math.min(1, 1 / Math.max(maxAbs(g), 1e-12)) : 1
    const next = new Float64Array(n)
    const nextG = new Float64Array(n)
    let nextValue = Number.POSITIVE_INFINITY
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = (x[i] as number) + step * (direction[i] as number)
      nextValue = f(next, nextG)
      if (nextValue <= value + 1e-4 * step * slope) break
      step /= 2
    }
    if (!(nextValue < value) && !(nextValue === value && maxAbs(nextG) < maxAbs(g))) break
    const s = new Float64Array(n)
    const y = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      s[i] = (next[i] as number) - (x[i] as number)
      y[i] = (nextG[i] as number) - (g[i] as number)
    }
    const sy = dot(s, y)
    if (sy > 1e-300) {
      if (sList.length === memory) {
        sList.shift()
        yList.shift()
        rhoList.shift()
      }
      sList.push(s)
      yList.push(y)
      rhoList.push(1 / sy)
    }
    x = next
    g = nextG
    value = nextValue
  }
  return { x, value, iterations: iteration, converged: maxAbs(g) <= gradientTolerance }
}
