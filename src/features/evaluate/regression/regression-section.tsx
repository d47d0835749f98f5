import { SimpleGrid, Stack, Title } from '@mantine/core'
import { useMemo } from 'react'
import { naiveForecast } from '../../../core/evaluate/regression/naive-forecast'
import { residualsOf, residualSummary } from '../../../core/evaluate/regression/residuals'
import type { EvaluateSectionProps } from '../evaluate-section'
import { ForecastChart, ForecastErrorTable } from './forecast-chart'
import { PredictedActualChart } from './predicted-actual-chart'
import { ResidualHistogram } from './residual-histogram'
import { ResidualPlot } from './residual-plot'
import { ResidualSummaryTable } from './residual-summary-table'

/** Regression runs: how far off the predictions are, where, and for forecasts, over time. */
export function RegressionSection({ trained, testSet, table }: EvaluateSectionProps) {
  const { recipe } = trained
  const target = recipe.target.column
  const residuals = useMemo(() => residualsOf(testSet.actual, testSet.outputs), [testSet])
  const summary = useMemo(() => residualSummary(residuals), [residuals])
  const forecast = useMemo(() => naiveForecast(recipe, table, testSet), [recipe, table, testSet])
  const orderType =
    recipe.source.kind === 'table' && forecast?.orderBy
      ? recipe.source.columns.find((c) => c.name === forecast.orderBy)?.type
      : undefined
  if (testSet.rows.length === 0) return null
  return (
    <Stack gap="md">
      {forecast && (
        <>
          <Title order={4}>Forecast over the test period</Title>
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <div style={{ gridColumn: 'span 2' }}>
              <ForecastChart series={forecast} target={target} isDate={orderType === 'datetime'} />
            </div>
            <ForecastErrorTable series={forecast} />
          </SimpleGrid>
        </>
      )}
      <Title order={4}>Errors</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PredictedActualChart actual={testSet.actual} predicted={testSet.outputs} target={target} />
        <ResidualPlot residuals={residuals} predicted={testSet.outputs} target={target} />
        <ResidualHistogram residuals={residuals} />
        <ResidualSummaryTable summary={summary} target={target} />
      </SimpleGrid>
    </Stack>
  )
}
