import { Stack } from '@mantine/core'
import { useMemo } from 'react'
import { targetProfile } from '../../../core/profile/target-profile'
import { useStudio } from '../../../state/studio-store'
import { ColumnTable } from './column-table'
import { CorrelationHeatmap } from './correlation-heatmap'
import { ProfileOverview } from './profile-overview'
import { ProfileWarningsPanel } from './profile-warnings-panel'
import { TargetBalanceCard } from './target-balance-card'

/** The profile of the loaded data: overview, warnings, target balance, columns, correlations. */
export function ProfileView() {
  const dataset = useStudio((s) => s.dataset)
  const target = useStudio((s) => s.targetColumn)
  const overrideColumnType = useStudio((s) => s.overrideColumnType)
  // One light pass per column, only when the data, its types or the target change.
  const balance = useMemo(
    () =>
      dataset && target
        ? targetProfile(dataset.table, dataset.types, dataset.profile, target)
        : null,
    [dataset, target],
  )
  const warnings = useMemo(
    () => [...(balance?.warnings ?? []), ...(dataset?.profile.warnings ?? [])],
    [balance, dataset],
  )
  if (!dataset) return null
  const { profile } = dataset
  return (
    <Stack gap="md">
      <ProfileOverview profile={profile} warnings={warnings.length} />
      <ProfileWarningsPanel warnings={warnings} />
      {balance && <TargetBalanceCard target={balance} />}
      <ColumnTable
        columns={profile.columns}
        types={dataset.types}
        rowCount={profile.rowCount}
        onOverride={overrideColumnType}
      />
      <CorrelationHeatmap matrix={profile.correlation} />
    </Stack>
  )
}
