import type { ModelTemplate } from '../../core/model/templates'

/**
 * Stopgap until `MODEL_TEMPLATES` from core/model/templates.ts is on main: the same entries, so
 * the picker can be built and tested now. Replace every import of this file with that export.
 */
export const MODEL_TEMPLATES: readonly ModelTemplate[] = [
  {
    id: 'linear',
    name: 'Logistic / linear regression',
    description:
      'No hidden layer: the output reads the inputs directly (logistic regression for classes, linear regression for numbers). The baseline every deeper network should beat.',
    fits: ['table', 'sequence', 'image'],
  },
  {
    id: 'mlp',
    name: 'Tabular MLP',
    description:
      'Two Dense layers with a little Dropout: the default for a table of prepared columns, quick to train and hard to get badly wrong.',
    fits: ['table', 'sequence', 'image'],
  },
  {
    id: 'wide-mlp',
    name: 'Wide tabular MLP',
    description:
      'Two wide Dense layers, each followed by Batch normalization, ReLU and Dropout: more capacity for large tables with many columns, held in check by the regularisation.',
    fits: ['table', 'sequence', 'image'],
  },
  {
    id: 'lstm-forecaster',
    name: 'LSTM forecaster',
    description:
      'An LSTM reads the window of past values step by step, oldest first, and a Dense layer turns what it remembers into the forecast.',
    fits: ['sequence'],
  },
  {
    id: 'cnn-1d',
    name: '1D CNN for sequences',
    description:
      'Conv1D filters find short patterns along the window (a rise over three steps), pooling keeps the strongest: faster than an LSTM and often as good on short windows.',
    fits: ['sequence'],
  },
  {
    id: 'text-bilstm',
    name: 'Text BiLSTM',
    description:
      'An Embedding turns each word id into a learned vector and a Bidirectional LSTM reads the text both ways: a solid choice for short texts such as headlines or tweets.',
    fits: ['tokens'],
  },
  {
    id: 'text-transformer',
    name: 'Small text Transformer',
    description:
      'Embedding plus position, then one Transformer encoder block where every word attends to every other, averaged into one vector: fast to train because it reads all words at once.',
    fits: ['tokens'],
  },
  {
    id: 'image-cnn',
    name: 'Small image CNN',
    description:
      'Blocks of Conv2D and MaxPooling find edges, then shapes, halving the picture while it is big enough; a Dense layer then decides the class.',
    fits: ['image'],
  },
]
