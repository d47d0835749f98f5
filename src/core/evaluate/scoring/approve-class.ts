/** Class names that say the applicant is the risk a lender turns away. */
const ADVERSE =
  /^(bad|default(ed)?|fraud(ulent)?|delinquent|charged[ ._-]?off|rejected|denied|no)$/i

/**
 * Which class an approval grants, as first proposed: the positive class (classes[1]) unless its
 * name says it is the adverse outcome and the other's does not. German credit's positive class is
 * "Bad", and approving means predicting "Good"; the analyst can always change it.
 */
export function defaultApproveClass(classes: readonly string[]): 0 | 1 {
  const [negative = '', positive = ''] = classes
  return ADVERSE.test(positive.trim()) && !ADVERSE.test(negative.trim()) ? 0 : 1
}
