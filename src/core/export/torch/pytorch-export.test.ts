import * as tf from '@tensorflow/tfjs'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { transformFeatures } from '../../recipe/transform'
import { bundledTable, trainForReal, withTraining } from '../../train/run-history-test-run'
import { pytorchProject, pytorchRefusal } from './pytorch-export'

const PYTHON = '/usr/bin/python3'
const TORCHRUN = '/usr/bin/torchrun'
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0
const dataset = (file: string) =>
  fileURLToPath(new URL(`../../../../public/datasets/${file}`, import.meta.url))

function unpack(files: Record<string, Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'torch-'))
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes)
  return dir
}

const env = { ...process.env, OMP_NUM_THREADS: '1' }

beforeAll(async () => {
  await tf.setBackend('cpu')
})

// Debian's python3-torch: CI installs it (.ci/run); a machine without it cannot run train.py.
describe.runIf(hasTorch)('the PyTorch project', () => {
  it.each([
    ['GermanCredit.csv', 'Class'],
    ['lending-club.csv', 'Class'],
  ])('prepares %s exactly as the studio does', async (file, target) => {
    const data = bundledTable(file)
    const run = await trainForReal(withTraining(data.recipeFor(target), { epochs: 1 }), data.table)
    const dir = unpack(pytorchProject(run.recipe))
    const out = join(dir, 'features.json')
    const python = spawnSync(
      PYTHON,
      ['train.py', '--data', dataset(file), '--dump-features', out],
      { cwd: dir, env, encoding: 'utf8' },
    )
    expect(python.stderr).toBe('')
    const rows = JSON.parse(readFileSync(out, 'utf8')) as number[][]
    const page = transformFeatures(run.recipe, data.table)
    expect(rows).toHaveLength(page.rows)
    let gap = 0
    rows.forEach((row, i) =>
      row.forEach(
        (v, j) => (gap = Math.max(gap, Math.abs(v - (page.values[i * page.width + j] ?? NaN)))),
      ),
    )
    expect(gap).toBeLessThan(1e-5)
  })

  it('trains on 2 processes with torchrun to an AUC comparable to the studio’s', async () => {
    const data = bundledTable('GermanCredit.csv')
    const run = await trainForReal(
      withTraining(data.recipeFor('Class'), { epochs: 20 }),
      data.table,
    )
    const studioAuc = run.metrics.find((m) => m.key === 'auc')?.value ?? NaN
    const dir = unpack(pytorchProject(run.recipe))
    const torch = spawnSync(
      TORCHRUN,
      [
        '--standalone',
        '--nnodes=1',
        '--nproc_per_node=2',
        // torchrun 1.13 on Python 3.11 cannot read the default of 0 for these (a zero-valued
        // IntFlag member is no longer iterated), so stdout is teed instead.
        '--redirects',
        '1',
        '--tee',
        '1',
        'train.py',
        '--data',
        dataset('GermanCredit.csv'),
      ],
      { cwd: dir, env, encoding: 'utf8', timeout: 120_000 },
    )
    expect(torch.status, torch.stderr).toBe(0)
    expect(torch.stdout).toContain('world size 2')
    expect(torch.stdout).toContain('epoch 20/20')
    const last = (torch.stdout.trim().split('\n').at(-1) ?? '{}').replace(/^\[default0\]:/, '')
    const result = JSON.parse(last) as { test: { auc: number; rows: number }; world_size: number }
    expect(result.world_size).toBe(2)
    // Another shuffle of the same shares, other initial weights and PyTorch's Adam: 100 other
    // test rows. An AUC near 0.75 on 100 rows (30 bad) has a standard error near 0.05, so two
    // such estimates differ by up to about 0.12 (two standard errors of the difference); both
    // must also be well clear of the class-frequency baseline's 0.5.
    expect(result.test.rows).toBe(100)
    expect(result.test.auc).toBeGreaterThan(0.68)
    expect(Math.abs(result.test.auc - studioAuc)).toBeLessThan(0.12)
    console.log(`AUC: studio ${studioAuc.toFixed(3)}, torchrun ×2 ${result.test.auc.toFixed(3)}`)
  })
})

describe('what the PyTorch project refuses', () => {
  it('names the step or layer it does not carry out', () => {
    const data = bundledTable('iris.csv')
    const recipe = data.recipeFor('species')
    expect(pytorchRefusal(recipe)).toBeNull()
    const lstm = {
      ...recipe,
      model: { ...recipe.model, layers: [{ id: 'x', type: 'flatten' as const }] },
    }
    expect(pytorchRefusal(lstm)).toMatch(/has a flatten layer/)
  })
})
