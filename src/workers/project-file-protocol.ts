import type { ProjectMeta } from '../core/project/project-types'

export type ProjectFileRequest =
  | { readonly type: 'export'; readonly projectId: string }
  | { readonly type: 'import'; readonly file: Blob; readonly name: string }

export type ProjectFileReply =
  | { readonly type: 'exported'; readonly bytes: Uint8Array; readonly name: string }
  | { readonly type: 'imported'; readonly meta: ProjectMeta }
  | { readonly type: 'error'; readonly message: string }
