import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { ModelInput } from '../../core/model/model-input'
import type { ModelSpec } from '../../core/model/model-spec'
import type { ModelTemplate } from '../../core/model/templates'
import { useStudio } from '../../state/studio-store'
import { editedFromTemplate } from './template-origin'

const KIND_WORDS: Record<ModelInput['kind'], string> = {
  table: 'tables',
  sequence: 'sequences',
  tokens: 'text',
  image: 'pictures',
}

interface Props {
  readonly templates: readonly ModelTemplate[]
  readonly input: ModelInput
  readonly spec: ModelSpec
}

/** Ready-made stacks per kind of data; applying one is a single step of undo. */
export function TemplatePicker({ templates, input, spec }: Props) {
  const applyTemplate = useStudio((s) => s.applyTemplate)
  const [asking, setAsking] = useState<ModelTemplate | null>(null)
  const apply = (template: ModelTemplate) => {
    // The analyst's own stack is asked about before it is replaced (undo brings it back too).
    if (!spec.proposed && editedFromTemplate(spec, input)) setAsking(template)
    else applyTemplate(template.id)
  }
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Templates">
      <Title order={5} mb={6}>
        Templates
      </Title>
      <Stack gap={8}>
        {templates.map((t) => {
          const fits = t.fits.includes(input.kind)
          const current = spec.template === t.id
          return (
            <Group key={t.id} gap="xs" wrap="nowrap" align="start" data-template={t.id}>
              <Stack gap={0} flex={1} miw={0}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t.name}
                  </Text>
                  {fits ? (
                    <Badge size="xs" variant="light" color="teal">
                      fits this data
                    </Badge>
                  ) : (
                    <Badge size="xs" variant="light" color="gray">
                      made for {t.fits.map((k) => KIND_WORDS[k]).join(', ')}
                    </Badge>
                  )}
                  {current && (
                    <Badge size="xs" variant="outline">
                      {editedFromTemplate(spec, input) ? 'in use, edited' : 'in use'}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2} title={t.description}>
                  {t.description}
                </Text>
              </Stack>
              <Button
                size="compact-xs"
                variant={fits ? 'light' : 'subtle'}
                color={fits ? 'blue' : 'gray'}
                aria-label={`Apply template ${t.name}`}
                onClick={() => apply(t)}
              >
                Apply
              </Button>
            </Group>
          )
        })}
      </Stack>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={`Replace your layers with ${asking?.name ?? ''}?`}
        size="sm"
      >
        <Text size="sm" mb="md">
          The stack has your edits. The template replaces all of its layers; Undo brings them back.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setAsking(null)}>
            Keep my layers
          </Button>
          <Button
            onClick={() => {
              if (asking) applyTemplate(asking.id)
              setAsking(null)
            }}
          >
            Replace layers
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}
