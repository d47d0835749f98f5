import type { ModelInput } from '../../core/model/model-input'
import type { ModelSpec } from '../../core/model/model-spec'
import { templateSpec } from '../../core/model/templates'

/**
 * True when the stack is no longer what its template gives for this input. Compared by content
 * rather than tracked, so undoing back to the template's layers reads as unedited again.
 */
export function editedFromTemplate(spec: ModelSpec, input: ModelInput): boolean {
  if (spec.template === null) return true
  const { layers } = templateSpec(spec.template, input, spec)
  return JSON.stringify(layers) !== JSON.stringify(spec.layers)
}
