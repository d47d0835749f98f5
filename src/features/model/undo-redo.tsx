import { Button, Group, Kbd, Tooltip } from '@mantine/core'
import { useEffect } from 'react'
import { useStudio } from '../../state/studio-store'

/** Keys typed in a field belong to the field: its own undo, not the model's. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Undo and Redo of model edits, as buttons and as Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. */
export function UndoRedo() {
  const canUndo = useStudio((s) => s.canUndoModel)
  const canRedo = useStudio((s) => s.canRedoModel)
  const undo = useStudio((s) => s.undoModel)
  const redo = useStudio((s) => s.redoModel)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return
      const key = e.key.toLowerCase()
      if (key === 'z' && !e.shiftKey) undo()
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, redo])
  return (
    <Group gap={4}>
      <Tooltip label={<Kbd size="xs">Ctrl+Z</Kbd>} withArrow openDelay={300}>
        <Button size="compact-sm" variant="default" onClick={undo} disabled={!canUndo}>
          Undo
        </Button>
      </Tooltip>
      <Tooltip label={<Kbd size="xs">Ctrl+Shift+Z</Kbd>} withArrow openDelay={300}>
        <Button size="compact-sm" variant="default" onClick={redo} disabled={!canRedo}>
          Redo
        </Button>
      </Tooltip>
    </Group>
  )
}
