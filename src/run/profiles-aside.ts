// The raw profiles set aside while two cargo-llvm-cov reports run side by side.
// Each `cargo llvm-cov report` merges the raw profiles of its target folder
// (`<target>/llvm-cov-target/*.profraw`) into one profdata file, rewritten in
// place: two at once would each rewrite the file the other is reading. When the
// folder holds no raw profile and the profdata file is there, it reads that
// file as it is (cargo-llvm-cov 0.6.9 and later). So once the first report has
// merged them (the lcov), the raw profiles are moved into a fresh sub-folder
// (cargo-llvm-cov reads only the folder itself) while the other reports run,
// and put back after them, also when the run is cancelled: the folder is left
// as cargo-llvm-cov left it, for a later `cargo llvm-cov report` of one's own.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { onCancel } from './cancel.js'
import type { ProfilesPlace } from './llvm-cov-folders.js'
import { versionAtLeast } from './versions.js'

/** The first cargo-llvm-cov version whose report reads an existing profdata file when there is no raw profile. */
export const READS_PROFDATA_SINCE: readonly [number, number, number] = [0, 6, 9]

/** Whether a cargo-llvm-cov version (e.g. "0.9.1") reports from the profdata file alone; false when unknown. */
export function readsProfdataAlone(version: string | undefined): boolean {
  return version !== undefined && /^\d+\.\d+\.\d+/.test(version) && versionAtLeast(version, READS_PROFDATA_SINCE)
}

/** How much older than the report's start its profdata file may look (file systems with coarse times). */
const CLOCK_SLACK_MS = 2_000

/** The prefix of the folders the raw profiles are set aside in (fresh each time, inside the target folder), then the pid. */
const ASIDE_PREFIX = '.profraw-aside-'

/** A folder aside whose run is over: its pid (in its name) is no running process. */
function leftByEndedRun(name: string): boolean {
  const pid = Number(/^\.profraw-aside-(\d+)-/.exec(name)?.[1])
  if (!Number.isSafeInteger(pid) || pid <= 0) return true
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    // EPERM: a process of another user has that pid: it runs.
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * Moves the raw profiles aside when the profdata file was written by the report that started at `since` (ms): that
 * proves the place is the one cargo-llvm-cov used, and that it holds every raw profile. Null (nothing moved) when
 * not, or when a move fails (what was moved is put back). `putBack` gives what could not be put back ('' when all
 * were); it is also done if the run is cancelled. Folders a killed earlier run left aside (its profiles, of a run
 * that is over and was never counted here: its pid, in the folder's name, runs no more) are removed first; those of
 * a run still going are left alone.
 */
export function setProfilesAside(place: ProfilesPlace, since: number): { putBack: () => string } | null {
  let stat: fs.Stats
  try {
    stat = fs.lstatSync(place.profdata)
  } catch {
    return null
  }
  if (!stat.isFile() || stat.mtimeMs < since - CLOCK_SLACK_MS) return null
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(place.dir, { withFileTypes: true })
  } catch {
    return null
  }
  for (const entry of entries) {
    // Only real folders of that name: a link is not followed (rmSync takes the link itself away, nothing behind it).
    try {
      if (entry.name.startsWith(ASIDE_PREFIX) && entry.isDirectory() && leftByEndedRun(entry.name)) {
        fs.rmSync(path.join(place.dir, entry.name), { recursive: true, force: true })
      }
    } catch {
      // Left where it is: it is not read by cargo-llvm-cov either way.
    }
  }
  const names = entries.map((e) => e.name).filter((name) => name.endsWith('.profraw'))
  if (names.length === 0) return { putBack: () => '' }
  let aside: string
  try {
    aside = fs.mkdtempSync(path.join(place.dir, `${ASIDE_PREFIX}${process.pid}-`))
  } catch {
    return null
  }
  const moved: string[] = []
  const putBack = (): string => {
    const left: string[] = []
    const problems: string[] = []
    for (const name of moved.splice(0)) {
      const home = path.join(place.dir, name)
      // Never over a file put there meanwhile: what cannot go back stays in the folder aside.
      if (fs.existsSync(home)) {
        left.push(name)
        problems.push(`${name}: a file of that name is there again`)
        continue
      }
      try {
        fs.renameSync(path.join(aside, name), home)
      } catch (error) {
        left.push(name)
        problems.push(`${name}: ${(error as Error).message}`)
      }
    }
    // What is left can be tried again (a second call, or the cancel's).
    moved.push(...left)
    if (left.length === 0) fs.rmSync(aside, { recursive: true, force: true })
    return problems.length === 0 ? '' : `${problems.length} left in ${aside} (${problems.slice(0, 3).join('; ')})`
  }
  const forget = onCancel(() => {
    const problem = putBack()
    if (problem) throw new Error(`raw profiles set aside not all put back: ${problem}`)
  })
  try {
    for (const name of names) {
      fs.renameSync(path.join(place.dir, name), path.join(aside, name))
      moved.push(name)
    }
  } catch {
    putBack()
    forget()
    return null
  }
  return {
    putBack: () => {
      forget()
      return putBack()
    }
  }
}
