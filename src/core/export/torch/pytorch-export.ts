import { strToU8 } from 'fflate'
import type { Recipe } from '../../recipe/recipe-schema'
import type { Step } from '../../recipe/step-schema'
import trainScript from './train.py?raw'

/** Preparation steps train.py carries out exactly as the studio does. */
const PORTED_STEPS: ReadonlySet<Step['op']> = new Set([
  'drop-columns',
  'filter-rows',
  'drop-duplicates',
  'outliers',
  'impute',
  'cast',
  'one-hot',
  'ordinal',
  'frequency',
  'scale',
  'log1p',
])

/** Layers train.py builds as torch.nn modules. */
const PORTED_LAYERS = new Set([
  'dense',
  'dropout',
  'batchNormalization',
  'layerNormalization',
  'activation',
  'gaussianNoise',
])

/** Why train.py cannot train this recipe, or null when it can. */
export function pytorchRefusal(recipe: Recipe): string | null {
  if (recipe.source.kind !== 'table')
    return 'The PyTorch project covers table models; this one was trained on pictures.'
  const step = recipe.steps.find(
    (s) => s.enabled && (!PORTED_STEPS.has(s.op) || (s.op === 'cast' && s.to === 'datetime')),
  )
  if (step)
    return `The PyTorch project does not carry out the "${step.op}" step yet; the model bundle (TensorFlow.js) does.`
  const layer = recipe.model.layers.find((l) => !PORTED_LAYERS.has(l.type))
  if (layer)
    return `The PyTorch project builds Dense, Dropout, normalisation, activation and noise layers; this network has a ${layer.type} layer.`
  return null
}

function readme(recipe: Recipe): string {
  const { target, source, training } = recipe
  return [
    `# Train "${target.column}" with PyTorch`,
    '',
    `The network and preparation trained in Model Studio on "${source.name}", as a PyTorch`,
    'training script for data that has outgrown the browser. It needs Python 3 with PyTorch and',
    'numpy, nothing else.',
    '',
    '```bash',
    'torchrun --standalone --nproc_per_node=4 train.py --data your.csv   # 4 processes on this machine',
    'python train.py --data your.csv                                     # one process',
    '```',
    '',
    `- The CSV needs the columns of "${source.name}" (the target "${target.column}" included).`,
    '- `recipe.json` is the preparation with the statistics the studio fitted (scalers, categories,',
    '  fill values) and the network and training settings: ' +
      `${training.optimizer}, learning rate ${training.learningRate}, batch size ${training.batchSize}, ${training.epochs} epochs.`,
    '- Each process trains on its share of the rows (DistributedDataParallel; gloo on CPUs, nccl',
    '  on GPUs). Process 0 logs the loss, saves `model.pt` after each epoch and prints the test',
    '  metrics as one JSON line. Across nodes: `torchrun --nnodes=N --node_rank=i',
    '  --rdzv_endpoint=host:port ...`.',
    '- `--epochs N` changes the epochs; `--dump-features out.json` writes the prepared rows and stops.',
    "- PyTorch 1.13 on Python 3.11 (Debian 12's python3-torch): add `--redirects 1 --tee 1` after",
    "  `torchrun`; its default of 0 fails there with \"'NoneType' object has no attribute 'get'\".",
    '',
  ].join('\n')
}

/**
 * A PyTorch project that trains the same network on the same preparation, on several processes
 * with `torchrun` (DistributedDataParallel), by file name. Throws with the reason for recipes it
 * cannot carry out.
 */
export function pytorchProject(recipe: Recipe): Record<string, Uint8Array> {
  const refusal = pytorchRefusal(recipe)
  if (refusal) throw new Error(refusal)
  return {
    'train.py': strToU8(trainScript),
    'recipe.json': strToU8(JSON.stringify(recipe, null, 2)),
    'README.md': strToU8(readme(recipe)),
  }
}
