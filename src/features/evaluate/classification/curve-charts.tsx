import { useMemo } from 'react'
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import {
  averagePrecision,
  precisionRecallCurve,
  rocArea,
  rocCurve,
  type RankCounts,
} from '../../../core/evaluate/classification/curves'
import { thinnedIndices } from '../../../core/evaluate/classification/thin-points'
import { formatNumber, formatPercent } from '../../../ui/format'
import { ChartCard } from './chart-card'

const MAX_DRAWN = 500
const AXIS = { type: 'number', domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] } as const
const tick = (v: number) => formatNumber(v, 1)

interface Point {
  x: number
  y: number
  threshold: number
}

function thin(points: Point[]): Point[] {
  return thinnedIndices(points.length, MAX_DRAWN).map((i) => points[i] as Point)
}

/** Axes, grid, tooltip and one line: what the ROC and PR charts share. */
function CurvePlot({
  points,
  xLabel,
  yLabel,
  step,
  children,
}: {
  points: Point[]
  xLabel: string
  yLabel: string
  step: boolean
  children: React.ReactNode
}) {
  return (
    <ResponsiveContainer>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
        <XAxis
          dataKey="x"
          {...AXIS}
          tickFormatter={tick}
          label={{ value: xLabel, position: 'insideBottom', offset: -12 }}
        />
        <YAxis
          {...AXIS}
          tickFormatter={tick}
          width={56}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 8, dy: 60 }}
        />
        {children}
        <Tooltip
          labelFormatter={(_, payload) => {
            const p = payload[0]?.payload as Point | undefined
            return p ? `Threshold ${formatNumber(p.threshold, 3)}` : ''
          }}
          formatter={(v, name) => [formatNumber(Number(v), 3), name]}
        />
        <Line
          dataKey="y"
          name={yLabel}
          type={step ? 'stepBefore' : 'linear'}
          stroke="var(--mantine-color-blue-6)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  )
}

/** ROC curve with the chance diagonal; every distinct score is a point (sklearn roc_curve). */
export function RocChart({ counts, subject }: { counts: RankCounts; subject: string }) {
  const { points, auc } = useMemo(() => {
    const roc = rocCurve(counts)
    const all = Array.from(roc.fpr, (x, i) => ({
      x,
      y: roc.tpr[i] ?? 0,
      threshold: roc.thresholds[i] ?? 0,
    }))
    return { points: all, auc: rocArea(roc) }
  }, [counts])
  const drawn = useMemo(() => thin(points), [points])
  return (
    <ChartCard
      title="ROC curve"
      heading={`ROC curve · AUC ${formatNumber(auc, 3)}`}
      label={`ROC curve for ${subject}: true positive rate against false positive rate, AUC ${formatNumber(auc, 3)}`}
      points={drawn.length}
      help={`Each point is one threshold: the share of ${subject} caught against the share of the others wrongly flagged. The dashed diagonal is a model that ranks at random (AUC 0.5).`}
      csv={{
        header: ['threshold', 'false_positive_rate', 'true_positive_rate'],
        rows: () => points.map((p) => [p.threshold, p.x, p.y]),
      }}
    >
      <CurvePlot
        points={drawn}
        xLabel="False positive rate"
        yLabel="True positive rate"
        step={false}
      >
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ]}
          stroke="var(--mantine-color-gray-5)"
          strokeDasharray="4 4"
        />
      </CurvePlot>
    </ChartCard>
  )
}

/** Precision against recall with the base rate (a model that flags at random). */
export function PrChart({ counts, subject }: { counts: RankCounts; subject: string }) {
  const { points, ap } = useMemo(() => {
    const pr = precisionRecallCurve(counts)
    // Ascending recall; drawn as steps so the area under the line is the average precision.
    const all: Point[] = []
    for (let i = pr.recall.length - 1; i >= 0; i--) {
      all.push({
        x: pr.recall[i] ?? 0,
        y: pr.precision[i] ?? 0,
        threshold: pr.thresholds[i] ?? Number.NaN,
      })
    }
    return { points: all, ap: averagePrecision(counts) }
  }, [counts])
  const drawn = useMemo(() => thin(points), [points])
  const total = counts.positives + counts.negatives
  const baseRate = total === 0 ? 0 : counts.positives / total
  return (
    <ChartCard
      title="Precision-recall curve"
      heading={`Precision-recall curve · PR AUC ${formatNumber(ap, 3)}`}
      label={`Precision-recall curve for ${subject}: precision against recall, average precision ${formatNumber(ap, 3)}`}
      points={drawn.length}
      help={`Of the rows flagged as ${subject}, the share that are (precision), against the share of all ${subject} rows flagged (recall). The dashed line is the base rate, ${formatPercent(baseRate)}: what flagging at random achieves. PR AUC is the average precision.`}
      csv={{
        header: ['threshold', 'recall', 'precision'],
        rows: () => points.map((p) => [p.threshold, p.x, p.y]),
      }}
    >
      <CurvePlot points={drawn} xLabel="Recall" yLabel="Precision" step>
        <ReferenceLine
          y={baseRate}
          stroke="var(--mantine-color-gray-5)"
          strokeDasharray="4 4"
          label={{ value: 'Base rate', position: 'insideBottomRight', fontSize: 11 }}
        />
      </CurvePlot>
    </ChartCard>
  )
}
