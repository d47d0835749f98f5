import { BUNDLE_FILES } from '../../../core/export/bundle'

/** What each file of a bundle is for, in a sentence an analyst can act on. */
const WHAT: Readonly<Record<string, string>> = {
  [BUNDLE_FILES.model]: 'the network’s layers, in TensorFlow.js’s own format',
  [BUNDLE_FILES.weights]: 'the trained weights, stored as the choice above',
  [BUNDLE_FILES.recipe]:
    'the fitted preparation (scalers, categories, classes) and the training settings',
  [BUNDLE_FILES.inputSchema]: 'the input columns with their types, ranges and categories',
  [BUNDLE_FILES.readme]: 'how to use the files, in short',
  [BUNDLE_FILES.cardMarkdown]: 'the model card as text, for a repository or a wiki',
  [BUNDLE_FILES.cardHtml]: 'the model card as a page to open, print or share',
  [BUNDLE_FILES.predictHtml]: 'a page that scores rows offline from the unzipped folder',
  [BUNDLE_FILES.modelData]: 'the model and recipe packed for predict.html',
  [BUNDLE_FILES.runtime]: 'the code that prepares rows and runs the model',
  [BUNDLE_FILES.serve]: 'a small web service: POST /predict with rows as JSON',
  [BUNDLE_FILES.packageJson]: 'what Node needs to start serve.mjs',
}

/** The bundle's files in a sensible reading order, each with what it is for. */
export function bundleContents(names: readonly string[]): { name: string; what: string }[] {
  const order = Object.values(BUNDLE_FILES) as string[]
  const rank = (name: string) => {
    const at = order.indexOf(name)
    return at < 0 ? order.length : at
  }
  return [...names]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => ({ name, what: WHAT[name] ?? 'part of the bundle' }))
}
