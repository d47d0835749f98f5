import { Checkbox, Group, Switch } from '@mantine/core'
import { DATE_PARTS, type DatePart } from '../../../core/recipe/step-schema'
import { ColumnSelect } from '../fields/column-select'
import { inputColumns, type StepFormProps } from './step-form-props'

const PART_LABELS: Record<DatePart, string> = {
  year: 'Year',
  quarter: 'Quarter',
  month: 'Month',
  day: 'Day of month',
  weekday: 'Weekday',
  'day-of-year': 'Day of year',
  hour: 'Hour',
  minute: 'Minute',
}

export function DatePartsForm({ step, columns, target, onChange }: StepFormProps<'date-parts'>) {
  const dates = inputColumns(columns, target).filter(
    (c) => c.kind === 'numeric' && (c.type === 'datetime' || c.type === null),
  )
  return (
    <>
      <ColumnSelect
        label="Date column"
        description="Dates are read in UTC; the date column itself is replaced by its parts."
        value={step.column}
        columns={dates}
        onChange={(column) => onChange({ ...step, column })}
      />
      <Checkbox.Group
        label="Parts"
        value={[...step.parts]}
        onChange={(parts) => onChange({ ...step, parts })}
      >
        <Group gap="sm" mt={4}>
          {DATE_PARTS.map((part) => (
            <Checkbox key={part} size="xs" value={part} label={PART_LABELS[part]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Switch
        label="Cyclical: month, weekday, hour and day of year as sine/cosine pairs"
        checked={step.cyclical}
        onChange={(e) => onChange({ ...step, cyclical: e.currentTarget.checked })}
      />
    </>
  )
}
