// The scoring worker: holds one model, scores the predict form's row and whole uploaded files,
// so the page only renders. Cancelling a file ends the worker.
import * as tf from '@tensorflow/tfjs'
import './register-backends'
import { loadModelFiles } from '../core/export/model-artifacts'
import { checkColumns } from '../core/export/score/column-check'
import { scoreFile } from '../core/export/score/score-file'
import { explainedOutput, scoreRows, type ScoringModel } from '../core/export/score/score-rows'
import { sourceColumns } from '../core/recipe/recipe-schema'
import { parseFile } from '../core/table/parse-file'
import { DataError } from '../core/table/parsed-table'
import { tableFromRecords } from '../core/table/records'
import type { ScoreReply, ScoreRequest, ScoreSetup } from './score-protocol'

const reply = (message: ScoreReply) => self.postMessage(message)
let scoring: Promise<ScoringModel> | null = null

async function load(setup: ScoreSetup): Promise<ScoringModel> {
  // WASM: fast for these batches and exact across machines; CPU if it cannot start.
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu')
  await tf.ready()
  return { model: await loadModelFiles(setup.model), recipe: setup.recipe, schema: setup.schema }
}

async function handle(request: ScoreRequest): Promise<void> {
  if (request.type === 'setup') {
    scoring = load(request.setup)
    return
  }
  if (!scoring) throw new Error('The scoring worker has no model yet.')
  const model = await scoring
  if (request.type === 'predict') {
    const table = tableFromRecords([request.record], sourceColumns(model.recipe))
    const scored = await scoreRows(model, table, { keep: Infinity })
    if (!scored) return
    const output = explainedOutput(model.recipe, scored.outputs, 0)
    reply({
      type: 'predicted',
      id: request.id,
      row: {
        outputs: Array.from(scored.outputs),
        reasons: scored.reasons[0] ?? [],
        output,
        notes: [...(scored.notes[0] ?? [])],
      },
    })
    return
  }
  const { id } = request
  const parsed = await parseFile(request.file, request.name)
  const columns = checkColumns(
    model.schema,
    model.recipe,
    parsed.table.columns.map((c) => c.name),
  )
  reply({
    type: 'checked',
    id,
    check: { rows: parsed.table.rowCount, columns, warnings: parsed.warnings },
  })
  if (columns.missing.length > 0) return
  const file = await scoreFile(model, parsed.table, {
    threshold: request.threshold,
    onProgress: (done, total) => reply({ type: 'progress', id, done, total }),
  })
  if (file) reply({ type: 'scored', id, file })
}

self.addEventListener('message', (event: MessageEvent<ScoreRequest>) => {
  const request = event.data
  handle(request).catch((error: unknown) =>
    reply({
      type: 'failed',
      // A setup never fails by itself: a model that cannot load fails the requests after it.
      id: request.type === 'setup' ? -1 : request.id,
      message:
        error instanceof DataError || request.type !== 'file'
          ? error instanceof Error
            ? error.message
            : String(error)
          : `The file could not be scored (${error instanceof Error ? error.message : String(error)}).`,
    }),
  )
})
