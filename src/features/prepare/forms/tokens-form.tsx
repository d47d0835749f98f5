import { Group, Switch } from '@mantine/core'
import { ColumnSelect } from '../fields/column-select'
import { CommitNumberInput } from '../../../ui/commit-number-input'
import { categoricalColumns, type StepFormProps } from './step-form-props'

export function TokensForm({ step, columns, target, onChange }: StepFormProps<'tokens'>) {
  return (
    <>
      <ColumnSelect
        label="Text column"
        value={step.column}
        columns={categoricalColumns(columns, target)}
        onChange={(column) => onChange({ ...step, column })}
      />
      <Group grow align="start">
        <CommitNumberInput
          key={`v${step.vocabularySize}`}
          label="Vocabulary size"
          description="Ids 0 (padding) and 1 (unknown word) included"
          value={step.vocabularySize}
          min={2}
          max={100_000}
          allowDecimal={false}
          onCommit={(v) => v !== null && onChange({ ...step, vocabularySize: v })}
        />
        <CommitNumberInput
          key={`s${step.sequenceLength}`}
          label="Sequence length"
          description="Words kept per text; shorter texts are padded"
          value={step.sequenceLength}
          min={1}
          max={1024}
          allowDecimal={false}
          onCommit={(v) => v !== null && onChange({ ...step, sequenceLength: v })}
        />
      </Group>
      <Switch
        label="Lower-case the text first"
        checked={step.lowercase}
        onChange={(e) => onChange({ ...step, lowercase: e.currentTarget.checked })}
      />
    </>
  )
}
