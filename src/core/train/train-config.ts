import { z } from '../zod'

export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax'] as const
export type OptimizerName = (typeof OPTIMIZERS)[number]

/**
 * How the learning rate moves between epochs (epoch 1 always uses `learningRate`):
 * - step: multiplied by `factor` every `every` epochs (Keras StepDecay, PyTorch StepLR);
 * - exponential: multiplied by `decay` after every epoch (PyTorch ExponentialLR);
 * - plateau: multiplied by `factor` once the monitored loss has not improved by `minDelta` for
 *   `patience` epochs, never below `minLearningRate` (Keras ReduceLROnPlateau).
 */
export const learningRateScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }),
  z.object({
    kind: z.literal('step'),
    every: z.number().int().min(1),
    factor: z.number().gt(0).lt(1),
  }),
  z.object({ kind: z.literal('exponential'), decay: z.number().gt(0).lte(1) }),
  z.object({
    kind: z.literal('plateau'),
    factor: z.number().gt(0).lt(1),
    patience: z.number().int().min(1),
    minDelta: z.number().min(0),
    minLearningRate: z.number().min(0),
  }),
])
export type LearningRateSchedule = z.infer<typeof learningRateScheduleSchema>
export const LEARNING_RATE_SCHEDULES = ['constant', 'step', 'exponential', 'plateau'] as const

/**
 * Which rows the curves call "validation":
 * - split: the recipe's validation part (the default);
 * - from-training: the last `validationShare` of the (shuffled) training rows, held out before
 *   training, as Keras' validation_split does; used when the recipe has no validation part;
 * - none: no validation, so early stopping and plateau schedules watch the training loss.
 */
export const VALIDATION_SOURCES = ['split', 'from-training', 'none'] as const
export type ValidationSource = (typeof VALIDATION_SOURCES)[number]

/** Stops once the monitored loss has not improved by `minDelta` for `patience` epochs. */
export const earlyStoppingSchema = z.object({
  patience: z.number().int().min(1),
  minDelta: z.number().min(0),
  /** Put back the weights of the best epoch when the run ends (Keras restore_best_weights). */
  restoreBestWeights: z.boolean(),
})
export type EarlyStopping = z.infer<typeof earlyStoppingSchema>

/**
 * Metrics tracked per epoch for training and validation rows, besides the loss. Classification:
 * accuracy, auc (ROC), precision, recall (positive class, or macro over classes); regression: mae,
 * rmse. Unknown to the target kind → ignored.
 */
export const EPOCH_METRICS = ['accuracy', 'auc', 'precision', 'recall', 'mae', 'rmse'] as const
export type EpochMetric = (typeof EPOCH_METRICS)[number]

export const trainConfigSchema = z.object({
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().positive().max(1),
  batchSize: z.number().int().min(1).max(65536),
  epochs: z.number().int().min(1).max(10000),
  /** SGD only: the share of the last step carried into the next (0: plain SGD). Default 0.9. */
  momentum: z.number().min(0).lt(1).optional(),
  /** SGD with momentum only: look ahead along the momentum before taking the gradient. */
  nesterov: z.boolean().optional(),
  /** Absent: constant. */
  schedule: learningRateScheduleSchema.optional(),
  /** Absent: 'split'. */
  validation: z.enum(VALIDATION_SOURCES).optional(),
  /** For validation 'from-training': the share of training rows held out. Default 0.2. */
  validationShare: z.number().gt(0).lte(0.5).optional(),
  /** Absent or null: train every epoch. */
  earlyStopping: earlyStoppingSchema.nullable().optional(),
  /**
   * Seeds weights, shuffling, dropout and noise: the same seed on the same backend gives the same
   * curve. Absent: the recipe's seed.
   */
  seed: z.number().int().optional(),
  /** Absent: accuracy and AUC for classes, MAE for numbers. */
  metrics: z.array(z.enum(EPOCH_METRICS)).optional(),
})

export type TrainConfig = z.infer<typeof trainConfigSchema>

export const DEFAULT_VALIDATION_SHARE = 0.2

export function defaultTrainConfig(): TrainConfig {
  return { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 30 }
}

/** The metrics a run tracks for a target kind, in a fixed order. */
export function epochMetricsOf(
  config: TrainConfig,
  task: 'binary' | 'multiclass' | 'regression',
): EpochMetric[] {
  const classes = task !== 'regression'
  const forKind: readonly EpochMetric[] = classes
    ? ['accuracy', 'auc', 'precision', 'recall']
    : ['mae', 'rmse']
  const chosen = config.metrics ?? (classes ? ['accuracy', 'auc'] : ['mae'])
  return forKind.filter((m) => chosen.includes(m))
}

/** The seed a run trains with. */
export function trainingSeed(config: TrainConfig, recipeSeed: number): number {
  return config.seed ?? recipeSeed
}
