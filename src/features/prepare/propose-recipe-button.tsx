import { Button, Group, Modal, Text } from '@mantine/core'
import { useState } from 'react'
import { unfittedSteps } from '../../core/recipe/edit-steps'
import { proposeSteps } from '../../core/recipe/propose'
import { useStudio } from '../../state/studio-store'

/** Replaces the steps with the auto recipe, asking first when that would lose the analyst's edits. */
export function ProposeRecipeButton() {
  const dataset = useStudio((s) => s.dataset)
  const recipe = useStudio((s) => s.recipe)
  const propose = useStudio((s) => s.proposeSteps)
  const [asking, setAsking] = useState(false)
  // Worked out on the click, not on every edit: profiling a large table is not free.
  const edited = () => {
    if (!dataset || !recipe) return false
    const proposed = proposeSteps(dataset.table, recipe.target.column, dataset.types)
    return JSON.stringify(unfittedSteps(recipe.steps)) !== JSON.stringify(proposed)
  }
  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={() => (edited() ? setAsking(true) : propose())}
        title="Steps chosen from the column profile and target, each with a line saying why"
      >
        Propose recipe
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Replace your steps?" centered>
        <Text size="sm">
          The proposed recipe replaces every step, including the ones you added or edited. The
          split, seed and class balance stay as they are.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>
            Keep my steps
          </Button>
          <Button
            color="orange"
            onClick={() => {
              setAsking(false)
              propose()
            }}
          >
            Replace steps
          </Button>
        </Group>
      </Modal>
    </>
  )
}
