import type { Recipe } from '../../recipe/recipe-schema'

/** What the Evaluate step calls the linear model beside the network. */
export function linearBaselineName(recipe: Recipe): string {
  return recipe.target.task === 'regression' ? 'Linear regression' : 'Logistic regression'
}

/** What the Evaluate step calls the baseline that ignores the inputs. */
export function priorBaselineName(recipe: Recipe): string {
  return recipe.target.task === 'regression'
    ? 'Baseline: training mean'
    : 'Baseline: class frequencies'
}
