import { Table } from '@mantine/core'
import { useMemo } from 'react'
import type { ImageDataset } from '../../../core/images/image-summary'
import { splitCountsByClass } from '../../../core/images/prepare/prepare-images'
import type { Recipe } from '../../../core/recipe/recipe-schema'

const n = (v: number) => v.toLocaleString('en-US')

/** Pictures of each class in each part: the stratified split keeps every class's share. */
export function ImageSplitTable({ recipe, dataset }: { recipe: Recipe; dataset: ImageDataset }) {
  const counts = useMemo(
    () =>
      splitCountsByClass(
        recipe,
        Int32Array.from(dataset.images, (i) => i.classIndex),
      ),
    [recipe, dataset],
  )
  const total = counts.reduce(
    (sum, c) => ({
      train: sum.train + c.train,
      validation: sum.validation + c.validation,
      test: sum.test + c.test,
    }),
    { train: 0, validation: 0, test: 0 },
  )
  return (
    <Table aria-label="Split by class" striped fz="sm" maw={520}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Class</Table.Th>
          <Table.Th ta="right">Train</Table.Th>
          <Table.Th ta="right">Validation</Table.Th>
          <Table.Th ta="right">Test</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {dataset.classes.map((c, k) => (
          <Table.Tr key={c.name}>
            <Table.Td>{c.name}</Table.Td>
            <Table.Td ta="right">{n(counts[k]?.train ?? 0)}</Table.Td>
            <Table.Td ta="right">{n(counts[k]?.validation ?? 0)}</Table.Td>
            <Table.Td ta="right">{n(counts[k]?.test ?? 0)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={600}>
          <Table.Td>All classes</Table.Td>
          <Table.Td ta="right">{n(total.train)}</Table.Td>
          <Table.Td ta="right">{n(total.validation)}</Table.Td>
          <Table.Td ta="right">{n(total.test)}</Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  )
}
