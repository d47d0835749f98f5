import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts'
import { FOUR_FIFTHS, type GroupOutcome } from '../../../core/evaluate/fairness/fairness-table'
import { ChartCard, percentTick } from '../scoring/chart-card'

/** Approval rate per group, with the four-fifths line under the highest group's rate. */
export function ApprovalChart({ column, outcomes }: { column: string; outcomes: GroupOutcome[] }) {
  const top = outcomes.find((o) => o.reference)?.approvalRate ?? 0
  return (
    <ChartCard
      title="Approval rate by group"
      label={`Approval rate for each group of ${column}`}
      points={outcomes.length}
      height={240}
      note="Red bars fall under the dashed line: four fifths of the reference group's approval rate."
    >
      <BarChart data={outcomes} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid
          strokeDasharray="3 3"
          stroke="var(--mantine-color-gray-3)"
          vertical={false}
        />
        <XAxis
          dataKey="group"
          interval={0}
          tick={{ fontSize: 12 }}
          label={{ value: column, position: 'insideBottom', offset: -8 }}
        />
        <YAxis width={56} domain={[0, 1]} tickFormatter={percentTick} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? percentTick(v) : String(v))} />
        <Bar
          dataKey="approvalRate"
          name="Approval rate"
          isAnimationActive={false}
          shape={(props: BarShapeProps) => (
            <Rectangle
              {...props}
              fill={
                flagged(props.payload as GroupOutcome)
                  ? 'var(--mantine-color-red-5)'
                  : 'var(--mantine-color-blue-5)'
              }
            />
          )}
        />
        <ReferenceLine
          y={top * FOUR_FIFTHS}
          stroke="var(--mantine-color-gray-7)"
          strokeDasharray="4 4"
        />
      </BarChart>
    </ChartCard>
  )
}

function flagged(o: GroupOutcome): boolean {
  return o.ratio !== null && o.ratio < FOUR_FIFTHS
}
