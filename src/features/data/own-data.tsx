import { Button, Collapse, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { useStudio } from '../../state/studio-store'
import { isImageDrop, loadImageDrop, takeDrop } from './images/drop-images'
import classes from './data-sources.module.css'
import { LoadProgress } from './load-progress'
import { SheetPicker } from './sheet-picker'

const ACCEPT = [
  '.csv,.tsv,.txt,.json,.jsonl,.ndjson,.xlsx,.xlsm,.parquet',
  'text/csv,text/tab-separated-values,application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',')

/** The analyst's own data: a chosen or dropped file, or cells pasted from a spreadsheet. */
export function OwnData() {
  const loadData = useStudio((s) => s.loadData)
  const loading = useStudio((s) => s.dataLoading)
  const [dragging, setDragging] = useState(false)
  const [pasting, setPasting] = useState(false)
  const [pasted, setPasted] = useState('')

  const onFile = (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file) void loadData(file, file.name)
  }

  const onDrop = (event: React.DragEvent) => {
    event.preventDefault()
    setDragging(false)
    // A folder or a .zip is an image dataset: hand it to the image loader instead of refusing it.
    const drop = takeDrop(event.dataTransfer)
    if (isImageDrop(drop)) {
      void loadImageDrop(drop)
      return
    }
    const file = drop.files[0]
    if (file) void loadData(file, file.name)
  }

  const loadPasted = () => {
    void loadData(new Blob([pasted], { type: 'text/tab-separated-values' }), 'Pasted data')
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={4}>Or bring your own</Title>
        <label
          className={classes.upload}
          data-dragging={dragging || undefined}
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <span>Choose or drop a CSV, TSV, JSON, Excel (.xlsx) or Parquet file…</span>
          <input
            type="file"
            aria-label="Upload data file"
            accept={ACCEPT}
            onChange={onFile}
            disabled={loading}
          />
        </label>
        <LoadProgress />
        <SheetPicker />
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setPasting((p) => !p)}
          aria-expanded={pasting}
        >
          Paste from a spreadsheet
        </Button>
        <Collapse expanded={pasting}>
          <Stack gap="xs">
            <Textarea
              label="Pasted cells"
              description="Copy the cells in Excel or Sheets, header row included, and paste them here."
              autosize
              minRows={3}
              maxRows={8}
              value={pasted}
              onChange={(event) => setPasted(event.currentTarget.value)}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Button size="xs" onClick={loadPasted} disabled={pasted.trim() === '' || loading}>
              Load pasted data
            </Button>
          </Stack>
        </Collapse>
        <Text size="xs" c="dimmed">
          The first row names the columns. Your data stays in this browser: nothing is uploaded
          anywhere.
        </Text>
      </Stack>
    </Paper>
  )
}
