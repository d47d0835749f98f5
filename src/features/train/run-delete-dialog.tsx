import { Button, Group, Modal, Text } from '@mantine/core'
import type { RunSummary } from '../../core/train/run-history'

/** Asks before a run is deleted: its model goes with it and cannot be brought back. */
export function RunDeleteDialog({
  run,
  onCancel,
  onConfirm,
}: {
  run: RunSummary | null
  onCancel: () => void
  onConfirm: (run: RunSummary) => void
}) {
  return (
    <Modal
      opened={run !== null}
      onClose={onCancel}
      title={run ? `Delete run ${run.number}?` : ''}
      centered
      size="sm"
    >
      <Text size="sm">
        Its model, curves and metrics are removed from this browser. This cannot be undone.
      </Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="red" onClick={() => run && onConfirm(run)}>
          Delete
        </Button>
      </Group>
    </Modal>
  )
}
