import { Group, NativeSelect, NumberInput, SegmentedControl, Text } from '@mantine/core'
import type { Banding } from '../../../core/evaluate/fairness/group-rows'
import type { Column } from '../../../core/table/table'

export type BandKind = Banding['kind']

/** The column to slice by and, for a numeric one, how to band it. */
export function GroupControls({
  columns,
  column,
  onColumn,
  banded,
  bandKind,
  onBandKind,
  bandCount,
  onBandCount,
  bandWidth,
  onBandWidth,
}: {
  columns: readonly Column[]
  column: Column | undefined
  onColumn: (name: string) => void
  banded: boolean
  bandKind: BandKind
  onBandKind: (kind: BandKind) => void
  bandCount: number
  onBandCount: (count: number) => void
  bandWidth: number
  onBandWidth: (width: number) => void
}) {
  return (
    <Group align="end" gap="md">
      <NativeSelect
        label="Group by column"
        value={column?.name ?? ''}
        onChange={(e) => onColumn(e.currentTarget.value)}
        data={[
          { value: '', label: 'Choose a column…' },
          ...columns.map((c) => ({
            value: c.name,
            label: `${c.name} (${c.kind === 'numeric' ? 'number' : 'category'})`,
          })),
        ]}
        w={280}
      />
      {banded && (
        <>
          <div>
            <Text size="sm" fw={500} mb={2}>
              Bands
            </Text>
            <SegmentedControl
              aria-label="Bands"
              value={bandKind}
              onChange={(v) => onBandKind(v === 'width' ? 'width' : 'quantile')}
              data={[
                { value: 'quantile', label: 'Equal-size groups' },
                { value: 'width', label: 'Round numbers' },
              ]}
            />
          </div>
          {bandKind === 'quantile' ? (
            <NumberInput
              label="Number of bands"
              min={2}
              max={10}
              w={140}
              value={bandCount}
              onChange={(v) => {
                if (typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 10)
                  onBandCount(v)
              }}
            />
          ) : (
            <NumberInput
              label="Band width"
              min={0}
              w={140}
              value={bandWidth}
              onChange={(v) => {
                if (typeof v === 'number' && v > 0) onBandWidth(v)
              }}
            />
          )}
        </>
      )}
    </Group>
  )
}
