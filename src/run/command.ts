// Runs one shell command: streams its output to the log, optionally keeps a
// copy in a file, enforces a time limit by killing the whole process tree, and
// recognises the usual "tool not installed" failures to give a hint.
// @actions/exec is not used: it has no time limit and cannot kill a process tree.
import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import type { CommandResult } from '../model/suite.js'

export interface CommandSpec {
  command: string
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  /** Also write stdout+stderr to this file (created or truncated). */
  captureFile?: string
}

export const commandOk = (r: CommandResult): boolean => r.exitCode === 0 && !r.timedOut && !r.spawnError

/** Variables a coverage command has no business seeing (the runner does not give them to `run:` steps either). */
const PRIVATE_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL']

export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(env)) {
    if (PRIVATE_ENV.includes(key) || key.startsWith('INPUT_')) continue
    out[key] = value
  }
  return out
}

const HINTS: Array<[RegExp, string]> = [
  [
    /no such (sub)?command:? [`']?llvm-cov|cargo-llvm-cov: (command )?not found/i,
    'cargo-llvm-cov is not installed: add `taiki-e/install-action@cargo-llvm-cov` before this step, or run `cargo install cargo-llvm-cov --locked`.'
  ],
  [
    /failed to find llvm-tools-preview|llvm-tools-preview/i,
    "cargo-llvm-cov needs llvm-cov/llvm-profdata matching rustc's LLVM: `rustup component add llvm-tools-preview`, or set LLVM_COV and LLVM_PROFDATA (e.g. /usr/lib/llvm-22/bin/llvm-cov for rustc 1.95)."
  ],
  [
    /unrecognized arguments: --cov|no module named ['"]?pytest_cov/i,
    'pytest-cov is not installed in the environment pytest runs in: `pip install pytest-cov` (or add it to your dev dependency group).'
  ],
  [
    /no module named pytest\b|pytest: (command )?not found/i,
    'pytest is not installed: `pip install pytest pytest-cov` (or run it through your environment with command-prefix, e.g. `uv run`).'
  ],
  [/cargo: (command )?not found/i, 'cargo is not on PATH: set up Rust before this step (e.g. dtolnay/rust-toolchain).'],
  [/uv: (command )?not found/i, 'uv is not on PATH: add astral-sh/setup-uv before this step, or clear command-prefix.']
]

/** A hint for the failure, from the last part of its output, or from exit code 127. */
export function hintFor(outputTail: string, exitCode: number | null): string | undefined {
  for (const [pattern, hint] of HINTS) if (pattern.test(outputTail)) return hint
  if (exitCode === 127) return 'The shell could not find the command (exit 127): check that the tool is installed and on PATH.'
  return undefined
}

/**
 * The shell GitHub's `run:` steps use (`bash --noprofile --norc -eo pipefail {0}`): a failing command stops the
 * script and fails it, also inside a pipeline, and no profile or rc file changes what runs.
 */
function shellFor(command: string): { file: string; args: string[] } {
  if (process.platform === 'win32') return { file: process.env['ComSpec'] || 'cmd.exe', args: ['/d', '/s', '/c', command] }
  const bash = ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash'].find((p) => fs.existsSync(p))
  return bash ? { file: bash, args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] } : { file: '/bin/sh', args: ['-e', '-c', command] }
}

function killTree(pid: number, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'])
    else process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

const TAIL_BYTES = 64 * 1024
const KILL_GRACE_MS = 5_000

export function runCommand(spec: CommandSpec, write: (chunk: Buffer) => void): Promise<CommandResult> {
  const started = Date.now()
  const { file, args } = shellFor(spec.command)
  return new Promise((resolve) => {
    let tail = Buffer.alloc(0)
    let timedOut = false
    let capture: fs.WriteStream | undefined
    const finish = (partial: Omit<CommandResult, 'command' | 'durationMs' | 'timedOut'>): void => {
      clearTimeout(timer)
      clearTimeout(hardKill)
      const result: CommandResult = { command: spec.command, durationMs: Date.now() - started, timedOut, ...partial }
      const done = (): void => resolve(result)
      if (capture) capture.end(done)
      else done()
    }
    let hardKill: NodeJS.Timeout | undefined
    let child
    try {
      if (spec.captureFile) capture = fs.createWriteStream(spec.captureFile)
      child = spawn(file, args, {
        cwd: spec.cwd,
        env: spec.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true
      })
    } catch (error) {
      finish({ exitCode: null, signal: null, spawnError: (error as Error).message })
      return
    }
    const onData = (chunk: Buffer): void => {
      write(chunk)
      capture?.write(chunk)
      tail = Buffer.concat([tail, chunk])
      if (tail.length > TAIL_BYTES * 2) tail = tail.subarray(tail.length - TAIL_BYTES)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    const pid = child.pid
    const timer = setTimeout(() => {
      timedOut = true
      if (pid !== undefined) {
        killTree(pid, 'SIGTERM')
        hardKill = setTimeout(() => killTree(pid, 'SIGKILL'), KILL_GRACE_MS)
      }
    }, spec.timeoutMs)
    child.on('error', (error: NodeJS.ErrnoException) => {
      const message = error.code === 'ENOENT' && !fs.existsSync(spec.cwd) ? `working directory ${spec.cwd} does not exist` : error.message
      finish({ exitCode: null, signal: null, spawnError: message })
    })
    let leftovers: NodeJS.Timeout | undefined
    child.on('exit', () => {
      // Whatever the shell left behind (a background job, a hung test binary)
      // may hold the output pipes open: give it a moment, then end it.
      if (pid !== undefined) leftovers = setTimeout(() => killTree(pid, 'SIGKILL'), 2_000)
    })
    child.on('close', (code, signal) => {
      clearTimeout(leftovers)
      if (pid !== undefined && process.platform !== 'win32') killTree(pid, 'SIGKILL')
      const hint = code === 0 ? undefined : hintFor(tail.toString('utf8'), code)
      finish({ exitCode: code, signal, ...(hint ? { hint } : {}) })
    })
  })
}
