// One run at a time per report folder: two runs writing the same folder would
// read each other's reports (run A reporting run B's figure as its own). Each
// folder the run writes gets a lock file, created exclusively (`wx`), holding
// the pid, the host and the start time. A lock whose process is gone (dead, or
// its pid now belongs to a process started later) is stale and taken over.
// While a live run holds it, this run waits, as cargo does for its build
// folder, and past the limit it refuses with one line naming the holder.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Inputs } from '../model/inputs.js'
import { liesInside, physicalPath, realLocation } from '../safety/workspace-fs.js'
import { readCargoWorkspace } from './cargo-scope.js'
import { readMaturinProject } from './maturin-project.js'

export const LOCK_NAME = '.rust-python-coverage.lock'

interface Holder {
  pid: number
  host: string
  started: string
  /** The holder's start in clock ticks since boot (/proc/<pid>/stat field 22), where there is /proc. */
  processStart?: string
}

export interface FolderLock {
  files: string[]
  release(): void
}

export type LockOutcome = { ok: true; lock: FolderLock } | { ok: false; message: string }

function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ESRCH') return undefined
    throw error
  }
}

const me = (): Holder => {
  const start = processStart(process.pid)
  return { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), ...(start ? { processStart: start } : {}) }
}

function readHolder(file: string): Holder | null {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const holder = JSON.parse(text) as Holder
    return typeof holder.pid === 'number' ? holder : null
  } catch (error) {
    if (error instanceof SyntaxError) return null // being written, or not ours: judged by its age below
    throw error
  }
}

/** Whether the holder may still be running: another host cannot be checked, so it counts as live. */
function holderLive(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ESRCH') return false
    if (code !== 'EPERM') throw error
  }
  // The pid is taken: by the holder, unless a process started at another time has it now.
  const start = processStart(holder.pid)
  return holder.processStart === undefined || start === undefined || start === holder.processStart
}

/** How long an unreadable lock file is taken as one being written right now. */
const UNREADABLE_GRACE_MS = 10_000

function tryLock(file: string, mine: Holder): { ok: true } | { ok: false; holder: Holder | null } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' })
      return { ok: true }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readHolder(file)
    const stale = holder ? !holderLive(holder) : ageMs(file) > UNREADABLE_GRACE_MS
    if (!stale) return { ok: false, holder }
    // Taken over only if it is still the stale lock just judged (narrows the race with another taker).
    if (JSON.stringify(readHolder(file)) === JSON.stringify(holder)) fs.rmSync(file, { force: true })
  }
  return { ok: false, holder: readHolder(file) }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Infinity
    throw error
  }
}

/**
 * Locks every folder (sorted, so two runs take them in the same order). While one is held by a live run, waits
 * (`onWait` is told once), polling, for at most `waitMs`; then gives up with a one-line message.
 */
export async function lockFolders(folders: string[], waitMs: number, onWait: (message: string) => void): Promise<LockOutcome> {
  const mine = me()
  // Each folder by where it really lies: two runs may spell one folder differently (through a link, as cargo names
  // it), and must still take the same locks in the same order.
  const files = [...new Set(folders.map((f) => realLocation(f)))].sort().map((f) => path.join(f, LOCK_NAME))
  const held: string[] = []
  const release = (): void => {
    for (const file of held.splice(0)) {
      if (readHolder(file)?.pid === mine.pid) fs.rmSync(file, { force: true })
    }
  }
  const deadline = Date.now() + waitMs
  let told = false
  for (const file of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    for (;;) {
      const attempt = tryLock(file, mine)
      if (attempt.ok) {
        held.push(file)
        break
      }
      const who = attempt.holder
        ? `another run (pid ${attempt.holder.pid} on ${attempt.holder.host}, started ${attempt.holder.started})`
        : 'another run'
      if (Date.now() >= deadline) {
        release()
        return {
          ok: false,
          message: `${who} is writing ${path.dirname(file)}: this run did not start, so that the two runs' reports cannot mix; give each run its own report paths, or delete ${file} if no run is going on`
        }
      }
      if (!told) {
        told = true
        onWait(`Waiting for ${who} to finish with ${path.dirname(file)} (lock file ${file}).`)
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  return { ok: true, lock: { files, release } }
}

/**
 * The folders a run writes: the enabled suites' report folders, the folder of coverage-summary.json, and the
 * crate's cargo target folder when the run cleans it or moves its profiles (the default rust-command or report
 * command, rust-from-python): two runs on one crate would remove, move or count each other's profiles and test
 * binaries. That folder is the one cargo names (cleanedTarget), and only where it really lies inside the workspace.
 */
export function runFolders(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): string[] {
  const both = inputs.mode === 'merge'
  const rust = inputs.rust
  const target = heldTarget(inputs, env)
  return [
    ...(both || rust.enabled ? [path.dirname(rust.lcov), path.dirname(rust.htmlDir)] : []),
    ...(both || inputs.python.enabled ? [path.dirname(inputs.python.xml)] : []),
    path.dirname(inputs.summaryJson),
    ...(target !== null ? [target] : [])
  ]
}

/** Whether this process holds the lock of `folder` now (its lock file names this process). */
export function lockedByThisRun(folder: string): boolean {
  return readHolder(path.join(realLocation(folder), LOCK_NAME))?.pid === process.pid
}

/**
 * The cargo target folder this run locked (main.ts, at start), asked again the way the lock asked (heldTarget) and
 * taken only if its lock file names this run: where cargo's answer now differs from the one the lock had (its first
 * answer failed and the guess was locked), no folder is held.
 */
export function lockedTarget(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): string | null {
  const target = heldTarget(inputs, env)
  return target !== null && lockedByThisRun(target) ? target : null
}

/**
 * The cargo target folder among runFolders (the one whose profiles the run cleans or moves), or null when the run
 * holds none (it cleans and moves nothing, or the folder lies outside the workspace). A lock covers its own folder
 * only, not the folders below it: a report folder held is no claim on the profiles.
 */
export function heldTarget(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): string | null {
  const target = inputs.mode === 'run' && inputs.rust.enabled ? cleanedTarget(inputs, env) : null
  return target !== null && liesInside(target, inputs.workspace, { followLast: true }) ? target : null
}

/**
 * The cargo target folder the run cleans or whose profiles it moves (the default report commands set them aside while
 * they run side by side), or null when neither (rust-command and rust-report-command of one's own, without
 * rust-from-python).
 */
function cleanedTarget(inputs: Inputs, env: NodeJS.ProcessEnv): string | null {
  const project = readMaturinProject(inputs.workingDirectory)
  const fromPython = inputs.rust.fromPython
  const instrumented = inputs.python.enabled && (fromPython === true || (fromPython === 'auto' && project.maturinBackend))
  if (inputs.rust.customTestCommand && inputs.rust.customReportCommand && !instrumented) return null
  // cargo-llvm-cov's own folder when it is given one; else cargo's target folder as cargo itself names it
  // (CARGO_TARGET_DIR, a target-dir in .cargo/config.toml, the workspace root's target/ for a member crate). The
  // Rust suite asks cargo the same question after and gets this answer (cargo-scope.ts), so it costs no second call.
  const llvmCovDir = env['CARGO_LLVM_COV_TARGET_DIR']
  if (llvmCovDir) return physicalPath(llvmCovDir, inputs.workingDirectory)
  const cargoTarget = project.manifestPath ? readCargoWorkspace(project.manifestPath, inputs.workingDirectory, env)?.targetDirectory : null
  if (cargoTarget) return cargoTarget
  // cargo could not say (no crate, a manifest it refuses): where it would put it.
  if (env['CARGO_TARGET_DIR']) return physicalPath(env['CARGO_TARGET_DIR'], inputs.workingDirectory)
  return path.join(project.manifestPath ? path.dirname(project.manifestPath) : inputs.workingDirectory, 'target')
}
