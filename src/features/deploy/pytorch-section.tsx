import { Alert, Button, Code, Group, Paper, Table, Text, Title } from '@mantine/core'
import { zipSync } from 'fflate'
import { useMemo } from 'react'
import {
  PYTORCH_FILES,
  pytorchProject,
  pytorchRefusal,
} from '../../core/export/torch/pytorch-export'
import { downloadBytes } from '../../ui/download'
import type { DeploySectionProps } from './deploy-section'
import { fileStem } from './file-stem'

const COMMANDS: readonly (readonly [string, string])[] = [
  [
    'torchrun --standalone --nproc_per_node=4 train.py --data your.csv',
    'Train on 4 processes of this machine (one per GPU, or CPU processes); each trains on its share of the rows.',
  ],
  [
    'python3 train.py --data your.csv --refit',
    'Fit the preparation (scalers, categories, vocabulary) afresh on the new file’s training rows.',
  ],
  [
    'python3 train.py --data your.csv --from-browser',
    'Go on training from the weights trained here; with --epochs 0 it reproduces this page’s test metrics.',
  ],
]

/** A PyTorch project that trains the same network on the same preparation on many processes. */
export function PytorchSection({ trained }: DeploySectionProps) {
  const refusal = useMemo(() => pytorchRefusal(trained.recipe), [trained])
  const stem = fileStem(trained.recipe)
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>PyTorch</Title>
      <Text size="sm" c="dimmed" mb="sm">
        For data that has outgrown the browser: this preparation (with the statistics fitted here),
        this network and these settings as a PyTorch project, for one machine or many. The rows
        split into training, validation and test exactly as here, so this file gives the same test
        rows.
      </Text>
      {refusal ? (
        <Alert color="yellow" title="Not available for this model">
          {refusal}
        </Alert>
      ) : (
        <>
          <Group mb="sm">
            <Button
              variant="light"
              onClick={() =>
                downloadBytes(
                  zipSync(pytorchProject(trained.recipe, trained.model)),
                  `${stem}-pytorch.zip`,
                  'application/zip',
                )
              }
            >
              Download PyTorch project
            </Button>
          </Group>
          <Table aria-label="Files of the PyTorch project" mb="sm" fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {PYTORCH_FILES.map(([name, purpose]) => (
                <Table.Tr key={name}>
                  <Table.Td w={160}>
                    <Code>{name}</Code>
                  </Table.Td>
                  <Table.Td>{purpose}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" fw={500}>
            Unzip it and run, with Python 3, PyTorch and numpy:
          </Text>
          {COMMANDS.map(([command, meaning]) => (
            <div key={command}>
              <Code block mt={6}>
                {command}
              </Code>
              <Text size="xs" c="dimmed" mt={2}>
                {meaning}
              </Text>
            </div>
          ))}
        </>
      )}
    </Paper>
  )
}
