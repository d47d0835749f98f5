import { Table, Text } from '@mantine/core'
import type { Feature } from '../../core/recipe/recipe-schema'

/** Model inputs shown before the rest are left to scrolling. */
const MAX_ROWS = 500

/** Every model input in order, with the raw columns it comes from (what Evaluate explains by). */
export function FeatureList({ features }: { features: readonly Feature[] }) {
  return (
    <Table.ScrollContainer minWidth={0} maxHeight={320} type="native">
      <Table aria-label="Model inputs" fz="xs" verticalSpacing={2} striped stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>#</Table.Th>
            <Table.Th>Model input</Table.Th>
            <Table.Th>From column</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {features.slice(0, MAX_ROWS).map((f, i) => (
            <Table.Tr key={f.name}>
              <Table.Td c="dimmed">{i + 1}</Table.Td>
              <Table.Td ff="monospace">{f.name}</Table.Td>
              <Table.Td>{f.sources.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {features.length > MAX_ROWS && (
        <Text size="xs" c="dimmed" mt={4}>
          and {(features.length - MAX_ROWS).toLocaleString('en-US')} more inputs
        </Text>
      )}
    </Table.ScrollContainer>
  )
}
