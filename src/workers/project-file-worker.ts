// Writes and reads whole project files off the main thread: zipping a large table with every
// run's weights, or checking a file part by part, takes seconds.
import { readProjectFile, writeProjectFile } from '../core/project/project-file'
import { projectsStore } from '../core/project/stores'
import type { ProjectFileReply, ProjectFileRequest } from './project-file-protocol'

const reply = (message: ProjectFileReply, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer })

async function handle(request: ProjectFileRequest) {
  if (request.type === 'export') {
    const contents = await projectsStore.contents(request.projectId)
    const bytes = await writeProjectFile(contents)
    return reply({ type: 'exported', bytes, name: contents.meta.name }, [bytes.buffer])
  }
  const contents = readProjectFile(new Uint8Array(await request.file.arrayBuffer()))
  // A project of the same name is kept beside, not replaced: importing never loses work.
  const { projects } = await projectsStore.list()
  const taken = new Set(projects.filter((p) => p.deletedAt === null).map((p) => p.name))
  let name = contents.meta.name
  for (let n = 2; taken.has(name); n++) name = `${contents.meta.name} (${n})`
  reply({ type: 'imported', meta: await projectsStore.add(contents, name) })
}

self.addEventListener('message', (event: MessageEvent<ProjectFileRequest>) => {
  handle(event.data).catch((error: unknown) =>
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
})
