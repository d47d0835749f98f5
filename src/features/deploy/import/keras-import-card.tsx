/** A Keras model converted to TensorFlow.js, imported for fine-tuning (lead, next). */
export function KerasImportCard() {
  return null
}
