import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectTask } from '../../core/recipe/task'
import { parseFile } from '../../core/table/parse-file'
import { findColumn } from '../../core/table/table'
import { SAMPLE_DATASETS } from './sample-datasets'

const TASK_WORDS = { binary: /^Binary/, multiclass: /^Multiclass/, regression: /^Regression/ }

describe('bundled sample datasets', () => {
  it.each(SAMPLE_DATASETS.filter((s) => s.kind === 'table').map((s) => [s.title, s] as const))(
    '%s parses with the shape, target and task its card shows',
    async (_title, sample) => {
      const bytes = readFileSync(
        new URL(`../../../public/datasets/${sample.file}`, import.meta.url),
      )
      const { table, warnings } = await parseFile(new Blob([bytes]), sample.file)
      expect(warnings).toEqual([])
      expect([table.rowCount, table.columns.length]).toEqual([sample.rows, sample.columns])
      const target = findColumn(table, sample.target)
      const { task } = detectTask(target)
      if (!task) throw new Error(`${sample.target} cannot be a target`)
      expect(sample.task).toMatch(TASK_WORDS[task])
    },
  )

  it('puts finance first and credits every dataset', () => {
    expect(SAMPLE_DATASETS[0]?.domain).toBe('finance')
    const domains = SAMPLE_DATASETS.map((s) => s.domain)
    expect(domains.lastIndexOf('finance')).toBeLessThan(domains.indexOf('classic'))
    for (const sample of SAMPLE_DATASETS) {
      expect(sample.source.length).toBeGreaterThan(10)
      expect(sample.licence.length).toBeGreaterThan(2)
    }
  })
})
