/** Opens a bundle downloaded earlier, or a Keras model converted to TensorFlow.js (lead). */
export function ImportSection() {
  return null
}
