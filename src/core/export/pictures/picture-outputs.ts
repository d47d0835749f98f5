import type { Recipe } from '../../recipe/recipe-schema'
import { targetWidth } from '../../recipe/transform'

/** One picture's answer: every class with its probability, and the likeliest class. */
export interface PictureAnswer {
  /** In the target's class order. */
  readonly probabilities: readonly number[]
  /** Index into the target's classes. */
  readonly predicted: number
}

/**
 * Picture `i`'s class probabilities from the model's outputs: a binary model's single output is
 * the probability of the second class, so the first gets the rest. The likeliest class wins (a
 * binary picture model has no cost-driven threshold of its own on Deploy).
 */
export function pictureAnswer(
  recipe: Recipe,
  outputs: ArrayLike<number>,
  i: number,
): PictureAnswer {
  const width = targetWidth(recipe)
  const probabilities =
    recipe.target.task === 'binary'
      ? [1 - (outputs[i] ?? 0), outputs[i] ?? 0]
      : Array.from({ length: width }, (_, c) => outputs[i * width + c] ?? 0)
  let predicted = 0
  probabilities.forEach((p, c) => {
    if (p > (probabilities[predicted] ?? 0)) predicted = c
  })
  return { probabilities, predicted }
}
