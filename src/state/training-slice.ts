import type { Recipe } from '../core/recipe/recipe-schema'
import type { BackendRequest } from '../core/train/backend-names'
import type { BackendChoice } from '../core/train/backends'
import type { BatchLosses, EpochLog, StopReason } from '../core/train/engine'
import type { TrainingMessage } from '../core/train/protocol'
import { fallbackNote } from '../core/train/fallback-note'
import { finishedRunOf, type FinishedRun } from '../core/train/run-history'
import type { EarlyStopping } from '../core/train/train-config'
import { forgetActiveRun, saveActiveRun } from '../workers/checkpoint-records'
import { startImageTrainingRun, startTrainingRun, type TrainingRun } from '../workers/train-client'
import type { Slice } from './slice'

export type TrainingStatus =
  'idle' | 'starting' | 'training' | 'paused' | 'stopping' | 'done' | 'error'

/** A finished run: what Evaluate and Deploy show and export. */
export interface TrainedModel extends FinishedRun {
  readonly leakedTensors: number
}

/**
 * The per-batch training loss, bounded for the chart: each point is the mean of `stride`
 * consecutive batches; once `MAX_BATCH_POINTS` are kept, neighbours merge in pairs and the stride
 * doubles, so a long run costs the page no more than a short one.
 */
export interface BatchCurve {
  readonly points: readonly number[]
  readonly stride: number
  readonly batchesPerEpoch: number
  /** Batches of the run before the first point (0, or where a resumed run went on). */
  readonly start: number
  /** Losses of the last, unfinished group (fewer than `stride`). */
  readonly tailSum: number
  readonly tailCount: number
}

/** How far the epoch under way has come, from the latest batch losses. */
export interface EpochProgress {
  readonly epoch: number
  readonly batchesDone: number
  readonly batchesPerEpoch: number
  /** When these losses reached the page (ms since 1970). */
  readonly at: number
}

/** Why the run ended, from its outcome, with the early stopping it ran under. */
export interface RunEnd {
  readonly stopReason: StopReason
  readonly restoredEpoch: number | null
  readonly earlyStopping: EarlyStopping | null
}

export const MAX_BATCH_POINTS = 2000

/** The curve with more batch losses appended; chunks arrive in order. */
export function appendBatchLosses(
  curve: BatchCurve | null,
  chunks: readonly BatchLosses[],
): BatchCurve | null {
  const first = chunks[0]
  if (!first) return curve
  const points = curve ? [...curve.points] : []
  let stride = curve?.stride ?? 1
  let tailSum = curve?.tailSum ?? 0
  let tailCount = curve?.tailCount ?? 0
  for (const chunk of chunks) {
    for (const loss of chunk.losses) {
      tailSum += loss
      tailCount += 1
      if (tailCount < stride) continue
      points.push(tailSum / tailCount)
      tailSum = 0
      tailCount = 0
      if (points.length < MAX_BATCH_POINTS) continue
      // An even count merges cleanly, so each point keeps covering `stride` whole batches.
      for (let i = 0; i < points.length / 2; i++) {
        points[i] = ((points[2 * i] ?? 0) + (points[2 * i + 1] ?? 0)) / 2
      }
      points.length /= 2
      stride *= 2
    }
  }
  return {
    points,
    stride,
    batchesPerEpoch: first.batchesPerEpoch,
    start: curve?.start ?? (first.epoch - 1) * first.batchesPerEpoch + first.firstBatch,
    tailSum,
    tailCount,
  }
}

export interface TrainingSlice {
  backendRequest: BackendRequest
  trainingStatus: TrainingStatus
  backendChoice: BackendChoice | null
  epochs: EpochLog[]
  tensorsInUse: number | null
  /** Bytes the backend holds in tensors, as of the latest epoch. */
  memoryBytes: number | null
  batchCurve: BatchCurve | null
  epochProgress: EpochProgress | null
  /** When the backend was chosen (ms since 1970): the start of the time an ETA extrapolates. */
  trainingStartedAt: number | null
  runEnd: RunEnd | null
  trainingError: string | null
  trained: TrainedModel | null
  setBackendRequest: (request: BackendRequest) => void
  startTraining: () => void
  pauseTraining: () => void
  resumeTraining: () => void
  stopTraining: () => void
  resetTraining: () => void
}

// The worker handle is not state a component renders, so it lives beside the store.
let run: TrainingRun | null = null

/**
 * The last measured choice, keyed by what decides backend speed (input width, batch size and
 * layers, not the rows): a repeat run of the same model skips the seconds of shader compilation.
 */
let measured: { key: string; choice: BackendChoice } | null = null

function speedKey(recipe: Recipe, inputWidth: number): string {
  return JSON.stringify([inputWidth, recipe.training.batchSize, recipe.model.layers])
}

function endRun(): void {
  run?.terminate()
  run = null
}

const IDLE = {
  trainingStatus: 'idle',
  backendChoice: null,
  epochs: [],
  tensorsInUse: null,
  memoryBytes: null,
  batchCurve: null,
  epochProgress: null,
  trainingStartedAt: null,
  runEnd: null,
  trainingError: null,
  trained: null,
} as const satisfies Partial<TrainingSlice>

/**
 * Fast epochs (tens a second on WASM) and batch losses (hundreds a second) reach the store at most
 * this often, so the page stays responsive.
 */
const EPOCH_FLUSH_MS = 250

export const createTrainingSlice: Slice<TrainingSlice> = (set, get) => {
  let runKey: string | null = null
  let pending: EpochLog[] = []
  let pendingTensors: number | null = null
  let pendingBytes: number | null = null
  let pendingBatches: BatchLosses[] = []
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  const flushBatches = () => {
    const last = pendingBatches.at(-1)
    if (!last) return
    set({
      batchCurve: appendBatchLosses(get().batchCurve, pendingBatches),
      epochProgress: {
        epoch: last.epoch,
        batchesDone: last.firstBatch + last.losses.length,
        batchesPerEpoch: last.batchesPerEpoch,
        at: Date.now(),
      },
    })
    pendingBatches = []
  }
  const flushEpochs = () => {
    if (flushTimer !== null) clearTimeout(flushTimer)
    flushTimer = null
    flushBatches()
    if (pending.length === 0) return
    set({
      epochs: [...get().epochs, ...pending],
      tensorsInUse: pendingTensors,
      memoryBytes: pendingBytes,
    })
    pending = []
  }
  const dropPending = () => {
    if (flushTimer !== null) clearTimeout(flushTimer)
    flushTimer = null
    pending = []
    pendingBatches = []
  }
  /** What the live view needs besides the epochs: batch losses, memory, why the run ended. */
  const recordLive = (message: TrainingMessage) => {
    if (message.type === 'backend' && get().trainingStartedAt === null) {
      set({ trainingStartedAt: Date.now() })
    } else if (message.type === 'epoch') {
      pendingBytes = message.bytes
    } else if (message.type === 'batches') {
      pendingBatches.push(message.batches)
      flushTimer ??= setTimeout(flushEpochs, EPOCH_FLUSH_MS)
    } else if (message.type === 'done') {
      const { stopReason, restoredEpoch } = message.result.outcome
      // The settings are locked during a run, so they are still the ones it ran under.
      const earlyStopping = get().recipe?.training.earlyStopping ?? null
      set({ runEnd: { stopReason, restoredEpoch, earlyStopping } })
    }
  }
  /** The table run under way: its checkpoint and record go once it ends. */
  let activeRunId: string | null = null
  const forgetRun = () => {
    if (activeRunId !== null) void forgetActiveRun(activeRunId).catch(() => undefined)
    activeRunId = null
  }
  const onMessage = (message: TrainingMessage) => {
    recordLive(message)
    switch (message.type) {
      case 'backend': {
        const { choice } = message
        // A run that reused the earlier measurement still shows the speeds that chose it.
        const memo =
          choice.requested !== 'auto' && get().backendRequest === 'auto' ? measured : null
        set({
          backendChoice: memo
            ? { ...memo.choice, backend: choice.backend, notes: choice.notes }
            : choice,
        })
        if (choice.requested === 'auto' && runKey) measured = { key: runKey, choice }
        if (get().trainingStatus === 'starting') set({ trainingStatus: 'training' })
        break
      }
      case 'epoch':
        pending.push(message.log)
        pendingTensors = message.tensors
        flushTimer ??= setTimeout(flushEpochs, EPOCH_FLUSH_MS)
        break
      case 'checkpoint':
        // Saved in IndexedDB by the worker: a reload from now on offers to resume from here.
        break
      case 'fallback': {
        flushEpochs()
        const choice = get().backendChoice
        const { from, to, epoch, reason } = message
        if (choice) {
          const notes = [...choice.notes, fallbackNote(from, to, epoch, reason)]
          set({ backendChoice: { ...choice, backend: to, notes } })
        }
        break
      }
      case 'done': {
        const { outcome } = message.result
        flushEpochs()
        endRun()
        forgetRun()
        set({
          trainingStatus: 'done',
          trained: {
            ...finishedRunOf(message.result),
            leakedTensors: outcome.tensorsAfter - outcome.tensorsBefore,
          },
        })
        break
      }
      case 'error':
        flushEpochs()
        endRun()
        set({ trainingStatus: 'error', trainingError: message.message })
        if (message.crashed && activeRunId !== null) {
          // The run's record and its last checkpoint are in IndexedDB: offer to go on from it.
          activeRunId = null
          void get().findInterruptedRun()
        } else forgetRun()
        break
    }
  }
  /** Image runs first wait for the resized pictures; a reset or a newer start makes them moot. */
  let imageRunToken = 0
  const startImageRun = (backend: BackendRequest) => {
    const token = ++imageRunToken
    void get()
      .prepareImagePictures()
      .then((images) => {
        const status = get().trainingStatus
        if (token !== imageRunToken || (status !== 'starting' && status !== 'stopping')) return
        if (status === 'stopping') return set(IDLE)
        const recipe = get().recipe
        if (!images || !recipe) {
          const why = get().imagePrepareError ?? 'The pictures could not be resized.'
          return set({ trainingStatus: 'error', trainingError: why })
        }
        run = startImageTrainingRun(
          { recipe, images, backend, warmStart: get().warmStart },
          onMessage,
        )
      })
  }
  return {
    ...IDLE,
    backendRequest: 'auto',
    setBackendRequest: (backendRequest) => set({ backendRequest }),
    startTraining: () => {
      const { dataset, recipe, plan, backendRequest, resumingRunId } = get()
      const images = recipe?.source.kind === 'images'
      if (!recipe || (!dataset && !images)) return
      endRun()
      dropPending()
      set({ ...IDLE, trainingStatus: 'starting' })
      runKey = plan && !plan.error ? speedKey(recipe, plan.inputs) : null
      const backend =
        backendRequest === 'auto' && measured && measured.key === runKey
          ? measured.choice.backend
          : backendRequest
      if (images) return startImageRun(backend)
      if (!dataset) return
      // An interrupted run the analyst chose to resume goes on under its own id.
      const resume = resumingRunId !== null
      const runId = resumingRunId ?? crypto.randomUUID()
      activeRunId = runId
      const { name: datasetName, table } = dataset
      const request = { recipe, table, backend, runId, resume, warmStart: get().warmStart }
      run = startTrainingRun(request, onMessage)
      // Kept so that a reload can resume; the first checkpoint comes epochs after this put. Its
      // copy of the table is made in a task of its own, not in the click's.
      const startedAt = Date.now()
      const projectId = get().projectId ?? undefined
      if (!resume)
        setTimeout(() => {
          // Forgotten already (reset, or ended): nothing to resume.
          if (activeRunId !== runId) return
          void saveActiveRun({
            runId,
            projectId,
            startedAt,
            datasetName,
            recipe,
            table,
            backend,
          }).catch(() => undefined)
        })
    },
    pauseTraining: () => {
      if (get().trainingStatus !== 'training') return
      run?.pause()
      set({ trainingStatus: 'paused' })
    },
    resumeTraining: () => {
      if (get().trainingStatus !== 'paused') return
      run?.resume()
      set({ trainingStatus: 'training' })
    },
    stopTraining: () => {
      const status = get().trainingStatus
      if (status !== 'training' && status !== 'paused' && status !== 'starting') return
      run?.stop()
      set({ trainingStatus: 'stopping' })
    },
    resetTraining: () => {
      endRun()
      // A run given up (new data, another target) is not offered for resuming after a reload.
      forgetRun()
      dropPending()
      // New data or another target: an opened bundle's weights no longer belong to the run.
      set({ ...IDLE, warmStart: null, openedBundle: null, kerasImport: null })
    },
  }
}
