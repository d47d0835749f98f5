import type { Inputs } from './logistic-regression'

/** y ≈ weights · x + intercept. */
export interface LinearFit {
  readonly weights: Float64Array
  readonly intercept: number
  /** The ridge added to make the normal equations solvable; 0 for plain least squares. */
  readonly ridge: number
}

/** Cholesky factor of a symmetric d × d matrix in place (lower triangle); false if not positive. */
function cholesky(a: Float64Array, d: number, minPivot: number): boolean {
  for (let j = 0; j < d; j++) {
    let pivot = a[j * d + j] as number
    for (let k = 0; k < j; k++) pivot -= (a[j * d + k] as number) ** 2
    if (!(pivot > minPivot)) return false
    const root = Math.sqrt(pivot)
    a[j * d + j] = root
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j] as number
      for (let k = 0; k < j; k++) s -= (a[i * d + k] as number) * (a[j * d + k] as number)
      a[i * d + j] = s / root
    }
  }
  return true
}

function solveCholesky(l: Float64Array, d: number, b: Float64Array): Float64Array {
  const y = new Float64Array(d)
  for (let i = 0; i < d; i++) {
    let s = b[i] as number
    for (let k = 0; k < i; k++) s -= (l[i * d + k] as number) * (y[k] as number)
    y[i] = s / (l[i * d + i] as number)
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i] as number
    for (let k = i + 1; k < d; k++) s -= (l[k * d + i] as number) * (y[k] as number)
    y[i] = s / (l[i * d + i] as number)
  }
  return y
}

/**
 * Ordinary least squares with an intercept, as scikit-learn's `LinearRegression` fits it, through
 * the normal equations of the centred inputs. When those are singular (a column that copies
 * another, or one-hot columns that always sum to 1) there is no unique answer: a ridge of 1e-8 of
 * the mean diagonal is added, which tends to the minimum-norm solution sklearn's least squares
 * returns, and whose predictions differ from it by far less than the data's precision.
 */
export function fitLinearRegression(x: Inputs, target: ArrayLike<number>): LinearFit {
  const { rows: n, width: d, values } = x
  const means = new Float64Array(d)
  let yMean = 0
  for (let i = 0; i < n; i++) {
    yMean += target[i] as number
    for (let j = 0; j < d; j++) means[j] = (means[j] as number) + (values[i * d + j] as number)
  }
  yMean /= n
  for (let j = 0; j < d; j++) means[j] = (means[j] as number) / n
  const gram = new Float64Array(d * d)
  const moment = new Float64Array(d)
  const centred = new Float64Array(d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = (values[i * d + j] as number) - (means[j] as number)
    const y = (target[i] as number) - yMean
    for (let j = 0; j < d; j++) {
      const cj = centred[j] as number
      if (cj === 0) continue
      moment[j] = (moment[j] as number) + cj * y
      const at = j * d
      for (let k = 0; k <= j; k++)
        gram[at + k] = (gram[at + k] as number) + cj * (centred[k] as number)
    }
  }
  let trace = 0
  for (let j = 0; j < d; j++) trace += gram[j * d + j] as number
  const scale = trace / Math.max(d, 1) || 1
  let ridge = 0
  let factor = gram.slice()
  for (const tried of [0, 1e-8, 1e-6, 1e-3]) {
    ridge = tried * scale
    factor = gram.slice()
    for (let j = 0; j < d; j++) factor[j * d + j] = (factor[j * d + j] as number) + ridge
    if (cholesky(factor, d, tried === 0 ? 1e-9 * scale : 0)) break
  }
  const weights = solveCholesky(factor, d, moment)
  let intercept = yMean
  for (let j = 0; j < d; j++) intercept -= (weights[j] as number) * (means[j] as number)
  return { weights, intercept, ridge }
}

export function predictLinear(fit: LinearFit, x: Inputs): Float64Array {
  const out = new Float64Array(x.rows)
  const d = x.width
  for (let i = 0; i < x.rows; i++) {
    let s = fit.intercept
    for (let j = 0; j < d; j++) s += (fit.weights[j] as number) * (x.values[i * d + j] as number)
    out[i] = s
  }
  return out
}
