import { Alert, Button, Code, Group, Paper, Text, Title } from '@mantine/core'
import { zipSync } from 'fflate'
import { useMemo } from 'react'
import { pytorchProject, pytorchRefusal } from '../../core/export/torch/pytorch-export'
import { downloadBytes } from '../../ui/download'
import type { DeploySectionProps } from './deploy-section'
import { fileStem } from './file-stem'

/** A PyTorch project that trains the same network on the same preparation on many processes. */
export function PytorchSection({ trained }: DeploySectionProps) {
  const refusal = useMemo(() => pytorchRefusal(trained.recipe), [trained])
  const stem = fileStem(trained.recipe)
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>PyTorch</Title>
      <Text size="sm" c="dimmed" mb="sm">
        For data that has outgrown the browser: a training script with this network, this
        preparation (with the statistics fitted here) and these settings, for PyTorch on one machine
        or many. Each process trains on its share of the rows (DistributedDataParallel).
      </Text>
      {refusal ? (
        <Alert color="yellow" title="Not available for this model">
          {refusal}
        </Alert>
      ) : (
        <>
          <Group mb="xs">
            <Button
              variant="light"
              onClick={() =>
                downloadBytes(
                  zipSync(pytorchProject(trained.recipe)),
                  `${stem}-pytorch.zip`,
                  'application/zip',
                )
              }
            >
              Download PyTorch project
            </Button>
          </Group>
          <Text size="sm">Unzip it and run, with the full data file:</Text>
          <Code block mt={4}>
            torchrun --standalone --nproc_per_node=4 train.py --data your.csv
          </Code>
        </>
      )}
    </Paper>
  )
}
