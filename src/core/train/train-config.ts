import { z } from 'zod'

export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax'] as const
export type OptimizerName = (typeof OPTIMIZERS)[number]

export const trainConfigSchema = z.object({
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().positive().max(1),
  batchSize: z.number().int().min(1).max(65536),
  epochs: z.number().int().min(1).max(10000),
  /** SGD only: the share of the last step carried into the next (0: plain SGD). Default 0.9. */
  momentum: z.number().min(0).lt(1).optional(),
  /** SGD with momentum only: look ahead along the momentum before taking the gradient. */
  nesterov: z.boolean().optional(),
})

export type TrainConfig = z.infer<typeof trainConfigSchema>

export function defaultTrainConfig(): TrainConfig {
  return { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 30 }
}
