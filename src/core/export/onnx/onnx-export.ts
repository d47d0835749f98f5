import type { Recipe } from '../../recipe/recipe-schema'
import type { SavedModelFiles } from '../model-files'

export interface OnnxExport {
  readonly bytes: Uint8Array
  /** 'raw-columns': one graph input per raw column, preparation inside; 'features': prepared inputs. */
  readonly inputs: 'raw-columns' | 'features'
  /** Plain-language lines: the steps inside the graph, and those the caller must apply first. */
  readonly baked: readonly string[]
  readonly notBaked: readonly string[]
}

/** The network (and the preparation ONNX can express) as an ONNX model. Owned by the onnx helper. */
export function exportOnnx(model: SavedModelFiles, recipe: Recipe): OnnxExport {
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void model
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void recipe
  throw new Error('exportOnnx: not built yet (onnx helper)')
}
