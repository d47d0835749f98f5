/** The real datasets bundled with the studio (served from public/datasets, never fetched elsewhere). */
export interface SampleDataset {
  readonly id: string
  readonly title: string
  readonly file: string
  readonly target: string
  readonly task: string
  readonly description: string
  readonly source: string
  readonly licence: string
}

export const SAMPLE_DATASETS: readonly SampleDataset[] = [
  {
    id: 'german-credit',
    title: 'German credit risk',
    file: 'GermanCredit.csv',
    target: 'Class',
    task: 'Binary classification: good or bad credit risk',
    description:
      '1,000 loan applicants with 61 attributes (duration, amount, history, purpose, savings…).',
    source:
      'Statlog German Credit (UCI, Hofmann 1994), as packaged in R caret (Debian r-cran-caret 6.0-93)',
    licence: 'CC BY 4.0',
  },
  {
    id: 'credit-card',
    title: 'Credit card applications',
    file: 'CreditCard.csv',
    target: 'card',
    task: 'Binary classification: application accepted or not',
    description:
      '1,319 applicants: income, age, spending share, home ownership, self-employment, reports.',
    source: 'Greene, Econometric Analysis, as packaged in R AER (Debian r-cran-aer 1.2-10)',
    licence: 'GPL-2 / GPL-3',
  },
  {
    id: 'breast-cancer',
    title: 'Breast cancer diagnosis',
    file: 'breast-cancer.csv',
    target: 'diagnosis',
    task: 'Binary classification: malignant or benign',
    description: '569 tumours described by 30 measurements of their cell nuclei.',
    source:
      'Breast Cancer Wisconsin (Diagnostic), UCI (Wolberg, Street, Mangasarian 1995), as shipped with scikit-learn 1.2.1 (Debian python3-sklearn)',
    licence: 'CC BY 4.0',
  },
  {
    id: 'iris',
    title: 'Iris flowers',
    file: 'iris.csv',
    target: 'species',
    task: 'Multiclass classification: three species',
    description: '150 flowers: sepal and petal length and width, the classic first dataset.',
    source: 'Iris (Fisher 1936), UCI, as shipped with scikit-learn 1.2.1 (Debian python3-sklearn)',
    licence: 'CC BY 4.0',
  },
]

export function sampleUrl(sample: SampleDataset): string {
  return `${import.meta.env.BASE_URL}datasets/${sample.file}`
}
