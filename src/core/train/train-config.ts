import { z } from 'zod'

export const trainConfigSchema = z.object({
  optimizer: z.literal('adam'),
  learningRate: z.number().positive().max(1),
  batchSize: z.number().int().min(1).max(65536),
  epochs: z.number().int().min(1).max(10000),
})

export type TrainConfig = z.infer<typeof trainConfigSchema>

export function defaultTrainConfig(): TrainConfig {
  return { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 30 }
}
