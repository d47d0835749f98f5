import { Box, List, Stack, Text } from '@mantine/core'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts'
import type { ReasonCode } from '../../../core/evaluate/explain/reason-codes'
import type { InputColumn } from '../../../core/export/input-schema'
import { outputLabel, reasonText } from '../../../core/export/score/reason-text'
import type { Recipe } from '../../../core/recipe/recipe-schema'
import { formatNumber } from '../../../ui/format'
import type { PredictedRow } from '../../../workers/score-protocol'

const SHOWN = 8

/** Why the form's row got its prediction: sentences and a signed bar per column. */
export function ReasonsView(props: {
  readonly recipe: Recipe
  readonly schema: readonly InputColumn[]
  readonly row: PredictedRow
}) {
  const { recipe, schema, row } = props
  const label = outputLabel(recipe, row.output)
  const top = row.reasons.slice(0, SHOWN)
  const inputs = new Map(schema.map((c) => [c.name, c]))
  // Bars start at zero: a row whose reasons all lower the output still shows the zero line.
  const reach = Math.max(...top.map((r) => Math.abs(r.effect)), 1e-6) * 1.1
  const domain = [
    top.some((r) => r.effect < 0) ? -reach : 0,
    top.some((r) => r.effect > 0) ? reach : 0,
  ]
  if (top.length === 0)
    return (
      <Text size="sm">
        Every column has its typical value: nothing sets this row apart from a typical one.
      </Text>
    )
  return (
    <Stack gap="xs">
      <List size="sm" spacing={2} aria-label="Reason codes">
        {top.map((r) => (
          <List.Item key={r.column} data-effect={r.effect}>
            {reasonText(r, label, { input: inputs.get(r.column), withTypical: true })}.
          </List.Item>
        ))}
      </List>
      <Box h={40 + top.length * 28} role="img" aria-label={`What moves ${label} for this row`}>
        <ResponsiveContainer>
          <BarChart data={top} layout="vertical" margin={{ left: 10, right: 20 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              domain={domain}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              fontSize={11}
            />
            <YAxis
              type="category"
              dataKey="column"
              width={170}
              tick={{ fontSize: 11 }}
              interval={0}
            />
            <Tooltip formatter={(v) => formatNumber(Number(v), 4)} />
            <Bar
              dataKey="effect"
              name={`Effect on ${label}`}
              isAnimationActive={false}
              shape={(bar: BarShapeProps) => (
                <Rectangle
                  {...bar}
                  fill={
                    (bar.payload as ReasonCode).effect >= 0
                      ? 'var(--mantine-color-red-6)'
                      : 'var(--mantine-color-blue-6)'
                  }
                />
              )}
            />
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Text size="xs" c="dimmed">
        Each column in turn is set to its typical value (the median, or the most frequent category)
        and the row is scored again: red raises {label}, blue lowers it.
      </Text>
    </Stack>
  )
}
