import type { TestSet } from '../../../core/evaluate/test-set'

/** What an explanation reads from the model's output, in words: "the probability of Bad". */
export function outputNoun(set: Pick<TestSet, 'task' | 'classes'>, output: number): string {
  if (set.task === 'regression') return 'the prediction'
  const index = set.task === 'binary' ? 1 : output
  return `the probability of ${set.classes[index] ?? 'the class'}`
}
