// The folders cargo-llvm-cov works in, found as it finds them (from cargo
// metadata and its variables), so that the action can act on them beside its
// commands: the raw profiles and the profdata file of a run, and the target and
// build folders `show-env` names, for the clean that runs beside it.
import * as path from 'node:path'
import { physicalPath } from '../safety/workspace-fs.js'
import type { CargoWorkspace } from './cargo-scope.js'

/** cargo-llvm-cov's target folder of a run and its profdata file. */
export interface ProfilesPlace {
  dir: string
  profdata: string
}

/**
 * Where cargo-llvm-cov keeps the profiles, as it finds it: CARGO_LLVM_COV_TARGET_DIR (from its working folder, as the
 * system resolves it), else
 * `llvm-cov-target` in cargo's target folder; the profdata file is named after the workspace root's folder. Null when
 * cargo metadata did not say.
 */
export function profilesPlace(ws: CargoWorkspace | null | undefined, env: NodeJS.ProcessEnv, cwd: string): ProfilesPlace | null {
  if (!ws) return null
  const dir = ownLlvmCovFolder(env, cwd) ?? (ws.targetDirectory ? path.join(ws.targetDirectory, 'llvm-cov-target') : null)
  if (dir === null) return null
  return { dir, profdata: path.join(dir, `${path.basename(ws.root) || 'default'}.profdata`) }
}

/** CARGO_LLVM_COV_TARGET_DIR when set, the folder cargo-llvm-cov then works in, as the system resolves it from `cwd`. */
export function ownLlvmCovFolder(env: NodeJS.ProcessEnv, cwd: string): string | null {
  const fromEnv = env['CARGO_LLVM_COV_TARGET_DIR']
  return fromEnv ? physicalPath(fromEnv, cwd) : null
}

/** The two variables by which `cargo llvm-cov show-env` names its folders, and by which its clean is told them. */
export interface ShowEnvFolders {
  CARGO_LLVM_COV_TARGET_DIR: string
  CARGO_LLVM_COV_BUILD_DIR: string
}

/**
 * The folders `show-env` will name (absolute): it names cargo's own target and build folders (cargo metadata's),
 * whatever the environment says. Null when cargo metadata did not say, or when CARGO_LLVM_COV_TARGET_DIR or
 * CARGO_LLVM_COV_BUILD_DIR is set: the clean would then act on those folders, not on the ones show-env names.
 */
export function showEnvFolders(ws: CargoWorkspace | null | undefined, env: NodeJS.ProcessEnv): ShowEnvFolders | null {
  if (env['CARGO_LLVM_COV_TARGET_DIR'] || env['CARGO_LLVM_COV_BUILD_DIR']) return null
  if (!ws?.targetDirectory || !ws.buildDirectory) return null
  return { CARGO_LLVM_COV_TARGET_DIR: ws.targetDirectory, CARGO_LLVM_COV_BUILD_DIR: ws.buildDirectory }
}

/** Whether show-env's variables name the folders foreseen (a build folder it does not name is its target folder). */
export function namesTheSameFolders(vars: Record<string, string>, foreseen: ShowEnvFolders, cwd: string): boolean {
  const target = vars['CARGO_LLVM_COV_TARGET_DIR']
  if (!target) return false
  const build = vars['CARGO_LLVM_COV_BUILD_DIR'] || target
  // Both as the system resolves them: cargo's folders (foreseen) are (cargo-scope.ts), show-env prints them as written.
  return physicalPath(target, cwd) === foreseen.CARGO_LLVM_COV_TARGET_DIR && physicalPath(build, cwd) === foreseen.CARGO_LLVM_COV_BUILD_DIR
}
