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

/** The first cargo-llvm-cov version whose report reads an existing profdata file when there is no raw profile. */
export const READS_PROFDATA_SINCE: readonly [number, number, number] = [0, 6, 9]

/** Whether a cargo-llvm-cov version (e.g. "0.9.1") reports from the profdata file alone; false when unknown. */
export function readsProfdataAlone(version: string | undefined): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version ?? '')
  if (!m) return false
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])]
  for (let i = 0; i < 3; i++) {
    const have = parts[i] as number
    const need = READS_PROFDATA_SINCE[i] as number
    if (have !== need) return have > need
  }
  return true
}

/** How much older than the report's start its profdata file may look (file systems with coarse times). */
const CLOCK_SLACK_MS = 2_000

/**
 * Moves the raw profiles aside when the profdata file was written by the report that started at `since` (ms): that
 * proves the place is the one cargo-llvm-cov used, and that it holds every raw profile. Null (nothing moved) when
 * not, or when a move fails (what was moved is put back). `putBack` is also done if the run is cancelled.
 */
export function setProfilesAside(place: ProfilesPlace, since: number): { putBack: () => void } | null {
  let stat: fs.Stats
  try {
    stat = fs.lstatSync(place.profdata)
  } catch {
    return null
  }
  if (!stat.isFile() || stat.mtimeMs < since - CLOCK_SLACK_MS) return null
  let names: string[]
  try {
    names = fs.readdirSync(place.dir).filter((name) => name.endsWith('.profraw'))
  } catch {
    return null
  }
  if (names.length === 0) return { putBack: () => undefined }
  let aside: string
  try {
    aside = fs.mkdtempSync(path.join(place.dir, '.profraw-aside-'))
  } catch {
    return null
  }
  const moved: string[] = []
  const putBack = (): void => {
    for (const name of moved.splice(0)) {
      const home = path.join(place.dir, name)
      // Never over a file put there meanwhile: what cannot go back stays in the folder aside.
      if (!fs.existsSync(home)) fs.renameSync(path.join(aside, name), home)
    }
    if (fs.readdirSync(aside).length === 0) fs.rmdirSync(aside)
  }
  const forget = onCancel(putBack)
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
      putBack()
    }
  }
}
