/** Where a sample sits in the picker: finance first, since that is who the studio is for. */
export type SampleDomain = 'finance' | 'classic'

/** A table is loaded as a data file; an image sample is a .zip of one folder per class. */
export type SampleKind = 'table' | 'images'

/** The real datasets bundled with the studio (served from public/datasets, never fetched elsewhere). */
export interface SampleDataset {
  readonly id: string
  readonly title: string
  readonly file: string
  readonly kind: SampleKind
  readonly domain: SampleDomain
  /**
   * Data rows and columns of the file as bundled (a unit test checks them against the file); for
   * an image sample, the number of images and of classes.
   */
  readonly rows: number
  readonly columns: number
  readonly target: string
  readonly task: string
  readonly description: string
  readonly source: string
  readonly licence: string
}

export const SAMPLE_DOMAINS: readonly { domain: SampleDomain; title: string }[] = [
  { domain: 'finance', title: 'Finance' },
  { domain: 'classic', title: 'Classic teaching datasets' },
]

export const SAMPLE_DATASETS: readonly SampleDataset[] = [
  {
    id: 'german-credit',
    title: 'German credit risk',
    file: 'GermanCredit.csv',
    kind: 'table',
    domain: 'finance',
    rows: 1000,
    columns: 62,
    target: 'Class',
    task: 'Binary classification: good or bad credit risk',
    description:
      '1,000 loan applicants with 61 attributes (duration, amount, history, purpose, savings…).',
    source:
      'Statlog German Credit (UCI, Hofmann 1994), as packaged in R caret (Debian r-cran-caret 6.0-93)',
    licence: 'CC BY 4.0',
  },
  {
    id: 'lending-club',
    title: 'Lending Club loan default',
    file: 'lending-club.csv',
    kind: 'table',
    domain: 'finance',
    rows: 9857,
    columns: 23,
    target: 'Class',
    task: 'Binary classification: loan repaid (good) or defaulted (bad)',
    description:
      'Personal loans from Lending Club, Q1 2016: amount, term, rate, grade, income, credit history.',
    source:
      'Lending Club loan data, subset packaged in R modeldata 1.1.0 (Debian r-cran-modeldata)',
    licence: 'MIT (modeldata)',
  },
  {
    id: 'hmda-mortgage',
    title: 'Mortgage denial (Boston HMDA)',
    file: 'HMDA.csv',
    kind: 'table',
    domain: 'finance',
    rows: 2380,
    columns: 14,
    target: 'deny',
    task: 'Binary classification: mortgage application denied or approved',
    description:
      'Boston mortgage applications, 1990: payment and housing ratios, loan-to-value, credit history.',
    source:
      'Boston HMDA data (Munnell et al. 1996), from Stock & Watson, as packaged in R AER (Debian r-cran-aer 1.2-10)',
    licence: 'GPL-2 / GPL-3',
  },
  {
    id: 'credit-card',
    title: 'Credit card applications',
    file: 'CreditCard.csv',
    kind: 'table',
    domain: 'finance',
    rows: 1319,
    columns: 12,
    target: 'card',
    task: 'Binary classification: application accepted or not',
    description:
      '1,319 applicants: income, age, spending share, home ownership, self-employment, reports.',
    source: 'Greene, Econometric Analysis, as packaged in R AER (Debian r-cran-aer 1.2-10)',
    licence: 'GPL-2 / GPL-3',
  },
  {
    id: 'stocks',
    title: 'Tech stock prices',
    file: 'stocks.csv',
    kind: 'table',
    domain: 'finance',
    rows: 560,
    columns: 3,
    target: 'price',
    task: 'Regression: monthly share price',
    description:
      'Monthly prices of MSFT, AMZN, IBM, GOOG and AAPL, 2000–2010; a symbol, a date and a price.',
    source: 'stocks.csv from vega-datasets 3.2.1 (npm), dates rewritten as ISO 8601',
    licence: 'BSD-3-Clause (vega-datasets; no separate data licence stated)',
  },
  {
    id: 'financial-news-sentiment',
    title: 'Financial news sentiment',
    file: 'financial-news-sentiment.csv',
    kind: 'table',
    domain: 'finance',
    rows: 11931,
    columns: 3,
    target: 'sentiment',
    task: 'Multiclass text classification: bearish, bullish or neutral',
    description:
      'Finance tweets labelled by market sentiment; the split column keeps the original train/valid split.',
    source: 'Twitter Financial News Sentiment (zeroshot), labels 0/1/2 written as words',
    licence: 'MIT',
  },
  {
    id: 'breast-cancer',
    title: 'Breast cancer diagnosis',
    file: 'breast-cancer.csv',
    kind: 'table',
    domain: 'classic',
    rows: 569,
    columns: 31,
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
    kind: 'table',
    domain: 'classic',
    rows: 150,
    columns: 5,
    target: 'species',
    task: 'Multiclass classification: three species',
    description: '150 flowers: sepal and petal length and width, the classic first dataset.',
    source: 'Iris (Fisher 1936), UCI, as shipped with scikit-learn 1.2.1 (Debian python3-sklearn)',
    licence: 'CC BY 4.0',
  },
  {
    id: 'digits',
    title: 'Handwritten digits (8×8 pixels)',
    file: 'digits.csv',
    kind: 'table',
    domain: 'classic',
    rows: 1797,
    columns: 65,
    target: 'digit',
    task: 'Multiclass classification: digits 0 to 9',
    description: '1,797 scanned digits as 8×8 grids of ink counts (0–16), one column per pixel.',
    source:
      'Optical Recognition of Handwritten Digits, UCI (Alpaydin, Kaynak 1998), as shipped with scikit-learn 1.2.1 (Debian python3-sklearn)',
    licence: 'CC BY 4.0',
  },
  {
    id: 'digits-images',
    title: 'Handwritten digit images',
    file: 'digits-images.zip',
    kind: 'images',
    domain: 'classic',
    rows: 1797,
    columns: 10,
    target: 'digit folder',
    task: 'Multiclass image classification: digits 0 to 9',
    description: 'The same 1,797 scans as 8×8 greyscale PNG pictures, one folder per digit.',
    source:
      'Optical Recognition of Handwritten Digits, UCI (Alpaydin, Kaynak 1998), as shipped with scikit-learn 1.2.1 (Debian python3-sklearn), written as PNGs',
    licence: 'CC BY 4.0',
  },
  {
    id: 'wine',
    title: 'Wine cultivars',
    file: 'wine.csv',
    kind: 'table',
    domain: 'classic',
    rows: 178,
    columns: 14,
    target: 'cultivar',
    task: 'Multiclass classification: three cultivars',
    description: '178 Italian wines by chemical analysis: alcohol, acidity, phenols, colour…',
    source:
      'Wine, UCI (Forina et al. 1988), as shipped with scikit-learn 1.2.1 (Debian python3-sklearn)',
    licence: 'CC BY 4.0',
  },
]

export function sampleUrl(sample: SampleDataset): string {
  return `${import.meta.env.BASE_URL}datasets/${sample.file}`
}
