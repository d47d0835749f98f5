import { Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { oneVsRest, rankCounts } from '../../../core/evaluate/classification/curves'
import {
  classReport,
  confusionMatrix,
  predictedClasses,
} from '../../../core/evaluate/classification/report'
import { formatNumber } from '../../../ui/format'
import type { EvaluateSectionProps } from '../evaluate-section'
import { useThreshold } from '../threshold-store'
import { CalibrationChart } from './calibration-chart'
import { ClassReportTable } from './class-report-table'
import { ConfusionCellRows } from './confusion-cell-rows'
import { ConfusionMatrixCard, type Cell } from './confusion-matrix-card'
import { PrChart, RocChart } from './curve-charts'

/**
 * The classification views of the Performance tab: per-class report and confusion matrix at the
 * shared threshold (binary) or the most probable class (multiclass), the rows behind any cell,
 * and the ROC, precision-recall and calibration charts (one class against the rest when there are
 * more than two).
 */
export function ClassificationSection({ trained, testSet, table }: EvaluateSectionProps) {
  const threshold = useThreshold((s) => s.threshold)
  const { task, classes, actual, outputs } = testSet
  const binary = task === 'binary'
  const k = classes.length
  const predicted = useMemo(
    () => (task === 'regression' ? null : predictedClasses(task, outputs, k, threshold)),
    [task, outputs, k, threshold],
  )
  const matrix = useMemo(
    () => (predicted ? confusionMatrix(actual, predicted, k) : []),
    [actual, predicted, k],
  )
  const report = useMemo(() => classReport(matrix), [matrix])
  const [cell, setCell] = useState<Cell | null>(null)
  // Binary curves are about the positive class; multiclass ones about the class picked here.
  const [curveClass, setCurveClass] = useState(binary ? 1 : 0)
  const positive = Math.min(curveClass, k - 1)
  const curve = useMemo(
    () => (binary ? { labels: actual, scores: outputs } : oneVsRest(actual, outputs, k, positive)),
    [binary, actual, outputs, k, positive],
  )
  const counts = useMemo(() => rankCounts(curve.labels, curve.scores), [curve])
  if (!predicted) return null
  const subject = classes[positive] ?? `class ${positive}`
  const basis = binary
    ? `At threshold ${formatNumber(threshold, 2)}: a row is predicted "${classes[1] ?? ''}" when its probability is at least ${formatNumber(threshold, 2)} (set it on the Threshold & cost tab).`
    : 'Each row is predicted as its most probable class.'
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ClassReportTable report={report} classes={classes} basis={basis} />
        <ConfusionMatrixCard
          matrix={matrix}
          classes={classes}
          basis={binary ? `At threshold ${formatNumber(threshold, 2)}.` : basis}
          selected={cell}
          onSelect={setCell}
        />
      </SimpleGrid>
      {cell && (
        <ConfusionCellRows
          cell={cell}
          testSet={testSet}
          predicted={predicted}
          recipe={trained.recipe}
          table={table}
          onClose={() => setCell(null)}
        />
      )}
      {binary ? (
        <Text size="sm" c="dimmed">
          The curves below treat &quot;{subject}&quot; as the positive class and do not depend on
          the threshold: each point is one possible threshold.
        </Text>
      ) : (
        <Group gap="sm">
          <NativeSelect
            size="xs"
            label="Curves for class"
            value={String(positive)}
            onChange={(e) => setCurveClass(Number(e.currentTarget.value))}
            data={classes.map((c, i) => ({ value: String(i), label: c }))}
            w={200}
          />
          <Text size="sm" c="dimmed" mt={20}>
            One class against the rest: &quot;{subject}&quot; is the positive class, its predicted
            probability the score.
          </Text>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <RocChart counts={counts} subject={subject} />
        <PrChart counts={counts} subject={subject} />
        <CalibrationChart labels={curve.labels} scores={curve.scores} subject={subject} />
      </SimpleGrid>
    </Stack>
  )
}
