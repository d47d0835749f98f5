import type { Step, StepOp } from '../step-schema'
import { castStep } from '../steps/cast'
import { datePartsStep } from '../steps/date-parts'
import { dropColumnsStep } from '../steps/drop-columns'
import { dropDuplicatesStep } from '../steps/drop-duplicates'
import { filterRowsStep } from '../steps/filter-rows'
import { frequencyStep } from '../steps/frequency'
import { imputeStep } from '../steps/impute'
import { log1pStep } from '../steps/log1p'
import { oneHotStep } from '../steps/one-hot'
import { ordinalStep } from '../steps/ordinal'
import { outliersStep } from '../steps/outliers'
import { scaleStep } from '../steps/scale'
import { tokensStep } from '../steps/tokens'
import { windowsStep } from '../steps/windows'
import type { StepImpl } from './step-impl'

type TableOp = Exclude<StepOp, 'image-resize' | 'image-normalise'>

const TABLE_STEPS: { readonly [O in TableOp]: StepImpl<O> } = {
  'drop-duplicates': dropDuplicatesStep,
  'drop-columns': dropColumnsStep,
  'filter-rows': filterRowsStep,
  outliers: outliersStep,
  impute: imputeStep,
  cast: castStep,
  'one-hot': oneHotStep,
  ordinal: ordinalStep,
  frequency: frequencyStep,
  scale: scaleStep,
  log1p: log1pStep,
  'date-parts': datePartsStep,
  tokens: tokensStep,
  windows: windowsStep,
}

/** The implementation of a table step; image steps belong to image datasets and are refused. */
export function tableStepImpl(step: Step): StepImpl<StepOp> {
  if (step.op === 'image-resize' || step.op === 'image-normalise') {
    throw new Error(
      'Image steps (resize, normalise) apply to image datasets, not to a table. Remove this step.',
    )
  }
  // Each op maps to the implementation for that op; TypeScript cannot follow the correlation.
  return TABLE_STEPS[step.op] as unknown as StepImpl<StepOp>
}
