// A plain-number Transformer encoder block (loops, no TensorFlow.js), the yardstick the layer's
// tests hold it to. Only the tests import it.

export type Matrix = number[][]

export interface EncoderReferenceWeights {
  readonly query: Matrix
  readonly queryBias: number[]
  readonly key: Matrix
  readonly keyBias: number[]
  readonly value: Matrix
  readonly valueBias: number[]
  readonly output: Matrix
  readonly outputBias: number[]
  readonly attentionGamma: number[]
  readonly attentionBeta: number[]
  readonly ffInner: Matrix
  readonly ffInnerBias: number[]
  readonly ffOuter: Matrix
  readonly ffOuterBias: number[]
  readonly ffGamma: number[]
  readonly ffBeta: number[]
}

const at = (values: readonly number[], i: number): number => {
  const v = values[i]
  if (v === undefined) throw new Error(`index ${i} outside ${values.length} values`)
  return v
}
const row = (m: Matrix, i: number): number[] => {
  const r = m[i]
  if (!r) throw new Error(`row ${i} outside ${m.length} rows`)
  return r
}

function affine(x: number[], kernel: Matrix, bias: number[]): number[] {
  return bias.map((b, j) => x.reduce((sum, xi, i) => sum + xi * at(row(kernel, i), j), b))
}

function layerNorm(x: number[], gamma: number[], beta: number[], epsilon: number): number[] {
  const mean = x.reduce((a, b) => a + b, 0) / x.length
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + epsilon)) * at(gamma, i) + at(beta, i))
}

/** erf by its Taylor series: exact to ~1e-10 below |x| = 4, where erf is within 2e-8 of ±1. */
function erf(x: number): number {
  if (Math.abs(x) >= 4) return Math.sign(x)
  let term = x
  let sum = x
  for (let n = 1; n < 100; n++) {
    term *= (-x * x) / n
    sum += term / (2 * n + 1)
  }
  return (2 / Math.sqrt(Math.PI)) * sum
}

function activate(v: number, activation: 'relu' | 'gelu'): number {
  return activation === 'relu' ? Math.max(0, v) : 0.5 * v * (1 + erf(v / Math.SQRT2))
}

/** One sequence [steps][width] through the block in inference mode (no dropout). */
export function referenceEncoder(
  sequence: Matrix,
  w: EncoderReferenceWeights,
  options: { heads: number; keyDim: number; activation: 'relu' | 'gelu'; epsilon: number },
): Matrix {
  const { heads, keyDim } = options
  const q = sequence.map((x) => affine(x, w.query, w.queryBias))
  const k = sequence.map((x) => affine(x, w.key, w.keyBias))
  const v = sequence.map((x) => affine(x, w.value, w.valueBias))
  const context = sequence.map(() => new Array<number>(heads * keyDim).fill(0))
  for (let h = 0; h < heads; h++) {
    const slice = (m: Matrix, i: number) => row(m, i).slice(h * keyDim, (h + 1) * keyDim)
    sequence.forEach((_, i) => {
      const scores = sequence.map(
        (__, j) =>
          slice(q, i).reduce((s, qi, d) => s + qi * at(slice(k, j), d), 0) / Math.sqrt(keyDim),
      )
      const top = Math.max(...scores)
      const exps = scores.map((s) => Math.exp(s - top))
      const total = exps.reduce((a, b) => a + b, 0)
      sequence.forEach((__, j) => {
        const weight = at(exps, j) / total
        slice(v, j).forEach((vj, d) => {
          row(context, i)[h * keyDim + d] = at(row(context, i), h * keyDim + d) + weight * vj
        })
      })
    })
  }
  return sequence.map((x, i) => {
    const attended = affine(row(context, i), w.output, w.outputBias)
    const a = layerNorm(
      x.map((xi, d) => xi + at(attended, d)),
      w.attentionGamma,
      w.attentionBeta,
      options.epsilon,
    )
    const inner = affine(a, w.ffInner, w.ffInnerBias).map((u) => activate(u, options.activation))
    const fed = affine(inner, w.ffOuter, w.ffOuterBias)
    return layerNorm(
      a.map((ai, d) => ai + at(fed, d)),
      w.ffGamma,
      w.ffBeta,
      options.epsilon,
    )
  })
}
