import { NativeSelect } from '@mantine/core'
import { useStudio } from '../../state/studio-store'

/** Which worksheet of a workbook is loaded, shown when the workbook has more than one. */
export function SheetPicker() {
  const sheets = useStudio((s) => s.dataset?.sheets)
  const loading = useStudio((s) => s.dataLoading)
  const loadSheet = useStudio((s) => s.loadSheet)
  if (!sheets || sheets.names.length < 2) return null
  return (
    <NativeSelect
      label="Sheet"
      size="xs"
      data={[...sheets.names]}
      value={sheets.current}
      disabled={loading}
      onChange={(event) => void loadSheet(event.currentTarget.value)}
    />
  )
}
