import { strToU8 } from 'fflate'
import { BUNDLE_FILES, createBundle, type ModelBundle } from '../../../core/export/bundle'
import { modelCard } from '../../../core/export/card/model-card'
import type { QuantizationCheck } from '../../../core/export/card/quantization-check'
import type { InputColumn } from '../../../core/export/input-schema'
import { quantizeModelFiles, type WeightQuantization } from '../../../core/export/quantize'
import { fetchRuntime, runtimeFiles } from '../../../core/export/runtime-files'
import type { LoadedDataset } from '../../../state/data-slice'
import type { TrainedModel } from '../../../state/training-slice'

/** The loaded file's SHA-256 as hex: the card names exactly which data the model learned from. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

export interface BundleChoice {
  readonly trained: TrainedModel
  readonly dataset: LoadedDataset | null
  readonly inputSchema: readonly InputColumn[] | null
  readonly quantization: WeightQuantization
  /** The dataset file's hash when already computed; null: computed here if the file is at hand. */
  readonly sha256: string | null
  /** The storages scored on the test rows, once the check is done: the card quotes them. */
  readonly quantizationCheck: readonly QuantizationCheck[] | null
}

export async function makeCard(choice: BundleChoice): Promise<{ markdown: string; html: string }> {
  const { trained, dataset, inputSchema, quantization } = choice
  const sha256 = choice.sha256 ?? (dataset ? await sha256Hex(dataset.file) : null)
  return modelCard({
    run: trained,
    dataset: {
      name: trained.recipe.source.name,
      sha256,
      rows: dataset ? dataset.table.rowCount : Number.NaN,
    },
    inputSchema: inputSchema ?? [],
    quantization,
    quantizationCheck: choice.quantizationCheck,
    createdAt: new Date(),
  })
}

/** The model bundle as the chosen weight storage, with its model card and runtime files. */
export async function makeBundle(choice: BundleChoice): Promise<Uint8Array> {
  const bundle: ModelBundle = {
    model: quantizeModelFiles(choice.trained.model, choice.quantization),
    recipe: choice.trained.recipe,
    inputSchema: choice.inputSchema,
  }
  const [card, runtimeJs] = await Promise.all([makeCard(choice), fetchRuntime()])
  return createBundle(bundle, {
    [BUNDLE_FILES.cardMarkdown]: strToU8(card.markdown),
    [BUNDLE_FILES.cardHtml]: strToU8(card.html),
    ...runtimeFiles(bundle, runtimeJs),
  })
}
