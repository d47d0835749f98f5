import { z } from 'zod'

export const MODEL_SPEC_VERSION = 1

const activationSchema = z.enum(['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear'])

const denseLayerSchema = z.object({
  type: z.literal('dense'),
  units: z.number().int().min(1).max(4096),
  activation: activationSchema,
})

const dropoutLayerSchema = z.object({
  type: z.literal('dropout'),
  rate: z.number().min(0).lt(1),
})

export const layerSpecSchema = z.discriminatedUnion('type', [denseLayerSchema, dropoutLayerSchema])

/** The hidden layers the analyst edits; the output head follows from the target (see head.ts). */
export const modelSpecSchema = z.object({
  version: z.literal(MODEL_SPEC_VERSION),
  layers: z.array(layerSpecSchema),
})

export type Activation = z.infer<typeof activationSchema>
export type LayerSpec = z.infer<typeof layerSpecSchema>
export type ModelSpec = z.infer<typeof modelSpecSchema>

/** The default for tabular data: two ReLU layers with a little dropout between them. */
export function defaultMlpSpec(): ModelSpec {
  return {
    version: MODEL_SPEC_VERSION,
    layers: [
      { type: 'dense', units: 64, activation: 'relu' },
      { type: 'dropout', rate: 0.2 },
      { type: 'dense', units: 32, activation: 'relu' },
    ],
  }
}
