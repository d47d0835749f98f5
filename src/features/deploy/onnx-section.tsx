import type { DeploySectionProps } from './deploy-section'

/** Owned by the onnx helper. */
export function OnnxSection(props: DeploySectionProps) {
  // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- stub until its owner lands it
  void props
  return null
}
