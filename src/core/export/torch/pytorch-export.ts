import type { Recipe } from '../../recipe/recipe-schema'
import type { SavedModelFiles } from '../model-files'

/**
 * A PyTorch project that trains the same network on the same preparation, on several processes
 * with `torchrun` (DistributedDataParallel), by file name. Owned by the torch helper.
 */
export function pytorchProject(recipe: Recipe, model: SavedModelFiles): Record<string, Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void recipe
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void model
  throw new Error('pytorchProject: not built yet (torch helper)')
}
