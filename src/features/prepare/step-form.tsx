import { Text } from '@mantine/core'
import type { Step } from '../../core/recipe/step-schema'
import type { ColumnAtStep } from './columns-at-step'
import { CastForm } from './forms/cast-form'
import { DatePartsForm } from './forms/date-parts-form'
import { DropColumnsForm } from './forms/drop-columns-form'
import { DropDuplicatesForm } from './forms/drop-duplicates-form'
import { FilterRowsForm } from './forms/filter-rows-form'
import { FrequencyForm } from './forms/frequency-form'
import { ImputeForm } from './forms/impute-form'
import { Log1pForm } from './forms/log1p-form'
import { OneHotForm } from './forms/one-hot-form'
import { OrdinalForm } from './forms/ordinal-form'
import { OutliersForm } from './forms/outliers-form'
import { ScaleForm } from './forms/scale-form'
import { TokensForm } from './forms/tokens-form'
import { WindowsForm } from './forms/windows-form'

interface Props {
  readonly step: Step
  readonly columns: readonly ColumnAtStep[]
  readonly target: string
  readonly onChange: (step: Step) => void
}

/** The settings form of one step, by its op. */
export function StepForm({ step, columns, target, onChange }: Props) {
  const common = { columns, target, onChange }
  switch (step.op) {
    case 'drop-duplicates':
      return <DropDuplicatesForm step={step} {...common} />
    case 'drop-columns':
      return <DropColumnsForm step={step} {...common} />
    case 'filter-rows':
      return <FilterRowsForm step={step} {...common} />
    case 'outliers':
      return <OutliersForm step={step} {...common} />
    case 'impute':
      return <ImputeForm step={step} {...common} />
    case 'cast':
      return <CastForm step={step} {...common} />
    case 'one-hot':
      return <OneHotForm step={step} {...common} />
    case 'ordinal':
      return <OrdinalForm step={step} {...common} />
    case 'frequency':
      return <FrequencyForm step={step} {...common} />
    case 'scale':
      return <ScaleForm step={step} {...common} />
    case 'log1p':
      return <Log1pForm step={step} {...common} />
    case 'date-parts':
      return <DatePartsForm step={step} {...common} />
    case 'tokens':
      return <TokensForm step={step} {...common} />
    case 'windows':
      return <WindowsForm step={step} {...common} />
    case 'image-resize':
    case 'image-normalise':
      return (
        <Text size="sm" c="dimmed">
          Image steps are set on an image dataset’s Prepare screen. Remove this step for a table.
        </Text>
      )
  }
}
