// The coverage page's sources, read from the checkout. A report path is
// workspace-relative (or absolute); it is read only when it really lies inside
// the workspace (symlinks resolved, so one leading out is skipped), is a
// regular file, is at most 1 MB and looks like text. Never throws: a source
// that cannot be shown is one line saying why.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { formatBytes } from '../publish/costs.js'
import { isInside } from '../safety/paths.js'
import { openRegularFile } from '../safety/workspace-fs.js'
import type { SourceLookup } from './render.js'

export const MAX_SOURCE_BYTES = 1024 * 1024

export interface SourceRoots {
  /** Absolute workspace. */
  workspace: string
  /** Further folders inside the workspace that relative report paths may be relative to (the working directory). */
  bases?: string[]
}

export function workspaceSources(roots: SourceRoots, maxBytes = MAX_SOURCE_BYTES): (reportPath: string) => SourceLookup {
  const workspace = path.resolve(roots.workspace)
  let real: string
  try {
    real = fs.realpathSync(workspace)
  } catch {
    real = workspace
  }
  const bases = [...new Set([workspace, ...(roots.bases ?? []).map((b) => path.resolve(b))])].filter((b) => isInside(b, workspace))
  return (reportPath) => {
    let outside = false
    for (const base of bases) {
      const candidate = path.resolve(base, reportPath)
      // Never even look at a path outside the workspace.
      if (!isInside(candidate, workspace) && !isInside(candidate, real)) {
        outside = true
        continue
      }
      const found = read(candidate, real, maxBytes)
      if (found) return found
    }
    return { skipped: outside ? 'the path lies outside the workspace; not read' : 'not found in this checkout' }
  }
}

/** The file's text or why it is skipped; null when there is no such file. */
function read(file: string, root: string, maxBytes: number): SourceLookup | null {
  let resolved: string
  try {
    resolved = fs.realpathSync(file)
  } catch {
    return null
  }
  if (!isInside(resolved, root)) return { skipped: 'it leads outside the workspace (a symlink?); not read' }
  // The resolved path has no symlink left; no-follow refuses one swapped in since.
  const opened = openRegularFile(resolved, true)
  if ('refused' in opened) return { skipped: opened.refused }
  const { fd, size } = opened
  try {
    if (size > maxBytes) return { skipped: `it has ${formatBytes(size)}, over the ${formatBytes(maxBytes)} shown per source` }
    const buf = Buffer.alloc(size)
    let got = 0
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, got)
      if (n === 0) break
      got += n
    }
    const bytes = buf.subarray(0, got)
    if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'it looks binary' }
    return { text: bytes.toString('utf8') }
  } catch (error) {
    return { skipped: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }
  } finally {
    fs.closeSync(fd)
  }
}
