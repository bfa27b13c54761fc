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
import { liesInside, mkdirInside, openRegularFile, physicalPath, realLocation, resolveInside, tempNameBeside } from '../safety/workspace-fs.js'
import { readCargoWorkspace } from './cargo-scope.js'
import { ownLlvmCovFolder } from './llvm-cov-folders.js'
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

/** The most a lock file is read: a record is some 150 bytes. */
const RECORD_LIMIT = 4096

/**
 * A lock file's text, or null when there is none or it is no regular file (a FIFO, a device, a folder, a link the
 * repository put there: never opened through a link, never waited on, never read past the limit).
 */
function readLockFile(file: string): string | null {
  const opened = openRegularFile(file, true)
  if ('refused' in opened) return null
  try {
    const buffer = Buffer.alloc(RECORD_LIMIT)
    const read = fs.readSync(opened.fd, buffer, 0, RECORD_LIMIT, 0)
    return buffer.subarray(0, read).toString('utf8')
  } catch {
    return null
  } finally {
    fs.closeSync(opened.fd)
  }
}

function readHolder(file: string): Holder | null {
  const text = readLockFile(file)
  if (text === null) return null
  try {
    const holder = JSON.parse(text) as Holder
    return typeof holder?.pid === 'number' ? holder : null
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
    if (createWithRecord(file, record)) return { ok: true }
    const holder = readHolder(file)
    const stale = holder ? !holderLive(holder) : ageMs(file) > UNREADABLE_GRACE_MS
    if (!stale) return { ok: false, holder }
    // Taken over only if it is still the stale lock just judged (narrows the race with another taker), and only a
    // regular file (a folder or anything else the repository put there stays, and the lock is not taken).
    if (JSON.stringify(readHolder(file)) === JSON.stringify(holder) && isRegularFile(file)) fs.rmSync(file, { force: true })
  }
  return { ok: false, holder: readHolder(file) }
}

/**
 * Creates the lock file with its record in one step where the file system allows it: the record is written under a
 * temporary name, then linked to the lock's name (which fails if it exists). So no other run ever reads it empty
 * and takes it for an unreadable, stale one. Where hard links are not supported, `wx` (create, then write).
 */
function createWithRecord(file: string, record: string): boolean {
  const temp = tempNameBeside(file)
  try {
    fs.writeFileSync(temp, record, { flag: 'wx' })
    try {
      fs.linkSync(temp, file)
      return true
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') return false
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error
    } finally {
      fs.rmSync(temp, { force: true })
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    fs.writeFileSync(file, record, { flag: 'wx' })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile()
  } catch {
    return false
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.lstatSync(file).mtimeMs
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Infinity
    throw error
  }
}

/** One lockFolders call: the lock files it has taken so far, each holding `record`. */
interface Attempt {
  files: string[]
  record: string
}
/** Every lockFolders call of this process not released yet (also one still waiting): what releaseAll removes. */
const attempts = new Set<Attempt>()
/**
 * The cargo target folder the run holds, with the call that locked it and the folder's identity (device and inode)
 * when locked, so that a folder swapped for another (or for a link) since is not taken for it.
 */
let holding: { owner: Attempt; dir: string; dev: number; ino: number } | null = null

function releaseAttempt(attempt: Attempt): void {
  for (const file of attempt.files.splice(0)) {
    if (readLockFile(file) === attempt.record && isRegularFile(file)) fs.rmSync(file, { force: true })
  }
  attempts.delete(attempt)
  if (holding?.owner === attempt) holding = null
}

export interface LockOptions {
  /** Every folder must really lie inside it when its lock is taken (repository code may have run since the inputs were read). */
  workspace?: string
  /** The cargo target folder among the folders, whose profiles the run may move (lockedTarget). */
  cargoTarget?: string | null
}

/**
 * Removes every lock file this process has taken (those still holding its own record), also while lockFolders is
 * still waiting for another: what a cancelled run does first, so that no lock of it is left behind.
 */
export function releaseAll(): void {
  for (const attempt of [...attempts]) releaseAttempt(attempt)
}

/**
 * Locks every folder (sorted by where it really lies, so two runs take them in the same order, however they spell
 * them). While one is held by a live run, waits (`onWait` is told once), polling, for at most `waitMs`; then gives
 * up with a one-line message. A folder leading out of the workspace, or one where no lock file can be made (a file
 * or a dangling link in its place), is refused the same way, and nothing is created for it.
 */
export async function lockFolders(
  folders: string[],
  waitMs: number,
  onWait: (message: string) => void,
  options: LockOptions = {}
): Promise<LockOutcome> {
  const record = `${JSON.stringify(me())}\n`
  const mine: Attempt = { files: [], record }
  attempts.add(mine)
  const release = (): void => releaseAttempt(mine)
  const refuse = (message: string): LockOutcome => {
    release()
    return { ok: false, message }
  }
  try {
    const dirs = [...new Set(folders.map((f) => (options.workspace ? resolveInside(f, options.workspace) : realLocation(f))))].sort()
    const deadline = Date.now() + waitMs
    let told = false
    for (const dir of dirs) {
      const file = path.join(dir, LOCK_NAME)
      if (options.workspace) mkdirInside(dir, options.workspace)
      else fs.mkdirSync(dir, { recursive: true })
      for (;;) {
        const attempt = tryLock(file, record)
        if (attempt.ok) {
          mine.files.push(file)
          break
        }
        const who = attempt.holder
          ? `another run (pid ${attempt.holder.pid} on ${attempt.holder.host}, started ${attempt.holder.started})`
          : 'another run'
        if (Date.now() >= deadline) {
          return refuse(
            `${who} is writing ${dir}: this run did not start, so that the two runs' reports cannot mix; give each run its own report paths, or delete ${file} if no run is going on`
          )
        }
        if (!told) {
          told = true
          onWait(`Waiting for ${who} to finish with ${dir} (lock file ${file}).`)
        }
        await new Promise((r) => setTimeout(r, 250))
      }
    }
    const target = options.cargoTarget ? realLocation(options.cargoTarget) : null
    if (target !== null && dirs.includes(target)) {
      const identity = fs.lstatSync(target)
      holding = { owner: mine, dir: target, dev: identity.dev, ino: identity.ino }
    }
    return { ok: true, lock: { files: [...mine.files], release } }
  } catch (error) {
    if (error instanceof PathOutsideWorkspace) return refuse(`a folder the run writes is not inside the workspace: ${error.message}`)
    const problem = error as NodeJS.ErrnoException
    return refuse(
      `a lock file could not be made (${problem.code ?? problem.message}${problem.path ? ` at ${problem.path}` : ''}): this run did not start`
    )
  }
}

/**
 * The cargo target folder this run locked at start (main.ts), while it is still that folder (not swapped for another
 * or for a link: same device and inode) and its lock file keeps this run's own record: the profiles are moved only
 * inside it. Nothing is asked again (the crate or cargo's answer may differ by now).
 */
export function lockedTarget(): string | null {
  const held = holding
  if (held === null) return null
  try {
    const now = fs.lstatSync(held.dir)
    if (!now.isDirectory() || now.dev !== held.dev || now.ino !== held.ino) return null
  } catch {
    return null
  }
  const file = path.join(held.dir, LOCK_NAME)
  return held.owner.files.includes(file) && readLockFile(file) === held.owner.record ? held.dir : null
}

/**
 * The folders a run writes: the enabled suites' report folders, the folder of coverage-summary.json, and the
 * crate's cargo target folders when the run cleans them or moves its profiles (cargoFolders): two runs on one crate
 * would remove, move or count each other's profiles and test binaries; only those that really lie inside the
 * workspace. With them the cargo target folder whose profiles the run may move (cargoTarget, null when none is held):
 * a lock covers its own folder only, not the folders below it, so a report folder held is no claim on the profiles.
 */
export function lockPlan(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): { folders: string[]; cargoTarget: string | null } {
  const both = inputs.mode === 'merge'
  const rust = inputs.rust
  const cargo = cargoFolders(inputs, env)
  const held = cargo.all.filter((f) => liesInside(f, inputs.workspace, { followLast: true }))
  return {
    folders: [
      ...(both || rust.enabled ? [path.dirname(rust.lcov), path.dirname(rust.htmlDir)] : []),
      ...(both || inputs.python.enabled ? [path.dirname(inputs.python.xml)] : []),
      path.dirname(inputs.summaryJson),
      ...held
    ],
    cargoTarget: cargo.profiles !== null && held.includes(cargo.profiles) ? cargo.profiles : null
  }
}

/**
 * The run's folders locked (lockPlan, lockFolders): the outcome, never an exception; a problem finding them (an
 * unreadable pyproject.toml, say) is a refusal like any other.
 */
export async function lockRun(inputs: Inputs, waitMs: number, onWait: (message: string) => void): Promise<LockOutcome> {
  let plan: ReturnType<typeof lockPlan>
  try {
    plan = lockPlan(inputs)
  } catch (error) {
    return { ok: false, message: `the folders the run writes could not be found (${(error as Error).message})` }
  }
  return lockFolders(plan.folders, waitMs, onWait, { workspace: inputs.workspace, cargoTarget: plan.cargoTarget })
}

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
  const cargoTarget = cargoTargetFolder(inputs.workingDirectory, project.manifestPath, env)
  const profiles = ownLlvmCovFolder(env, inputs.workingDirectory) ?? cargoTarget
  return { profiles, all: [...new Set([profiles, cargoTarget])] }
}

/** cargo's target folder for the crate, as cargo names it; where cargo would put it when it cannot say. */
function cargoTargetFolder(workingDirectory: string, manifestPath: string | null, env: NodeJS.ProcessEnv): string {
  const named = manifestPath ? readCargoWorkspace(manifestPath, workingDirectory, env)?.targetDirectory : null
  if (named) return named
  if (env['CARGO_TARGET_DIR']) return physicalPath(env['CARGO_TARGET_DIR'], workingDirectory)
  return path.join(manifestPath ? path.dirname(manifestPath) : workingDirectory, 'target')
}
