// Path containment, shared by input validation and the zip writer.
import * as path from 'node:path'

/** Whether `child` is `parent` or lies below it (lexically; resolve symlinks first where they matter). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}
