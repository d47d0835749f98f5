import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// For tests: ONNX's own checker, from Debian's python3-onnx (CI installs it).
const PYTHON = '/usr/bin/python3'

export const hasOnnxChecker =
  spawnSync(PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0

/** 'ok', or what `onnx.checker.check_model(full_check=True)` says is wrong with the file. */
export function checkWithPython(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'onnx-')), 'model.onnx')
  writeFileSync(file, bytes)
  const script = `import onnx; onnx.checker.check_model(onnx.load(${JSON.stringify(file)}), full_check=True); print('ok')`
  const run = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' })
  return `${run.stdout}${run.stderr}`.trim()
}
