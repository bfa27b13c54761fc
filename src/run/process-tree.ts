// A command's whole process tree, to stop it: its process group, every
// descendant (also one that left the group with setsid), and every process
// that still carries the command's tracking variable in its environment (a
// daemon whose parent has already exited). The Actions runner finds a job's
// leftovers the same way (RUNNER_TRACKING_ID).
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'

/** Set in each command's environment to a value of its own; inherited by whatever the command starts. */
export const TRACKING_VARIABLE = 'RUST_PYTHON_COVERAGE_COMMAND'

/** Errors that mean the process is gone, or is not ours to look at or signal (its pid was reused). */
const NOT_OURS = new Set(['ESRCH', 'ENOENT', 'EACCES', 'EPERM'])

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

/** One /proc file, or null when the process has gone or is not ours. */
function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'latin1')
  } catch (error) {
    if (NOT_OURS.has(errorCode(error) ?? '')) return null
    throw error
  }
}

interface ProcessTable {
  children: Map<number, number[]>
  /** Processes whose environment holds the tracking value. */
  tracked: number[]
}

function linuxTable(tracking: string | undefined): ProcessTable {
  const children = new Map<number, number[]>()
  const tracked: number[] = []
  const marker = tracking === undefined ? undefined : `${TRACKING_VARIABLE}=${tracking}`
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const pid = Number(name)
    const stat = readProc(`/proc/${name}/stat`)
    if (stat === null) continue
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    children.set(ppid, [...(children.get(ppid) ?? []), pid])
    if (marker !== undefined && pid !== process.pid && (readProc(`/proc/${name}/environ`) ?? '').split('\0').includes(marker)) tracked.push(pid)
  }
  return { children, tracked }
}

function psTable(): ProcessTable {
  const children = new Map<number, number[]>()
  const ps = spawnSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { encoding: 'utf8', timeout: 5_000 })
  for (const line of (ps.stdout ?? '').split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)/.exec(line)
    if (m) children.set(Number(m[2]), [...(children.get(Number(m[2])) ?? []), Number(m[1])])
  }
  return { children, tracked: [] }
}

/** The descendants of `root` and the processes tracked by `tracking`, as they are now. */
export function treePids(root: number, tracking?: string): number[] {
  const table = process.platform === 'linux' && fs.existsSync('/proc/self/stat') ? linuxTable(tracking) : psTable()
  const found = new Set<number>()
  const queue = [root]
  while (queue.length > 0) {
    for (const child of table.children.get(queue.pop() as number) ?? []) {
      if (!found.has(child)) {
        found.add(child)
        queue.push(child)
      }
    }
  }
  for (const pid of table.tracked) found.add(pid)
  found.delete(process.pid)
  return [...found]
}

/** Sends a signal; false when the process is already gone (or the pid is no longer ours). */
export function sendSignal(target: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(target, signal)
    return true
  } catch (error) {
    if (NOT_OURS.has(errorCode(error) ?? '')) return false
    throw error
  }
}

/**
 * Signals the command started as the leader of process group `pid`: the group, and with `tracking` also every
 * descendant and every process carrying that tracking value (found before the group is signalled, while the
 * shell still links its children).
 */
export function signalTree(pid: number, signal: NodeJS.Signals, tracking?: string): void {
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true })
    return
  }
  const others = tracking === undefined ? [] : treePids(pid, tracking)
  sendSignal(-pid, signal)
  for (const other of others) sendSignal(other, signal)
}
