// Lexical path containment, shared by input validation, the zip writer and
// workspace-fs.ts (which resolves symlinks first: use resolveInside there).
import * as path from 'node:path'

/** Whether `child` is `parent` or lies below it (lexically; resolve symlinks first where they matter). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}
