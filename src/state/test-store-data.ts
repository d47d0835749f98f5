import { readFileSync } from 'node:fs'
import { profileTable } from '../core/profile/profile-table'
import { inferTable } from '../core/table/infer-types'
import { parseDelimitedText } from '../core/table/parse-delimited'
import { useStudio } from './studio-store'

/**
 * A bundled dataset put into the store as the Data step leaves it (parsed, typed, profiled), with
 * no recipe yet: store tests then choose the target as the analyst would. For Node tests only.
 */
export function loadBundledIntoStore(file: string): void {
  const text = readFileSync(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8')
  const { table, types } = inferTable(parseDelimitedText(text).table)
  useStudio.setState({
    recipe: null,
    dataset: {
      name: file,
      table,
      warnings: [],
      sampleId: null,
      types,
      inferredTypes: types,
      inferredTable: table,
      profile: profileTable(table, types),
      file: new Blob([text]),
    },
  })
}
