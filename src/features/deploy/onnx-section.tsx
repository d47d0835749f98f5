import { Alert, Badge, Button, Group, List, Loader, Paper, Table, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { OnnxExport } from '../../core/export/onnx/onnx-export'
import { downloadBytes } from '../../ui/download'
import type { DeploySectionProps } from './deploy-section'
import { fileStem } from './file-stem'

type Export = { readonly file: OnnxExport } | { readonly error: string }

/** The network as an ONNX file, with the preparation inside where ONNX can express it. */
export function OnnxSection({ trained }: DeploySectionProps) {
  // Kept with the model it was written for: another model shows nothing until its own is written.
  const [written, setWritten] = useState<{ for: object; result: Export } | null>(null)
  useEffect(() => {
    let live = true
    // Loaded on demand: the ONNX writer (protobufjs) is not part of the first screen.
    void import('../../core/export/onnx/onnx-export').then(({ exportOnnx }) => {
      let result: Export
      try {
        result = { file: exportOnnx(trained.model, trained.recipe) }
      } catch (error) {
        result = { error: error instanceof Error ? error.message : String(error) }
      }
      if (live) setWritten({ for: trained, result })
    })
    return () => {
      live = false
    }
  }, [trained])
  const exported = written?.for === trained ? written.result : null
  const file = exported && 'file' in exported ? exported.file : null
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4}>ONNX</Title>
      <Text size="sm" c="dimmed" mb="sm">
        An .onnx file for ONNX Runtime (Python, C#, Java, C++, the browser) and the tools that read
        ONNX. Where ONNX can express the preparation, it is inside the file: send raw columns,
        numbers as floats (NaN for missing) and categories as text (empty for missing).
      </Text>
      {!exported && <Loader size="xs" aria-label="Writing the ONNX file" />}
      {exported && 'error' in exported && (
        <Alert color="yellow" title="This network cannot be exported to ONNX">
          {exported.error}
        </Alert>
      )}
      {file && (
        <>
          <Group mb="sm">
            <Button
              variant="light"
              onClick={() =>
                downloadBytes(
                  file.bytes,
                  `${fileStem(trained.recipe)}.onnx`,
                  'application/octet-stream',
                )
              }
            >
              Download ONNX model
            </Button>
            <Text size="xs" c="dimmed">
              {(file.bytes.length / 1024).toFixed(1)} KB · opset 17 with ai.onnx.ml 3
            </Text>
          </Group>
          {file.notBaked.length > 0 && (
            <Alert color="yellow" mb="sm" title="Preparation outside the file">
              {file.notBaked.join(' ')}
            </Alert>
          )}
          {file.baked.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                Inside the file, in order
              </Text>
              <List size="sm" mb="sm">
                {file.baked.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="sm" fw={600}>
            Output <code>{file.output.name}</code>: {file.output.meaning}.
          </Text>
          <Table aria-label="ONNX inputs" fz="xs" mt="xs" maw={520} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Input</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Shape</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.inputList.map((input) => (
                <Table.Tr key={input.name}>
                  <Table.Td>{input.name}</Table.Td>
                  <Table.Td>
                    <Badge
                      size="xs"
                      variant="light"
                      color={input.type === 'string' ? 'grape' : 'blue'}
                    >
                      {input.type}
                    </Badge>
                  </Table.Td>
                  <Table.Td>[rows, {input.width}]</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  )
}
