import { Button, Menu, Stack, Text } from '@mantine/core'
import { Fragment } from 'react'
import type { StepDraft } from '../../core/recipe/edit-steps'
import type { ColumnAtStep } from './columns-at-step'
import { defaultDraft, noColumnFor } from './default-draft'
import { TABLE_OPS } from './step-catalogue'

interface Props {
  /** Columns where the new step will run (after the selected step, or at the end). */
  readonly columns: readonly ColumnAtStep[]
  readonly target: string
  /** "after step 2" or "at the end", so the analyst knows where it lands. */
  readonly where: string
  readonly onAdd: (draft: StepDraft) => void
}

/** Every table op with a line saying what it does; each adds a step ready to run. */
export function AddStepMenu({ columns, target, where, onAdd }: Props) {
  const groups = [...new Set(TABLE_OPS.map((o) => o.group))]
  return (
    <Menu position="bottom-start" width={360} shadow="md" withinPortal>
      <Menu.Target>
        <Button size="xs" leftSection="+">
          Add step
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={480} style={{ overflowY: 'auto' }}>
        <Menu.Label>New step goes {where}</Menu.Label>
        {groups.map((group) => (
          <Fragment key={group}>
            <Menu.Divider />
            <Menu.Label>{group}</Menu.Label>
            {TABLE_OPS.filter((o) => o.group === group).map((o) => {
              const draft = defaultDraft(o.op, columns, target)
              return (
                <Menu.Item
                  key={o.op}
                  disabled={draft === null}
                  onClick={() => draft && onAdd(draft)}
                  aria-label={o.label}
                >
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {o.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {draft === null ? noColumnFor(o.op) : o.description}
                    </Text>
                  </Stack>
                </Menu.Item>
              )
            })}
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
