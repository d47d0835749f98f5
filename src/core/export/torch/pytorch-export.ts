import { strToU8 } from 'fflate'
import { outputHead } from '../../model/head'
import { kerasNames } from '../../model/layer-catalogue'
import type { ModelInput } from '../../model/model-input'
import type { LayerType } from '../../model/model-spec'
import { modelInputOf } from '../../recipe/model-input'
import type { Recipe } from '../../recipe/recipe-schema'
import type { Step } from '../../recipe/step-schema'
import { WEIGHTS_FILE, type SavedModelFiles } from '../model-files'
import networkScript from './network.py?raw'
import prepareScript from './prepare.py?raw'
import trainScript from './train.py?raw'

/** Preparation steps prepare.py carries out exactly as the studio does. */
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
  'date-parts',
  'windows',
  'tokens',
])

/**
 * Layers network.py builds with the browser's equations and weight layout. Position embeddings
 * and Transformer encoders are the studio's own tfjs layers (attention with its own weight
 * layout); they are not ported, and a network holding one is refused by name.
 */
const PORTED_LAYERS: ReadonlySet<LayerType> = new Set<LayerType>([
  'dense',
  'dropout',
  'batchNormalization',
  'layerNormalization',
  'activation',
  'gaussianNoise',
  'conv1d',
  'conv2d',
  'maxPooling1d',
  'averagePooling1d',
  'maxPooling2d',
  'averagePooling2d',
  'globalAveragePooling1d',
  'globalAveragePooling2d',
  'flatten',
  'reshape',
  'simpleRnn',
  'lstm',
  'gru',
  'bidirectional',
  'embedding',
])

/** Why the PyTorch project cannot train this recipe, or null when it can. */
export function pytorchRefusal(recipe: Recipe): string | null {
  if (recipe.source.kind !== 'table')
    return 'The PyTorch project reads CSV files; this model was trained on pictures, whose resizing and normalisation the browser does from the .zip of images. Use the model bundle (TensorFlow.js) or the ONNX file to run it.'
  const step = recipe.steps.find(
    (s) => s.enabled && (!PORTED_STEPS.has(s.op) || (s.op === 'cast' && s.to === 'datetime')),
  )
  if (step)
    return `The PyTorch project does not carry out the "${step.op}" step yet; the model bundle (TensorFlow.js) does.`
  const layer = recipe.model.layers.find((l) => !PORTED_LAYERS.has(l.type))
  if (layer)
    return `The PyTorch project has no ${layer.type} layer (the studio's own attention layers are not ported); the model bundle and ONNX file run this network.`
  return null
}

/**
 * What network.py builds: the input shape and vocabulary the studio's Model step gave the network
 * (so Python need not re-derive them from the recipe), the output head and every layer with its
 * Keras name (the browser's weights are stored under those names).
 */
export function networkJson(recipe: Recipe, input: ModelInput = modelInputOf(recipe)) {
  const names = kerasNames(recipe.model.layers)
  return {
    input: {
      kind: input.kind,
      shape: input.shape,
      vocabularySize: input.vocabularySize ?? null,
    },
    head: outputHead(recipe.target, recipe.model),
    layers: recipe.model.layers.map((layer, i) => ({ ...layer, name: names[i] })),
  }
}

/** The files of the project, by name, with their purpose: the Deploy step lists them. */
export const PYTORCH_FILES = [
  ['prepare.py', 'The recipe: reads the CSV, splits the rows as the studio does, prepares them'],
  ['network.py', 'The network, layer for layer as the studio builds it'],
  ['train.py', 'The training loop, on one process or many (torchrun, DistributedDataParallel)'],
  ['recipe.json', 'The fitted preparation, the network and the training settings'],
  ['network.json', "The network's input shape, output and layers with their names"],
  ['browser-model/', 'The weights trained here, for --from-browser'],
  ['README.md', 'How to run it'],
] as const

function readme(recipe: Recipe, withWeights: boolean): string {
  const { target, source, training } = recipe
  return [
    `# Train "${target.column}" with PyTorch`,
    '',
    `The preparation and network trained in Model Studio on "${source.name}", as a PyTorch`,
    'project for data that has outgrown the browser. It needs Python 3 with PyTorch and numpy.',
    '',
    '```bash',
    'torchrun --standalone --nproc_per_node=4 train.py --data your.csv   # 4 processes here',
    'python3 train.py --data your.csv                                    # one process',
    'python3 train.py --data your.csv --refit         # fit the preparation on this file',
    ...(withWeights
      ? ['python3 train.py --data your.csv --from-browser  # go on from the studio’s weights']
      : []),
    '```',
    '',
    `- The CSV needs the columns of "${source.name}" (the target "${target.column}" included).`,
    '  prepare.py splits its rows into training, validation and test rows exactly as the studio',
    '  does (same seed, same method), so the studio\u2019s own file gives the same test rows.',
    '- `recipe.json` holds the preparation with the statistics fitted in the studio (scalers,',
    '  categories, vocabularies); `--refit` fits them afresh on the new training rows instead.',
    `  Training: ${training.optimizer}, learning rate ${training.learningRate}, batch size ${training.batchSize}, ${training.epochs} epochs (\`--epochs\` changes it).`,
    '- `network.py` builds the layers with the browser\u2019s equations and weight layout;',
    ...(withWeights
      ? [
          '  `browser-model/` holds the weights trained in the studio: `--from-browser --epochs 0`',
          '  gives the studio\u2019s test metrics, more epochs go on training from there.',
        ]
      : []),
    '- Each process trains on its share of the rows (DistributedDataParallel: gloo on CPUs, nccl on',
    '  GPUs); the batch size is the step over all processes together. Process 0 saves',
    '  `runs/checkpoint.pt` after each epoch (`--resume` goes on from it), then `runs/model.pt`',
    '  and `runs/metrics.json`, and prints the test metrics as one JSON line.',
    '- Across machines: `torchrun --nnodes=N --node_rank=i --rdzv_endpoint=host:port ...`.',
    "- PyTorch 1.13 on Python 3.11 (Debian 12's python3-torch): add `--redirects 1 --tee 1` after",
    "  `torchrun`; its default of 0 fails there with \"'NoneType' object has no attribute 'get'\".",
    '  That torchrun may also linger up to 5 minutes after the last epoch: `runs/` is complete by then.',
    '',
  ].join('\n')
}

/**
 * A PyTorch project that trains the same network on the same preparation and the same split, on
 * several processes with `torchrun`, by file name. With the studio's trained `model` files it can
 * start from them. Throws with the reason for recipes it cannot carry out.
 */
export function pytorchProject(
  recipe: Recipe,
  model?: SavedModelFiles,
  input?: ModelInput,
): Record<string, Uint8Array> {
  const refusal = pytorchRefusal(recipe)
  if (refusal) throw new Error(refusal)
  return {
    'prepare.py': strToU8(prepareScript),
    'network.py': strToU8(networkScript),
    'train.py': strToU8(trainScript),
    'recipe.json': strToU8(JSON.stringify(recipe, null, 2)),
    'network.json': strToU8(JSON.stringify(networkJson(recipe, input), null, 2)),
    'README.md': strToU8(readme(recipe, model !== undefined)),
    ...(model && {
      'browser-model/model.json': strToU8(model.modelJson),
      [`browser-model/${WEIGHTS_FILE}`]: new Uint8Array(model.weights),
    }),
  }
}
