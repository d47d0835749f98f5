/**
 * Paths of dropped folders and zip entries, made safe and comparable. Nothing is ever written to
 * disk, but a name such as `../../x.png` or `/etc/x.png` must not become a class called `..`.
 */

/** Path segments of a relative path, or null when the path escapes its root or is absolute. */
export function safeSegments(path: string): string[] | null {
  const slashed = path.replace(/\\/g, '/')
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return null
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.some((s) => s === '..')) return null
  return segments
}

const JUNK_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db'])

/**
 * Files an operating system or archiver adds on its own: macOS resource forks (__MACOSX/, ._x),
 * .DS_Store, Windows thumbnail caches, and hidden files and folders in general.
 */
export function isJunkPath(segments: readonly string[]): boolean {
  return segments.some(
    (s) => s === '__MACOSX' || s.startsWith('.') || JUNK_FILES.has(s.toLowerCase()),
  )
}

/**
 * How many leading segments all file paths share as a wrapping folder. A zip usually wraps its
 * class folders in one root folder and a chosen folder always does (`digits/0/a.png`); those
 * wrappers are dropped, but only while something still sits in a sub-folder below them, so a
 * single class folder on its own is still read as a class.
 */
export function commonRootDepth(files: readonly (readonly string[])[]): number {
  let depth = 0
  for (;;) {
    const first = files[0]?.[depth]
    if (first === undefined) return depth
    const shared = files.every((f) => f.length > depth + 1 && f[depth] === first)
    const nestedBelow = files.some((f) => f.length > depth + 2)
    if (!shared || !nestedBelow) return depth
    depth++
  }
}
