import { proposeModel } from '../../model/templates'
import { imageInput } from '../../recipe/model-input'
import { RECIPE_VERSION, type Recipe, type TargetSpec } from '../../recipe/recipe-schema'
import type { StepOf } from '../../recipe/step-schema'
import { defaultTrainConfig } from '../../train/train-config'
import { UNBALANCED_RATIO, type ImageDataset } from '../image-summary'

/**
 * The longest side the auto recipe proposes. Every value is an input to the network, so grey
 * pictures stop at 64 × 64 (4,096 inputs) and colour ones at 32 × 32 × 3 (3,072): the small image
 * CNN reads these in three pooling blocks, and more makes training slow and memory-hungry in a
 * browser.
 */
export const MAX_GREY_SIDE = 64
export const MAX_COLOUR_SIDE = 32
/** The schema's smallest side. */
const MIN_SIDE = 4

/** The name of the target in an image recipe: the class folder of each picture. */
export const IMAGE_TARGET = 'class'

export type ImageDatasetSummary = Pick<ImageDataset, 'name' | 'classes' | 'sizes'>

function proposeResize(dataset: ImageDatasetSummary, grey: boolean): StepOf<'image-resize'> {
  const { common, distinctSizes } = dataset.sizes
  const maxSide = grey ? MAX_GREY_SIDE : MAX_COLOUR_SIDE
  const channels = grey ? 1 : 3
  const colour = grey
    ? 'The pictures are grey, so one channel (luma) holds everything.'
    : 'The pictures have colour, so red, green and blue are kept.'
  if (distinctSizes === 1) {
    // One size for all: keep its shape; shrink only when it is larger than the cap.
    const scale = Math.min(1, maxSide / Math.max(common.width, common.height))
    const width = Math.max(MIN_SIDE, Math.round(common.width * scale))
    const height = Math.max(MIN_SIDE, Math.round(common.height * scale))
    const size =
      scale < 1
        ? `shrunk to ${width} × ${height} (longest side ${maxSide}) to keep the network small`
        : `kept at ${width} × ${height}: enlarging would add inputs but no detail`
    return {
      id: 's1',
      enabled: true,
      op: 'image-resize',
      width,
      height,
      channels,
      fit: 'stretch',
      why: `Every picture is ${common.width} × ${common.height}, ${size}. ${colour}`,
    }
  }
  const side = Math.min(maxSide, Math.max(MIN_SIDE, Math.min(common.width, common.height)))
  return {
    id: 's1',
    enabled: true,
    op: 'image-resize',
    width: side,
    height: side,
    channels,
    fit: 'cover',
    why: `The pictures come in ${distinctSizes} sizes (most often ${common.width} × ${common.height}); each is cropped to its centre square and brought to ${side} × ${side}, the shorter side of the most common size (at most ${maxSide}), so the subject fills the frame and nothing is distorted. ${colour}`,
  }
}

function proposeTarget(classes: readonly string[]): TargetSpec {
  return {
    column: IMAGE_TARGET,
    task: classes.length === 2 ? 'binary' : 'multiclass',
    classes: [...classes],
  }
}

/**
 * The default recipe for an image dataset: resize every picture to one small size, standardise
 * the pixels with statistics of the training pictures, and split by class. `grey` says whether
 * the pictures looked grey (see looksGreyscale); each step says why it was chosen.
 */
export function proposeImageRecipe(
  dataset: ImageDatasetSummary,
  options: { readonly seed?: number; readonly grey: boolean },
): Recipe {
  const classes = dataset.classes.map((c) => c.name)
  const counts = dataset.classes.map((c) => c.count)
  const unbalanced = Math.max(...counts) >= UNBALANCED_RATIO * Math.min(...counts)
  const resize = proposeResize(dataset, options.grey)
  return {
    version: RECIPE_VERSION,
    seed: options.seed ?? 42,
    source: { kind: 'images', name: dataset.name, classes },
    target: proposeTarget(classes),
    steps: [
      resize,
      {
        id: 's2',
        enabled: true,
        op: 'image-normalise',
        method: 'standard',
        why: 'Centres each channel on the mean of the training pictures and divides by their spread, as the scale step does for table columns: a network learns faster from inputs near 0. The statistics come from the training pictures only.',
      },
    ],
    split: { method: 'stratified', train: 0.8, validation: 0.1, test: 0.1 },
    balance: { method: unbalanced ? 'class-weights' : 'none' },
    model: proposeModel(imageInput(resize)),
    training: defaultTrainConfig(),
  }
}
