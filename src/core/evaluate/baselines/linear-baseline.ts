import type { Recipe } from '../../recipe/recipe-schema'
import type { Dataset } from '../../train/engine'
import { fitLinearRegression, predictLinear } from './linear-regression'
import { fitLogisticRegression, predictProbabilities, type Inputs } from './logistic-regression'

/**
 * Bounds that keep the fit well under a second on the training worker whatever the data (it runs
 * after every run, before the results appear): logistic regression reads at most 250 thousand
 * input cells per pass for at most 300 L-BFGS iterations (German credit's 800 × 59 fits whole in
 * about 20 ms; Lending Club's 7,885 × 55 is thinned to 4,545 rows, about 0.4 s); least squares
 * reads at most 100 million products for its normal equations. Beyond that the training rows are
 * thinned evenly, which keeps their spread (and, for a chronological split, their whole period)
 * at the cost of a slightly less exact fit.
 */
const LOGISTIC_CELLS = 250_000
const LEAST_SQUARES_PRODUCTS = 100_000_000
const MIN_ROWS = 200
/** More inputs than this and the normal equations alone (width³) would take seconds. */
const MAX_INPUTS = 500

/** At most `limit` of the rows, evenly spaced. */
function thinned(data: Dataset, limit: number): { x: Inputs; y: Float32Array; width: number } {
  const { x, y } = data
  const keep = Math.min(x.rows, Math.max(MIN_ROWS, limit))
  if (keep === x.rows) return { x, y: y.values, width: y.width }
  const xs = new Float32Array(keep * x.width)
  const ys = new Float32Array(keep * y.width)
  for (let i = 0; i < keep; i++) {
    const row = Math.floor((i * x.rows) / keep)
    xs.set(x.values.subarray(row * x.width, (row + 1) * x.width), i * x.width)
    ys.set(y.values.subarray(row * y.width, (row + 1) * y.width), i * y.width)
  }
  return { x: { values: xs, rows: keep, width: x.width }, y: ys, width: y.width }
}

/** Class index per row from 0/1 labels (binary) or one-hot rows (multiclass). */
function classIndices(y: Float32Array, width: number): Int32Array {
  const rows = y.length / width
  const out = new Int32Array(rows)
  for (let i = 0; i < rows; i++) {
    if (width === 1) out[i] = (y[i] as number) >= 0.5 ? 1 : 0
    else for (let c = 0; c < width; c++) if (y[i * width + c] === 1) out[i] = c
  }
  return out
}

/**
 * Test outputs of a plain logistic regression (classes) or linear regression (numbers) fitted on
 * the run's prepared training rows: the simplest model that uses the inputs, so the analyst sees
 * whether the network earns its complexity. Outputs are decoded like the network's
 * (`decodeOutputs`): probabilities, or values in the target's units.
 *
 * Null when no such model says anything useful about the inputs: images (thousands of raw pixels,
 * where a linear model is neither quick nor a fair yardstick), text turned into token ids (codes,
 * not quantities: a weight on "word number 512" means nothing), and more than 500 inputs. Windows
 * of a time series are plain numbers (lagged values), so they get a linear autoregression.
 * It fits the training rows the network saw (oversampled rows included) but without class
 * weights in the loss: this is sklearn's plain `LogisticRegression()`.
 */
export function linearBaselineOutputs(
  recipe: Recipe,
  train: Dataset,
  test: Dataset,
): Float64Array | null {
  if (recipe.source.kind !== 'table') return null
  if (recipe.steps.some((s) => s.enabled && s.op === 'tokens')) return null
  const width = train.x.width
  if (width === 0 || width > MAX_INPUTS || train.x.rows < 2) return null
  const { task, classes = [], scale } = recipe.target
  if (task === 'regression') {
    const data = thinned(train, Math.floor(LEAST_SQUARES_PRODUCTS / (width * width)))
    const predicted = predictLinear(fitLinearRegression(data.x, data.y), test.x)
    if (!scale) return predicted
    return predicted.map((v) => v * scale.std + scale.mean)
  }
  const k = task === 'binary' ? 2 : classes.length
  const outputs = k === 2 ? 1 : k
  const data = thinned(train, Math.floor(LOGISTIC_CELLS / (width * outputs)))
  const model = fitLogisticRegression(data.x, classIndices(data.y, data.width), k)
  return predictProbabilities(model, test.x)
}
