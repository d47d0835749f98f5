import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Recipe } from '../../recipe/recipe-schema'
import { inferTable } from '../../table/infer-types'
import { parseDelimitedText } from '../../table/parse-delimited'
import type { Table } from '../../table/table'

/**
 * Debian's Python, where CI installs python3-torch (the pyenv python3 first on PATH has no
 * torch). For Node tests only.
 */
export const PYTHON = '/usr/bin/python3'

/** Why the PyTorch tests cannot run here, or null when Debian's python3-torch imports. */
export function torchMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' })
  if (probe.error) return `${PYTHON} is not installed (${probe.error.message})`
  return probe.status === 0
    ? null
    : `Debian's python3-torch does not import: ${probe.stderr.trim().split('\n').at(-1) ?? ''}`
}

/** A fresh folder holding the given files. */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'torch-project-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

/** Runs a command in `cwd`; throws with its output when it fails. */
export function run(command: string, args: string[], cwd: string, timeout = 120_000) {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    // One thread per process: the test machine has 2 cores for 2 ranks.
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
  })
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    )
  }
  return result
}

/** CSV text parsed and typed as the Data step does it. */
export function typedTable(text: string): Table {
  return inferTable(parseDelimitedText(text).table).table
}

/** A CSV of numbers with a header, as prepare.py writes it, as rows × columns. */
export function readMatrix(path: string): { names: string[]; rows: number[][] } {
  const [header = '', ...lines] = readFileSync(path, 'utf8').trim().split('\n')
  return { names: header.split(','), rows: lines.map((l) => l.split(',').map(Number)) }
}

export const recipeJson = (recipe: Recipe) => JSON.stringify(recipe, null, 2)
