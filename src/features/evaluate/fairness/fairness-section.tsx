import { Alert, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { favourableDecisions, groupOutcomes } from '../../../core/evaluate/fairness/fairness-table'
import { groupRows, MAX_VALUE_GROUPS, niceWidth } from '../../../core/evaluate/fairness/group-rows'
import { distinctCount, type Column } from '../../../core/table/table'
import { formatNumber } from '../../../ui/format'
import type { EvaluateSectionProps } from '../evaluate-section'
import { useThreshold } from '../threshold-store'
import { useApproveClass } from '../scoring/scoring-choices'
import { ApprovalChart } from './approval-chart'
import { useFairnessChoices } from './fairness-choices'
import { FairnessTableView } from './fairness-table-view'
import { GroupControls } from './group-controls'

/** Columns an analyst most often checks first, when the data has one. */
const USUAL_SLICES = /^(age|sex|gender|personal)/i

/** Below this many rows a group's rates swing with a handful of applicants. */
const FEW_ROWS = 30

/** A group this small cannot be the reference: one approved applicant would set a 100 % bar. */
const MIN_REFERENCE_ROWS = 10

/**
 * The `Fairness` tab: the model's decisions on the test rows, sliced by one column of the data,
 * with each group's approval rate against the best-treated group's (the four-fifths rule).
 */
export function FairnessSection({ trained, testSet, table }: EvaluateSectionProps) {
  const threshold = useThreshold((s) => s.threshold)
  const binary = testSet.task === 'binary'
  const columns = useMemo(
    () => table?.columns.filter((c) => c.name !== trained.recipe.target.column) ?? [],
    [table, trained],
  )
  const choices = useFairnessChoices()
  const [approveClass, setApproveClass] = useApproveClass(testSet.classes)
  const chosen = choices.column ?? columns.find((c) => USUAL_SLICES.test(c.name))?.name ?? ''
  const favourable = binary
    ? approveClass
    : Math.min(choices.favourable, testSet.classes.length - 1)
  const { bandKind, bandCount, widths } = choices
  const column = columns.find((c) => c.name === chosen)
  const banded = column?.kind === 'numeric' && distinctCount(column) > MAX_VALUE_GROUPS
  const proposedWidth = useMemo(
    () => (column && banded ? defaultWidth(column, testSet.rows) : 1),
    [column, banded, testSet],
  )
  const bandWidth = (column && widths[column.name]) ?? proposedWidth

  const grouping = useMemo(() => {
    if (!column) return null
    const banding =
      bandKind === 'quantile'
        ? ({ kind: 'quantile', count: bandCount } as const)
        : ({ kind: 'width', width: bandWidth } as const)
    return groupRows(column, testSet.rows, banding)
  }, [column, testSet, bandKind, bandCount, bandWidth])
  const decisions = useMemo(
    () => favourableDecisions(testSet, favourable, threshold),
    [testSet, favourable, threshold],
  )
  const outcomes = useMemo(
    () =>
      grouping
        ? groupOutcomes(grouping, decisions.actual, decisions.predicted, MIN_REFERENCE_ROWS)
        : [],
    [grouping, decisions],
  )

  if (!table) {
    return (
      <Alert color="blue" title="No table to slice by">
        {trained.recipe.source.kind === 'table'
          ? `The fairness view groups the test rows by a column of the data this model was trained on, “${trained.recipe.source.name}”, but other data is loaded now. Load “${trained.recipe.source.name}” again on the Data step to see it.`
          : 'This model was trained on images, which have no columns such as age or sex to group applicants by. Train a model on a table to see approval rates per group.'}
      </Alert>
    )
  }
  const favourableName = testSet.classes[favourable] ?? ''
  const small = outcomes.filter((o) => o.rows < FEW_ROWS).map((o) => o.group)
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>Fairness by group</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {binary
          ? `A row counts as approved when the model predicts “${favourableName}”: ${
              favourable === 1 ? 'a score at or above' : 'a score below'
            } the decision threshold ${formatNumber(threshold, 4)}, set on the Threshold & cost tab (which shares this choice of approval).`
          : `A row counts as approved when the model's most probable class is “${favourableName}”; every other class counts as not approved, so the view reads this class against the rest.`}{' '}
        TPR: of the group's rows that truly are “{favourableName}”, the share approved. FPR: of the
        rest, the share approved anyway. The disparate-impact ratio divides a group's approval rate
        by the reference group's, the one approved most often among groups of at least{' '}
        {MIN_REFERENCE_ROWS} rows; under 0.8 fails the “four-fifths rule” that US regulators use as
        a first sign of adverse impact.
      </Text>
      <Stack gap="md">
        <GroupControls
          columns={columns}
          column={column}
          onColumn={(column) => choices.set({ column })}
          banded={banded}
          bandKind={bandKind}
          onBandKind={(bandKind) => choices.set({ bandKind })}
          bandCount={bandCount}
          onBandCount={(bandCount) => choices.set({ bandCount })}
          bandWidth={bandWidth}
          onBandWidth={(w) => column && choices.set({ widths: { ...widths, [column.name]: w } })}
        />
        <NativeSelect
          label={binary ? 'Favourable outcome (approval)' : 'Class read against the rest'}
          value={String(favourable)}
          onChange={(e) => {
            const c = Number(e.currentTarget.value)
            if (binary) setApproveClass(c === 0 ? 0 : 1)
            else choices.set({ favourable: c })
          }}
          data={testSet.classes.map((c, i) => ({ value: String(i), label: c }))}
          w={280}
        />
        {!column || !grouping ? (
          <Text c="dimmed" size="sm">
            Choose a column to see the model's approval rates for each of its groups.
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {formatNumber(testSet.rows.length)} test rows in {outcomes.length} groups:{' '}
              {grouping.description}.
              {small.length > 0 &&
                ` Groups with fewer than ${FEW_ROWS} rows (${small.join(', ')}) give rates that a few applicants can swing: read them with care.`}
            </Text>
            <FairnessTableView title="Fairness by group" outcomes={outcomes} />
            <ApprovalChart column={column.name} outcomes={outcomes} />
          </>
        )}
      </Stack>
    </Paper>
  )
}

function defaultWidth(column: Column, rows: Int32Array): number {
  if (column.kind !== 'numeric') return 1
  const values = Float64Array.from(rows, (r) => column.values[r] ?? NaN)
    .filter((v) => !Number.isNaN(v))
    .sort()
  return niceWidth(values)
}
