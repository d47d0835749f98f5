import type { ProjectFileReply, ProjectFileRequest } from './project-file-protocol'

type Done<T extends ProjectFileReply['type']> = Extract<ProjectFileReply, { type: T }>

function ask<T extends 'exported' | 'imported'>(request: ProjectFileRequest): Promise<Done<T>> {
  const worker = new Worker(new URL('./project-file-worker.ts', import.meta.url), {
    type: 'module',
    name: 'project-file',
  })
  return new Promise<Done<T>>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ProjectFileReply>) => {
      const message = event.data
      if (message.type === 'error') reject(new Error(message.message))
      else resolve(message as Done<T>)
    })
    worker.addEventListener('error', (event) =>
      reject(
        new Error(
          `The project file could not be handled (${event.message || 'the page ran out of memory'}). Close other tabs and try again.`,
        ),
      ),
    )
    worker.postMessage(request)
  }).finally(() => worker.terminate())
}

/** The project as one file's bytes, with the project's name for the file name. */
export const exportProjectInWorker = (projectId: string) =>
  ask<'exported'>({ type: 'export', projectId })

/** Checks a project file and stores it as a new project; rejects with a message to show. */
export const importProjectInWorker = (file: Blob, name: string) =>
  ask<'imported'>({ type: 'import', file, name })
