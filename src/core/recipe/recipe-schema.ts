import { z } from 'zod'
import { modelSpecSchema } from '../model/model-spec'
import { trainConfigSchema } from '../train/train-config'

export const RECIPE_VERSION = 1

const sourceColumnSchema = z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']) })

/** Numeric column → (x − mean) / std; a missing cell becomes the training mean, i.e. 0. */
const standardizeStepSchema = z.object({
  op: z.literal('standardize'),
  column: z.string(),
  fitted: z.object({ mean: z.number(), std: z.number().positive() }).optional(),
})

/** Categorical column → one 0/1 feature per training category; unseen or missing → all zeros. */
const oneHotStepSchema = z.object({
  op: z.literal('one-hot'),
  column: z.string(),
  fitted: z.object({ categories: z.array(z.string()) }).optional(),
})

export const featureStepSchema = z.discriminatedUnion('op', [
  standardizeStepSchema,
  oneHotStepSchema,
])

export const targetSchema = z.object({
  column: z.string(),
  task: z.enum(['binary', 'multiclass', 'regression']),
  /** Classification: class labels in output order (binary: [negative, positive]). */
  classes: z.array(z.string()).optional(),
  /** Regression: the target is standardised for training and mapped back for predictions. */
  scale: z.object({ mean: z.number(), std: z.number().positive() }).optional(),
})

export const splitSchema = z.object({
  method: z.enum(['stratified', 'random']),
  train: z.number().gt(0).lt(1),
  validation: z.number().gte(0).lt(1),
  test: z.number().gt(0).lt(1),
})

export const recipeSchema = z.object({
  version: z.literal(RECIPE_VERSION),
  seed: z.number().int(),
  source: z.object({ name: z.string(), columns: z.array(sourceColumnSchema) }),
  target: targetSchema,
  features: z.array(featureStepSchema),
  split: splitSchema,
  model: modelSpecSchema,
  training: trainConfigSchema,
})

export type FeatureStep = z.infer<typeof featureStepSchema>
export type TargetSpec = z.infer<typeof targetSchema>
export type SplitSpec = z.infer<typeof splitSchema>
export type Recipe = z.infer<typeof recipeSchema>

/** Validates a recipe read from a file or a bundle; the message names the first wrong field. */
export function parseRecipe(json: unknown): Recipe {
  const result = recipeSchema.safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.join('.') ?? ''
    throw new Error(
      `This recipe is not valid${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'unknown problem'}.`,
    )
  }
  return result.data
}
