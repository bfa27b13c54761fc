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
import { PathOutsideWorkspace } from '../model/errors.js'
import { liesInside, mkdirInside, physicalPath, realLocation, resolveInside } from '../safety/workspace-fs.js'
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

function tryLock(file: string, record: string): { ok: true } | { ok: false; holder: Holder | null } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, record, { flag: 'wx' })
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

/** What this process holds now: each lock file with the record written in it, and the cargo target folder among them. */
let holding: { records: Map<string, string>; cargoTarget: string | null } | null = null

export interface LockOptions {
  /** Every folder must really lie inside it when its lock is taken (repository code may have run since the inputs were read). */
  workspace?: string
  /** The cargo target folder among the folders, whose profiles the run may move (lockedTarget). */
  cargoTarget?: string | null
}

/**
 * Locks every folder (sorted by where it really lies, so two runs take them in the same order, however they spell
 * them). While one is held by a live run, waits (`onWait` is told once), polling, for at most `waitMs`; then gives
 * up with a one-line message. A folder leading out of the workspace is refused the same way, and nothing is created
 * for it.
 */
export async function lockFolders(
  folders: string[],
  waitMs: number,
  onWait: (message: string) => void,
  options: LockOptions = {}
): Promise<LockOutcome> {
  const mine = me()
  const record = `${JSON.stringify(mine)}\n`
  let dirs: string[]
  try {
    dirs = [...new Set(folders.map((f) => (options.workspace ? resolveInside(f, options.workspace) : realLocation(f))))].sort()
  } catch (error) {
    if (error instanceof PathOutsideWorkspace) return { ok: false, message: `a folder the run writes is not inside the workspace: ${error.message}` }
    throw error
  }
  const files = dirs.map((f) => path.join(f, LOCK_NAME))
  const held: string[] = []
  const release = (): void => {
    for (const file of held.splice(0)) {
      if (readHolder(file)?.pid === mine.pid) fs.rmSync(file, { force: true })
    }
    holding = null
  }
  const deadline = Date.now() + waitMs
  let told = false
  for (const file of files) {
    try {
      if (options.workspace) mkdirInside(path.dirname(file), options.workspace)
      else fs.mkdirSync(path.dirname(file), { recursive: true })
    } catch (error) {
      if (!(error instanceof PathOutsideWorkspace)) throw error
      release()
      return { ok: false, message: `a folder the run writes is not inside the workspace: ${error.message}` }
    }
    for (;;) {
      const attempt = tryLock(file, record)
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
  const target = options.cargoTarget ? realLocation(options.cargoTarget) : null
  holding = { records: new Map(files.map((f) => [f, record])), cargoTarget: target !== null && dirs.includes(target) ? target : null }
  return { ok: true, lock: { files, release } }
}

/**
 * The cargo target folder this run locked at start (main.ts), while its lock file still holds this run's own record:
 * the profiles are moved only inside it. Nothing is asked again (the crate or cargo's answer may differ by now).
 */
export function lockedTarget(): string | null {
  const target = holding?.cargoTarget
  if (!target) return null
  const file = path.join(target, LOCK_NAME)
  try {
    return fs.readFileSync(file, 'utf8') === holding?.records.get(file) ? target : null
  } catch {
    return null // gone, or no longer a file: not held
  }
}

/**
 * The folders a run writes: the enabled suites' report folders, the folder of coverage-summary.json, and the
 * crate's cargo target folder when the run cleans it or moves its profiles (the default rust-command or report
 * command, rust-from-python): two runs on one crate would remove, move or count each other's profiles and test
 * binaries. That folder is the one cargo names (cleanedTarget), and only where it really lies inside the workspace.
 */
export function runFolders(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): string[] {
  return lockPlan(inputs, env).folders
}

/** runFolders, and the cargo target folder among them whose profiles the run may move (heldTarget). */
export function lockPlan(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): { folders: string[]; cargoTarget: string | null } {
  const both = inputs.mode === 'merge'
  const rust = inputs.rust
  const cargo = cargoFolders(inputs, env)
  return {
    folders: [
      ...(both || rust.enabled ? [path.dirname(rust.lcov), path.dirname(rust.htmlDir)] : []),
      ...(both || inputs.python.enabled ? [path.dirname(inputs.python.xml)] : []),
      path.dirname(inputs.summaryJson),
      ...cargo.all.filter((f) => insideWorkspace(inputs, f))
    ],
    cargoTarget: cargo.profiles !== null && insideWorkspace(inputs, cargo.profiles) ? cargo.profiles : null
  }
}

/**
 * The cargo target folder among runFolders (the one whose profiles the run cleans or moves), or null when the run
 * holds none (it cleans and moves nothing, or the folder lies outside the workspace). A lock covers its own folder
 * only, not the folders below it: a report folder held is no claim on the profiles.
 */
export function heldTarget(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): string | null {
  return lockPlan(inputs, env).cargoTarget
}

const insideWorkspace = (inputs: Inputs, folder: string): boolean => liesInside(folder, inputs.workspace, { followLast: true })

/**
 * The cargo folders the run cleans or moves profiles in (the default report commands set them aside while they run
 * side by side): cargo-llvm-cov's own folder when it is given one (CARGO_LLVM_COV_TARGET_DIR), where the profiles
 * then are, and cargo's target folder as cargo itself names it (CARGO_TARGET_DIR, a target-dir in
 * .cargo/config.toml, the workspace root's target/ for a member crate), which the instrumented extension's commands
 * use whatever that variable says. None when the run does neither (rust-command and rust-report-command of one's
 * own, without rust-from-python), or without the Rust suite. The Rust suite asks cargo the same question after and
 * gets this answer (cargo-scope.ts), so it costs no second call.
 */
function cargoFolders(inputs: Inputs, env: NodeJS.ProcessEnv): { profiles: string | null; all: string[] } {
  const none = { profiles: null, all: [] }
  if (inputs.mode !== 'run' || !inputs.rust.enabled) return none
  const project = readMaturinProject(inputs.workingDirectory)
  const fromPython = inputs.rust.fromPython
  const instrumented = inputs.python.enabled && (fromPython === true || (fromPython === 'auto' && project.maturinBackend))
  if (inputs.rust.customTestCommand && inputs.rust.customReportCommand && !instrumented) return none
  const llvmCovDir = env['CARGO_LLVM_COV_TARGET_DIR']
  const cargoTarget = cargoTargetFolder(inputs.workingDirectory, project.manifestPath, env)
  const profiles = llvmCovDir ? physicalPath(llvmCovDir, inputs.workingDirectory) : cargoTarget
  return { profiles, all: [...new Set([profiles, cargoTarget])] }
}

/** cargo's target folder for the crate, as cargo names it; where cargo would put it when it cannot say. */
function cargoTargetFolder(workingDirectory: string, manifestPath: string | null, env: NodeJS.ProcessEnv): string {
  const named = manifestPath ? readCargoWorkspace(manifestPath, workingDirectory, env)?.targetDirectory : null
  if (named) return named
  if (env['CARGO_TARGET_DIR']) return physicalPath(env['CARGO_TARGET_DIR'], workingDirectory)
  return path.join(manifestPath ? path.dirname(manifestPath) : workingDirectory, 'target')
}
