import { Checkbox, Group, NativeSelect, ScrollArea, Stack } from '@mantine/core'
import type { FilterCondition } from '../../../core/recipe/step-schema'
import { ColumnSelect } from '../fields/column-select'
import { CommitNumberInput } from '../../../ui/commit-number-input'
import { CommitTextarea } from '../fields/commit-textarea'
import { inputColumns, type StepFormProps } from './step-form-props'

/** Known categories beyond this many are typed, not ticked. */
const MAX_TICKED = 60

function startCondition(kind: FilterCondition['kind'], categories: readonly string[]) {
  if (kind === 'range') return { kind, min: null, max: null } as const
  if (kind === 'in') return { kind, values: categories.slice(0, 1), keep: true } as const
  return { kind, keep: false } as const
}

export function FilterRowsForm({ step, columns, target, onChange }: StepFormProps<'filter-rows'>) {
  const choices = inputColumns(columns, target)
  const categories = choices.find((c) => c.name === step.column)?.categories ?? []
  const condition = step.condition
  const set = (next: FilterCondition) => onChange({ ...step, condition: next })
  const keepSelect = (keep: boolean, what: string) => (
    <NativeSelect
      label="Rows that match"
      value={keep ? 'keep' : 'remove'}
      data={[
        { value: 'keep', label: `Keep only rows ${what}` },
        { value: 'remove', label: `Remove rows ${what}` },
      ]}
      onChange={(e) =>
        set({ ...condition, keep: e.currentTarget.value === 'keep' } as FilterCondition)
      }
    />
  )
  return (
    <>
      <ColumnSelect
        label="Column"
        value={step.column}
        columns={choices}
        onChange={(column) => onChange({ ...step, column })}
      />
      <NativeSelect
        label="Condition"
        value={condition.kind}
        data={[
          { value: 'range', label: 'Value in a range' },
          { value: 'in', label: 'Value is one of' },
          { value: 'missing', label: 'Value is missing' },
        ]}
        onChange={(e) =>
          set(startCondition(e.currentTarget.value as FilterCondition['kind'], categories))
        }
      />
      {condition.kind === 'range' && (
        <Group grow>
          <CommitNumberInput
            key={`min${condition.min}`}
            label="At least"
            placeholder="no lower bound"
            value={condition.min}
            onCommit={(min) => set({ ...condition, min })}
          />
          <CommitNumberInput
            key={`max${condition.max}`}
            label="At most"
            placeholder="no upper bound"
            value={condition.max}
            onCommit={(max) => set({ ...condition, max })}
          />
        </Group>
      )}
      {condition.kind === 'in' && (
        <>
          {keepSelect(condition.keep, 'with these values')}
          {categories.length > 0 && categories.length <= MAX_TICKED ? (
            <ScrollArea.Autosize mah={180} type="auto">
              <Stack gap={4} role="group" aria-label="Values">
                {categories.map((value) => (
                  <Checkbox
                    key={value}
                    size="xs"
                    label={value}
                    checked={condition.values.includes(value)}
                    onChange={(e) =>
                      set({
                        ...condition,
                        values: e.currentTarget.checked
                          ? [...condition.values, value]
                          : condition.values.filter((v) => v !== value),
                      })
                    }
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          ) : (
            <CommitTextarea
              key={condition.values.join('\n')}
              label="Values, one a line"
              lines={condition.values}
              onCommit={(values) => set({ ...condition, values })}
            />
          )}
        </>
      )}
      {condition.kind === 'missing' && keepSelect(condition.keep, 'where it is missing')}
    </>
  )
}
