import { DndContext, DragOverlay } from '@dnd-kit/core'
import { Grid, Paper, Stack, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { LAYER_CATALOGUE } from '../../core/model/layer-catalogue'
import type { LayerType } from '../../core/model/model-spec'
import { modelInputOf } from '../../core/recipe/model-input'
import { outputHead } from '../../core/model/head'
import { modelCheckOf } from '../../state/model-slice'
import { planReady } from '../../state/recipe-slice'
import { useStudio } from '../../state/studio-store'
import { EmptyState } from '../../ui/empty-state'
import { LayerPalette } from './layer-palette'
import { LayerStack } from './layer-stack'
import { ModelHeader } from './model-header'
import { ModelSummary } from './model-summary'
import { NetworkDiagram } from './network-diagram'
import { TemplatePicker } from './template-picker'
import { MODEL_TEMPLATES } from '../../core/model/templates'
import { useStackDnd } from './use-stack-dnd'

/** The Model step: palette, the layer stack with live shapes, summary, diagram and templates. */
export function ModelStep() {
  const recipe = useStudio((s) => s.recipe)
  const plan = useStudio((s) => s.plan)
  const addLayer = useStudio((s) => s.addLayer)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const check = useMemo(() => modelCheckOf(recipe, plan), [recipe, plan])
  const layers = recipe?.model.layers ?? []
  const dnd = useStackDnd(layers, setSelectedId)
  if (!recipe || !planReady(plan)) {
    return (
      <EmptyState title="No model yet">
        Load data and choose a target column: a network that fits it is proposed here.
      </EmptyState>
    )
  }
  const spec = recipe.model
  const input = modelInputOf(plan.recipe)
  const head = outputHead(plan.recipe.target, spec)
  const selected = layers.findIndex((l) => l.id === selectedId)
  const add = (type: LayerType) => {
    const id = addLayer(type, selected >= 0 ? selected + 1 : layers.length)
    if (id) setSelectedId(id)
  }
  const { dragging, dropMark, ...handlers } = dnd
  return (
    <Stack gap="sm">
      <ModelHeader spec={spec} input={input} head={head} check={check} />
      <DndContext {...handlers}>
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 4, md: 3, lg: 2.5 }}>
            <div style={{ position: 'sticky', top: 64 }}>
              <LayerPalette
                addWhere={
                  selected >= 0 && selected < layers.length - 1
                    ? `after layer ${selected + 1}`
                    : 'at the end'
                }
                onAdd={add}
              />
            </div>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, md: 9, lg: 9.5 }}>
            {/* At 1024 px the summary and diagram sit below the stack, side by side. */}
            <Grid gap="sm" align="flex-start">
              <Grid.Col span={{ base: 12, lg: 6.9 }}>
                <LayerStack
                  spec={spec}
                  input={input}
                  head={head}
                  check={check}
                  regression={plan.recipe.target.task === 'regression'}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  dropMark={dropMark}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5.1 }}>
                <Grid gap="sm">
                  <Grid.Col span={{ base: 12, md: 7, lg: 12 }}>
                    {check && <ModelSummary check={check} layers={layers} />}
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 5, lg: 12 }}>
                    {check && <NetworkDiagram check={check} layers={layers} />}
                  </Grid.Col>
                  <Grid.Col span={12}>
                    <TemplatePicker templates={MODEL_TEMPLATES} input={input} spec={spec} />
                  </Grid.Col>
                </Grid>
              </Grid.Col>
            </Grid>
          </Grid.Col>
        </Grid>
        <DragOverlay dropAnimation={null}>
          {dragging && (
            <Paper withBorder shadow="md" px="sm" py={4} radius="md" w={180}>
              <Text size="sm" fw={600}>
                {LAYER_CATALOGUE[dragging].label}
              </Text>
            </Paper>
          )}
        </DragOverlay>
      </DndContext>
    </Stack>
  )
}
