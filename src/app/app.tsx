import { AppShell, Badge, Center, Container, Group, Loader, Tabs, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { DataStep } from '../features/data/data-step'
import { DeployStep } from '../features/deploy/deploy-step'
import { EvaluateStep } from '../features/evaluate/evaluate-step'
import { ModelStep } from '../features/model/model-step'
import { PrepareStep } from '../features/prepare/prepare-step'
import { DeletedProjectToast, ProjectNotices } from '../features/projects/project-notices'
import { ProjectBar } from '../features/projects/project-bar'
import { ProjectsPage } from '../features/projects/projects-page'
import { TrainStep } from '../features/train/train-step'
import { modelCheckOf } from '../state/model-slice'
import type { StepId } from '../state/navigation-slice'
import { planReady } from '../state/recipe-slice'
import { useStudio } from '../state/studio-store'
import { OfflineBadge } from './offline/offline-badge'

const STEPS = [
  { id: 'data', label: 'Data', Component: DataStep },
  { id: 'prepare', label: 'Prepare', Component: PrepareStep },
  { id: 'model', label: 'Model', Component: ModelStep },
  { id: 'train', label: 'Train', Component: TrainStep },
  { id: 'evaluate', label: 'Evaluate', Component: EvaluateStep },
  { id: 'deploy', label: 'Deploy', Component: DeployStep },
] as const satisfies readonly { id: StepId; label: string; Component: () => unknown }[]

// Made once: the shell redraws when a step becomes done (a run ends, say), and the step on show
// must not redraw with it, all at once in that task.
const PANELS = STEPS.map(({ id, Component }) => (
  <Tabs.Panel key={id} value={id}>
    <Component />
  </Tabs.Panel>
))

/** Which steps have what they need, so the stepper shows what is done and what comes next. */
function useStepsDone(): Record<StepId, boolean> {
  const hasData = useStudio((s) => s.dataset !== null)
  const hasRecipe = useStudio((s) => planReady(s.plan))
  const trained = useStudio((s) => s.trained !== null)
  const modelFits = useStudio((s) => !modelCheckOf(s.recipe, s.plan)?.firstError)
  return {
    data: hasData && hasRecipe,
    prepare: hasRecipe,
    model: hasRecipe && modelFits,
    train: trained,
    evaluate: trained,
    deploy: false,
  }
}

/** The studio's tabs, once a project is open (before, its state would be replaced under you). */
function Studio() {
  const step = useStudio((s) => s.step)
  const showStep = useStudio((s) => s.showStep)
  const done = useStepsDone()
  return (
    <Tabs value={step} onChange={(v) => v && showStep(v as StepId)} keepMounted={false}>
      <Tabs.List mb="md" aria-label="Steps">
        {STEPS.map((s, i) => (
          <Tabs.Tab
            key={s.id}
            value={s.id}
            leftSection={
              <Badge
                size="sm"
                circle
                variant={done[s.id] ? 'filled' : 'light'}
                color={done[s.id] ? 'teal' : 'gray'}
                aria-hidden
              >
                {done[s.id] ? '✓' : i + 1}
              </Badge>
            }
          >
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {PANELS}
    </Tabs>
  )
}

export function App() {
  const bootProjects = useStudio((s) => s.bootProjects)
  const ready = useStudio((s) => s.projectId !== null || s.projectError !== null)
  const opening = useStudio((s) => s.projectOpening)
  const pageOpen = useStudio((s) => s.projectsPageOpen)
  const datasetName = useStudio((s) => s.dataset?.name ?? s.imageDataset?.name)
  useEffect(() => {
    void bootProjects()
  }, [bootProjects])
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="md" wrap="nowrap">
            <Title order={3}>Model Studio</Title>
            <Text size="sm" c="dimmed" visibleFrom="lg">
              train neural networks in your browser
            </Text>
            <ProjectBar />
          </Group>
          <Group gap="md" wrap="nowrap">
            <OfflineBadge />
            {datasetName && (
              <Badge variant="outline" tt="none">
                {datasetName}
              </Badge>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl">
          <ProjectNotices />
          {!ready || opening ? (
            <Center h={240}>
              <Group gap="xs">
                <Loader size="sm" />
                <Text size="sm" c="dimmed">
                  Opening your project…
                </Text>
              </Group>
            </Center>
          ) : pageOpen ? (
            <ProjectsPage />
          ) : (
            <Studio />
          )}
        </Container>
        <DeletedProjectToast />
      </AppShell.Main>
    </AppShell>
  )
}
