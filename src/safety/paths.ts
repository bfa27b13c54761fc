// Path containment, shared by input validation and the zip writer.
import * as fs from 'node:fs'
import * as path from 'node:path'

/** Whether `child` is `parent` or lies below it (lexically; resolve symlinks first where they matter). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * Where `file` really lies when that is outside `workspace` (it, or a folder
 * on its way, is a symlink leading out), else null. Both sides are resolved,
 * so a workspace that is itself behind a symlink is fine.
 */
export function escapesWorkspace(file: string, workspace: string): string | null {
  const real = fs.realpathSync(file)
  let root: string
  try {
    root = fs.realpathSync(workspace)
  } catch {
    root = path.resolve(workspace)
  }
  return isInside(real, root) ? null : real
}
