// cargo-llvm-cov needs llvm-cov/llvm-profdata from the same LLVM as rustc.
// With rustup's llvm-tools-preview it finds them itself; without it (distro or
// nix toolchains) users must set LLVM_COV/LLVM_PROFDATA. When neither is the
// case and a matching versioned LLVM is installed (Debian/Ubuntu llvm-N), point
// at it, and say so in the log.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { childEnv } from './command.js'

export interface LlvmTools {
  env: Record<string, string>
  note: string
}

export function findLlvmTools(env: NodeJS.ProcessEnv, cwd: string): LlvmTools | null {
  if (env['LLVM_COV'] || env['LLVM_PROFDATA']) return null
  // One rustc call where llvm-tools-preview is installed (cargo-llvm-cov's own requirement, so the common case): the
  // host's library folder is <sysroot>/lib/rustlib/<host>/lib, and the component puts llvm-cov in the bin beside it.
  const libdir = spawnSync('rustc', ['--print', 'target-libdir'], { cwd, env, encoding: 'utf8', timeout: 20_000 })
  const lib = libdir.status === 0 && typeof libdir.stdout === 'string' ? libdir.stdout.trim() : ''
  if (lib && fs.existsSync(path.join(path.dirname(lib), 'bin', exe('llvm-cov')))) return null
  const rustc = spawnSync('rustc', ['-vV'], { cwd, env, encoding: 'utf8', timeout: 20_000 })
  if (rustc.status !== 0 || typeof rustc.stdout !== 'string') return null
  const major = /LLVM version: (\d+)/.exec(rustc.stdout)?.[1]
  if (!major) return null
  for (const dir of [`/usr/lib/llvm-${major}/bin`, `/usr/local/opt/llvm@${major}/bin`, `/opt/homebrew/opt/llvm@${major}/bin`]) {
    const cov = path.join(dir, 'llvm-cov')
    const profdata = path.join(dir, 'llvm-profdata')
    if (fs.existsSync(cov) && fs.existsSync(profdata)) {
      return {
        env: { LLVM_COV: cov, LLVM_PROFDATA: profdata },
        note: `rustc uses LLVM ${major} and has no llvm-tools-preview; using LLVM_COV=${cov} and LLVM_PROFDATA=${profdata}.`
      }
    }
  }
  return null
}

const exe = (name: string): string => (process.platform === 'win32' ? `${name}.exe` : name)

/** The environment of the Rust commands: the step's, less what no command may see, with LLVM_COV/LLVM_PROFDATA when found here (said once). */
export function rustCommandEnv(stepEnv: NodeJS.ProcessEnv, cwd: string, say: (line: string) => void): NodeJS.ProcessEnv {
  const env = childEnv(stepEnv)
  const llvm = findLlvmTools(env, cwd)
  if (llvm) {
    say(llvm.note)
    Object.assign(env, llvm.env)
  }
  return env
}
