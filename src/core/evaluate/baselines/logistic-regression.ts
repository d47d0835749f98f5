import { minimizeLbfgs } from './lbfgs'

/** Row-major rows × width inputs, as the prepared matrices hold them. */
export interface Inputs {
  readonly values: Float32Array
  readonly rows: number
  readonly width: number
}

/** Weights (outputs × width, row-major) and one intercept per output. */
export interface LinearModel {
  readonly weights: Float64Array
  readonly intercepts: Float64Array
  readonly width: number
  /** 1: binary (a sigmoid); k ≥ 3: multinomial softmax over k classes. */
  readonly outputs: number
}

/**
 * Penalised logistic regression as scikit-learn's `LogisticRegression()` fits it: minimises
 * C·Σ log loss + ½‖W‖² with C = 1, intercepts not penalised, one sigmoid for two classes and a
 * multinomial softmax (one weight row per class) for more. `labels` are class indices.
 *
 * The objective is divided by the row count so the stopping tolerance means the same for 100 rows
 * and 100,000; the optimum is unchanged.
 */
export function fitLogisticRegression(
  x: Inputs,
  labels: ArrayLike<number>,
  classCount: number,
  { C = 1, maxIterations = 300 }: { readonly C?: number; readonly maxIterations?: number } = {},
): LinearModel {
  const { rows: n, width: d, values } = x
  const k = classCount === 2 ? 1 : classCount
  const lambda = 1 / (C * n)
  const z = new Float64Array(k)
  const objective = (params: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0)
    let loss = 0
    for (let i = 0; i < n; i++) {
      const row = i * d
      const label = labels[i] as number
      for (let c = 0; c < k; c++) {
        let s = params[k * d + c] as number
        const w = c * d
        for (let j = 0; j < d; j++) s += (params[w + j] as number) * (values[row + j] as number)
        z[c] = s
      }
      if (k === 1) {
        const t = z[0] as number
        // log(1 + e^t) − y·t, written so neither large t nor small t overflows.
        loss += (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))) - label * t
        z[0] = 1 / (1 + Math.exp(-t)) - label
      } else {
        let max = Number.NEGATIVE_INFINITY
        for (let c = 0; c < k; c++) max = Math.max(max, z[c] as number)
        let sum = 0
        for (let c = 0; c < k; c++) sum += Math.exp((z[c] as number) - max)
        loss += max + Math.log(sum) - (z[label] as number)
        for (let c = 0; c < k; c++)
          z[c] = Math.exp((z[c] as number) - max) / sum - (c === label ? 1 : 0)
      }
      // z now holds ∂loss/∂logit per output.
      for (let c = 0; c < k; c++) {
        const r = z[c] as number
        if (r === 0) continue
        const w = c * d
        for (let j = 0; j < d; j++)
          gradient[w + j] = (gradient[w + j] as number) + r * (values[row + j] as number)
        gradient[k * d + c] = (gradient[k * d + c] as number) + r
      }
    }
    let penalty = 0
    for (let p = 0; p < k * d; p++) {
      const w = params[p] as number
      penalty += w * w
      gradient[p] = (gradient[p] as number) / n + lambda * w
    }
    for (let c = 0; c < k; c++) gradient[k * d + c] = (gradient[k * d + c] as number) / n
    return loss / n + (lambda / 2) * penalty
  }
  const { x: params } = minimizeLbfgs(objective, new Float64Array(k * d + k), {
    gradientTolerance: 1e-7,
    maxIterations,
  })
  return {
    weights: params.slice(0, k * d),
    intercepts: params.slice(k * d),
    width: d,
    outputs: k,
  }
}

/** Binary: P(class 1) per row. Multiclass: rows × k probabilities, row-major. */
export function predictProbabilities(model: LinearModel, x: Inputs): Float64Array {
  const { weights, intercepts, width: d, outputs: k } = model
  const out = new Float64Array(x.rows * k)
  const z = new Float64Array(k)
  for (let i = 0; i < x.rows; i++) {
    const row = i * d
    for (let c = 0; c < k; c++) {
      let s = intercepts[c] as number
      for (let j = 0; j < d; j++)
        s += (weights[c * d + j] as number) * (x.values[row + j] as number)
      z[c] = s
    }
    if (k === 1) {
      out[i] = 1 / (1 + Math.exp(-(z[0] as number)))
      continue
    }
    let max = Number.NEGATIVE_INFINITY
    for (let c = 0; c < k; c++) max = Math.max(max, z[c] as number)
    let sum = 0
    for (let c = 0; c < k; c++) sum += Math.exp((z[c] as number) - max)
    for (let c = 0; c < k; c++) out[i * k + c] = Math.exp((z[c] as number) - max) / sum
  }
  return out
}
