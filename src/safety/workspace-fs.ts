// Workspace containment for every path the action reads, writes, deletes or
// uploads. A path is judged by where it really lies: the realpath of its
// nearest existing ancestor, joined with the part that does not exist yet, so
// a folder on the way that is a symlink leading out is caught before anything
// is created, written or removed through it. Writes never follow a final
// symlink (temporary name in the same folder, then rename, which replaces the
// link itself); removal never follows a symlink (the link itself goes).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PathOutsideWorkspace } from '../model/errors.js'
import { isInside } from './paths.js'

/** The workspace as the runner gives it (GITHUB_WORKSPACE), else the current folder; absolute, not resolved. */
export function workspaceOf(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['GITHUB_WORKSPACE'] || process.cwd())
}

/** The real path of `file` without following a final symlink: realpath of the nearest existing ancestor + the rest. */
function realParentJoin(file: string): string {
  const absolute = path.resolve(file)
  const rest: string[] = []
  let current = absolute
  for (;;) {
    try {
      const real = fs.realpathSync(current)
      return rest.length === 0 ? real : path.join(real, ...rest.reverse())
    } catch {
      const parent = path.dirname(current)
      if (parent === current) return absolute
      rest.push(path.basename(current))
      current = parent
    }
  }
}

/** Where `file` really lies: realpath of the file itself (when it exists) or of its nearest existing ancestor. */
export function realLocation(file: string, followLast = true): string {
  const absolute = path.resolve(file)
  if (!followLast) {
    const parent = path.dirname(absolute)
    return parent === absolute ? realParentJoin(absolute) : path.join(realParentJoin(parent), path.basename(absolute))
  }
  return realParentJoin(absolute)
}

/**
 * The folder a path names as the system resolves it, each link followed where it stands: a `..` after a link leads up
 * from the link's target, where path.resolve would drop the link and the `..` together and name another folder
 * (cargo passes a configured target-dir through as written, `<ws>/link/../tgt`). A relative path is taken from
 * `base` as the system takes it from a working folder. The part that does not exist yet is taken as written. On
 * Windows, where `..` is resolved on the text, path.resolve is the system's answer.
 */
export function physicalPath(file: string, base = process.cwd()): string {
  if (process.platform === 'win32') return path.resolve(base, file)
  const raw = path.isAbsolute(file) ? file : `${base}/${file}`
  let current = '/'
  let existing = true
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      current = path.dirname(current)
      // Back up to a folder that exists: the links below it count again.
      existing = existing || fs.existsSync(current)
      continue
    }
    current = path.join(current, part)
    if (!existing) continue
    try {
      current = fs.realpathSync(current)
    } catch {
      existing = false // below a folder that does not exist, nothing is a link: the rest as written
    }
  }
  return current
}

export interface InsideOptions {
  /**
   * Judge a final symlink by where it leads (reads, uploads: the default) or
   * as the link itself (writes and removals, which replace or remove the link).
   */
  followLast?: boolean
  /** How the path is named in the error (e.g. the input name or the workspace-relative path). */
  shown?: string
}

/**
 * The real location of `file`, which must lie inside `workspace` (itself
 * resolved, so a workspace behind a symlink is fine). Throws
 * PathOutsideWorkspace (one line: the path, where it leads, what was refused).
 */
export function resolveInside(file: string, workspace: string, options: InsideOptions = {}): string {
  const root = realLocation(workspace)
  const real = realLocation(file, options.followLast ?? true)
  if (!isInside(real, root)) {
    const shown = options.shown ?? (path.relative(path.resolve(workspace), path.resolve(file)) || '.')
    throw new PathOutsideWorkspace(shown, real)
  }
  return real
}

/** Whether `file` lies inside `workspace` by the same rule as resolveInside. */
export function liesInside(file: string, workspace: string, options: InsideOptions = {}): boolean {
  try {
    resolveInside(file, workspace, options)
    return true
  } catch (error) {
    if (error instanceof PathOutsideWorkspace) return false
    throw error
  }
}

/** Creates `dir` (and its parents) after checking it lies inside the workspace; gives its real path. */
export function mkdirInside(dir: string, workspace: string, shown?: string): string {
  resolveInside(dir, workspace, shown === undefined ? {} : { shown })
  fs.mkdirSync(dir, { recursive: true })
  // Checked again: a folder on the way may have been swapped for a link meanwhile.
  return resolveInside(dir, workspace, shown === undefined ? {} : { shown })
}

const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0

/**
 * Opens a file for reading when it is a regular file, else says what it is not. O_NONBLOCK: opening a FIFO named
 * by a report never waits for a writer (no time limit could end that wait); it changes nothing for a regular file.
 * `noFollow`: a symlink is refused (the caller resolved the path already). The caller closes the descriptor;
 * `size` is the file's at opening.
 */
export function openRegularFile(file: string, noFollow = false): { fd: number; size: number } | { refused: string } {
  let fd: number
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (noFollow ? NOFOLLOW : 0))
  } catch (error) {
    return { refused: `it cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` }
  }
  try {
    const stat = fs.fstatSync(fd)
    if (stat.isFile()) return { fd, size: stat.size }
  } catch {
    // Fall through: closed below, refused as not regular.
  }
  fs.closeSync(fd)
  return { refused: 'it is not a regular file' }
}

/** A fresh name beside `file`, for writing before the rename. */
export function tempNameBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`)
}

/**
 * Writes `data` to `file` inside the workspace: the folder is checked (and
 * created) inside, the bytes go to a new temporary file in that folder (opened
 * exclusive and no-follow), which is then renamed over `file`. A `file` that is
 * a symlink is replaced by the new file; what it pointed to is never touched.
 * Gives the real path written.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, workspace: string, shown?: string): string {
  const dir = mkdirInside(path.dirname(path.resolve(file)), workspace, shown)
  const target = path.join(dir, path.basename(file))
  const temp = tempNameBeside(target)
  const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o644)
  try {
    fs.writeFileSync(fd, data)
  } finally {
    fs.closeSync(fd)
  }
  try {
    fs.renameSync(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
  return target
}

/**
 * Lets `write` produce `file` under a temporary name in the same (checked)
 * folder, then renames it into place: for writers that open the path
 * themselves (e.g. the zip writer), so a final symlink is never followed.
 */
export async function writeThroughTemp<T>(file: string, workspace: string, write: (temp: string) => Promise<T>, shown?: string): Promise<T> {
  const dir = mkdirInside(path.dirname(path.resolve(file)), workspace, shown)
  const target = path.join(dir, path.basename(file))
  const temp = tempNameBeside(target)
  try {
    const result = await write(temp)
    fs.renameSync(temp, target)
    return result
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/**
 * Removes `file` (a file, a folder with its contents, or a symlink) when it
 * lies inside the workspace. A symlink is removed as a link: what it points to
 * is never touched; a folder's contents are removed without following links.
 * Missing is fine. A path whose folder leads out of the workspace throws
 * PathOutsideWorkspace and nothing is removed.
 */
export function removeInside(file: string, workspace: string, shown?: string): void {
  resolveInside(file, workspace, { followLast: false, ...(shown === undefined ? {} : { shown }) })
  let stat: fs.Stats
  try {
    stat = fs.lstatSync(file)
  } catch {
    return
  }
  if (stat.isSymbolicLink() || !stat.isDirectory()) fs.unlinkSync(file)
  else fs.rmSync(file, { recursive: true, force: true })
}
