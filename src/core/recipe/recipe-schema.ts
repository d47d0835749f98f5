import { z } from '../zod'
import { modelSpecSchema } from '../model/model-spec'
import { COLUMN_TYPES } from '../table/column-type'
import { trainConfigSchema } from '../train/train-config'
import { migrateRecipe } from './migrate'
import { stepSchema } from './step-schema'

export const RECIPE_VERSION = 2

const sourceColumnSchema = z.object({
  name: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  /** The column's type on the Data step: a datetime column is read from date text at prediction. */
  type: z.enum(COLUMN_TYPES).optional(),
  /** For datetime columns read from text: the day/month order of the training file. */
  dayMonthOrder: z.enum(['day-first', 'month-first']).nullable().optional(),
})

const tableSourceSchema = z.object({
  kind: z.literal('table'),
  name: z.string(),
  columns: z.array(sourceColumnSchema),
})

/** An image dataset: one class per folder; the target is the folder. */
const imageSourceSchema = z.object({
  kind: z.literal('images'),
  name: z.string(),
  classes: z.array(z.string()),
})

export const sourceSchema = z.discriminatedUnion('kind', [tableSourceSchema, imageSourceSchema])

export const targetSchema = z.object({
  column: z.string(),
  task: z.enum(['binary', 'multiclass', 'regression']),
  /** Classification: class labels in output order (binary: [negative, positive]). */
  classes: z.array(z.string()).optional(),
  /** Regression: the target is standardised for training and mapped back for predictions. */
  scale: z.object({ mean: z.number(), std: z.number().positive() }).optional(),
})

export const SPLIT_METHODS = ['random', 'stratified', 'chronological'] as const

export const splitSchema = z.object({
  /**
   * random and stratified shuffle with the seed; chronological orders rows by `orderBy` (file
   * order when null) and cuts train, then validation, then test, so the model is tested on the
   * future as it will be used.
   */
  method: z.enum(SPLIT_METHODS),
  orderBy: z.string().nullable().optional(),
  train: z.number().gt(0).lt(1),
  validation: z.number().gte(0).lt(1),
  test: z.number().gt(0).lt(1),
})

/** Class imbalance, handled on the training split only. */
export const balanceSchema = z.object({
  method: z.enum(['none', 'class-weights', 'oversample']),
  /**
   * class-weights only: the analyst's own loss weight per class, in `target.classes` order.
   * Absent: sklearn's 'balanced' weights fitted on the training rows.
   */
  weights: z.array(z.number().positive()).optional(),
})

/** A model input once the recipe is fitted, with the raw columns it comes from. */
export const featureSchema = z.object({
  name: z.string(),
  sources: z.array(z.string()),
})

export const recipeSchema = z.object({
  version: z.literal(RECIPE_VERSION),
  seed: z.number().int(),
  source: sourceSchema,
  target: targetSchema,
  steps: z.array(stepSchema),
  split: splitSchema,
  balance: balanceSchema,
  /** Set when fitted: the model's inputs in order, each traceable to raw columns. */
  features: z.array(featureSchema).optional(),
  model: modelSpecSchema,
  training: trainConfigSchema,
})

export type SourceSpec = z.infer<typeof sourceSchema>
export type TableSource = z.infer<typeof tableSourceSchema>
export type SourceColumnSpec = z.infer<typeof sourceColumnSchema>
export type TargetSpec = z.infer<typeof targetSchema>
export type SplitSpec = z.infer<typeof splitSchema>
export type BalanceSpec = z.infer<typeof balanceSchema>
export type Feature = z.infer<typeof featureSchema>
export type Recipe = z.infer<typeof recipeSchema>

/**
 * Validates a recipe read from a file, a bundle or a saved project; older versions are migrated
 * first. The message names the first wrong field.
 */
export function parseRecipe(json: unknown): Recipe {
  const result = recipeSchema.safeParse(migrateRecipe(json))
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.join('.') ?? ''
    throw new Error(
      `This recipe is not valid${where ? ` at "${where}"` : ''}: ${issue?.message ?? 'unknown problem'}.`,
    )
  }
  return result.data
}

/** The raw columns a table recipe expects, for reading typed-in rows and scored files. */
export function sourceColumns(recipe: Recipe): SourceColumnSpec[] {
  if (recipe.source.kind !== 'table') {
    throw new Error('This model was trained on images: send it pictures, not table rows.')
  }
  return recipe.source.columns
}
