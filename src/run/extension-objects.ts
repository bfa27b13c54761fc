// The instrumented extension's compiled objects, kept while the Rust tests run
// beside the Python tests. The extension is built first, and `cargo test` of a
// cdylib crate then writes the same target/<profile>/[deps/]lib<name>.so again,
// without the default features. The reports must read the very objects the
// Python tests ran, so the ones the build wrote are copied aside and put back.
// Only dynamic libraries directly under the target folder's profile folders
// (and <triple>/<profile>) are looked at; links are never followed.
import * as fs from 'node:fs'
import * as path from 'node:path'

const DYNAMIC_LIBRARY = /\.(so|dylib|dll|pyd)$/
/** Folders of a cargo target folder that never hold the crate's own objects. */
const PASSED_OVER = new Set(['incremental', '.fingerprint', 'fingerprint', 'build', 'doc', 'tmp', 'llvm-cov-target', 'coverage', 'wheels', 'nextest'])
/** target/<triple>/<profile>/deps is the deepest place cargo puts them. */
const MAX_DEPTH = 3

/** What a file is now: its modification time and size (a rewrite changes one). */
type Stamp = string
export type ObjectStamps = Map<string, Stamp>

export interface KeptObject {
  file: string
  copy: string
  stamp: Stamp
}

const stampOf = (stat: fs.Stats): Stamp => `${stat.mtimeMs}:${stat.size}`

/** The dynamic libraries under cargo target (or build) folders, with their stamps (empty when there is none). */
export function dynamicLibraries(...targetDirs: string[]): ObjectStamps {
  const found: ObjectStamps = new Map()
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return // no such folder (yet), or not readable: nothing of ours in it
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !PASSED_OVER.has(entry.name)) walk(file, depth + 1)
      } else if (entry.isFile() && DYNAMIC_LIBRARY.test(entry.name)) {
        found.set(file, stampOf(fs.lstatSync(file)))
      }
    }
  }
  for (const dir of new Set(targetDirs)) walk(dir, 0)
  return found
}

/** Copies of the libraries the build wrote (new or changed since `before`) under `targetDirs`, in `keepDir`. */
export function keepBuiltObjects(targetDirs: string[], before: ObjectStamps, keepDir: string): KeptObject[] {
  const kept: KeptObject[] = []
  for (const [file, stamp] of dynamicLibraries(...targetDirs)) {
    if (before.get(file) === stamp) continue
    const copy = path.join(keepDir, `${kept.length}-${path.basename(file)}`)
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_FICLONE)
    kept.push({ file, copy, stamp })
  }
  return kept
}

/** The file's stamp, or null when it is gone or no longer a regular file (a link put in its place). */
function currentStamp(file: string): Stamp | null {
  try {
    const stat = fs.lstatSync(file)
    return stat.isFile() ? stampOf(stat) : null
  } catch {
    return null
  }
}

/** Puts back every kept object something rewrote or removed since; gives how many. */
export function putBackObjects(kept: KeptObject[]): number {
  let restored = 0
  for (const object of kept) {
    if (currentStamp(object.file) === object.stamp) continue
    // A link put in its place is replaced, never written through.
    fs.rmSync(object.file, { force: true })
    fs.copyFileSync(object.copy, object.file, fs.constants.COPYFILE_FICLONE)
    restored++
  }
  return restored
}
