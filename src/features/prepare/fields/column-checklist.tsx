import { Anchor, Checkbox, Group, Input, ScrollArea, Stack, Text } from '@mantine/core'
import type { ColumnAtStep } from '../columns-at-step'

interface Props {
  readonly label: string
  readonly value: readonly string[]
  readonly columns: readonly ColumnAtStep[]
  readonly onChange: (names: string[]) => void
  readonly description?: string
  readonly error?: string | null
}

/**
 * Several columns, as a scrollable list of checkboxes (a group named by `label`) with
 * all/none shortcuts. Chosen columns not in the table at this step stay listed, in red.
 */
export function ColumnChecklist({ label, value, columns, onChange, description, error }: Props) {
  const chosen = new Set(value)
  const absent = value.filter((name) => !columns.some((c) => c.name === name))
  const toggle = (name: string, on: boolean) => {
    onChange(on ? [...value, name] : value.filter((n) => n !== name))
  }
  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={
        error ??
        (absent.length > 0
          ? `Not in the table at this step: ${absent.join(', ')}. Untick, or move this step up.`
          : undefined)
      }
    >
      <Group gap="xs" my={4}>
        <Text size="xs" c="dimmed">
          {value.length} of {columns.length} chosen
        </Text>
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => onChange(columns.map((c) => c.name))}
        >
          All
        </Anchor>
        <Anchor component="button" type="button" size="xs" onClick={() => onChange([])}>
          None
        </Anchor>
      </Group>
      <ScrollArea.Autosize mah={200} type="auto">
        <Stack gap={4} role="group" aria-label={label} py={2}>
          {absent.map((name) => (
            <Checkbox
              key={name}
              size="xs"
              color="red"
              checked
              label={`${name} (not in the table here)`}
              onChange={() => onChange(value.filter((n) => n !== name))}
            />
          ))}
          {columns.map((c) => (
            <Checkbox
              key={c.name}
              size="xs"
              checked={chosen.has(c.name)}
              label={c.name}
              onChange={(e) => toggle(c.name, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Input.Wrapper>
  )
}
