// Runs one shell command: streams its output to the log, optionally keeps a
// copy in a file (both with bounded memory: the child waits while they are
// behind), enforces a time limit by killing the whole process tree, and
// recognises the usual "tool not installed" failures to give a hint. Keeps the
// commands running now, so that a cancelled run can stop them all.
// @actions/exec is not used: it has no time limit and cannot kill a process tree.
import { type ChildProcess, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import { finished } from 'node:stream'
import type { CommandResult } from '../model/suite.js'
import { TestFailureScanner } from '../reports/test-failures.js'
import { signalTree, TRACKING_VARIABLE } from './process-tree.js'

export interface CommandSpec {
  command: string
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  /** Also write stdout+stderr to this file (created or truncated). */
  captureFile?: string
}

/** Where the output goes: a function, or a stream whose backpressure is honoured. */
export type OutputSink = ((chunk: Buffer) => unknown) | NodeJS.WritableStream

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
  [
    /(^|\s)python: (command )?not found/im,
    'There is no `python` on PATH to run `python -m pytest`: set up Python (actions/setup-python) or activate a virtual environment, or run it through command-prefix (e.g. `uv run`).'
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
export function shellFor(command: string): { file: string; args: string[] } {
  if (process.platform === 'win32') return { file: process.env['ComSpec'] || 'cmd.exe', args: ['/d', '/s', '/c', command] }
  const bash = ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash'].find((p) => fs.existsSync(p))
  return bash ? { file: bash, args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] } : { file: '/bin/sh', args: ['-e', '-c', command] }
}

/** The last `limit` bytes of the output, for the hint; older chunks are dropped as new ones come. */
export class OutputTail {
  private chunks: Buffer[] = []
  private size = 0
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.chunks.length > 1 && this.size - (this.chunks[0] as Buffer).length >= this.limit) {
      this.size -= (this.chunks.shift() as Buffer).length
    }
  }

  /** Bytes held now (at most the limit plus one chunk). */
  get bytes(): number {
    return this.size
  }

  text(): string {
    const all = Buffer.concat(this.chunks)
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8')
  }
}

const TAIL_BYTES = 64 * 1024
/** Between SIGTERM at the deadline and SIGKILL; then the command is given up on, pipes closed. */
const KILL_GRACE_MS = 3_000
/** After the shell exits, how long a process it left behind may hold the output pipes. */
const LEFTOVER_GRACE_MS = 2_000
/** After SIGKILL, how long the pipes may take to close (they close as the killed holders exit); then they are closed. */
const CLOSE_WAIT_MS = 500

interface LiveCommand {
  stop(signal: NodeJS.Signals): void
  settled: Promise<void>
}

/** The commands running now (a cancelled run stops them all). */
const live = new Set<LiveCommand>()
/** Once set (the run is cancelled), no command starts any more: each gives this as its spawn error. */
let refusal: string | null = null

export function refuseNewCommands(reason: string): void {
  refusal = reason
}

/** Sends `signal` to the whole tree of every running command; gives how many there were. */
export function signalLiveCommands(signal: NodeJS.Signals): number {
  for (const command of live) command.stop(signal)
  return live.size
}

/** Resolves when every running command has ended, or after `limitMs`, or when `early` resolves. */
export async function liveCommandsSettled(limitMs: number, early?: Promise<unknown>): Promise<void> {
  if (live.size === 0) return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    Promise.all([...live].map((c) => c.settled)),
    new Promise((resolve) => (timer = setTimeout(resolve, limitMs))),
    ...(early ? [early] : [])
  ])
  clearTimeout(timer)
}

let serial = 0

export function runCommand(spec: CommandSpec, sink: OutputSink): Promise<CommandResult> {
  const started = Date.now()
  if (refusal !== null) {
    return Promise.resolve({ command: spec.command, exitCode: null, signal: null, timedOut: false, durationMs: 0, spawnError: refusal })
  }
  const tracking = `${process.pid}-${++serial}-${started}`
  const { file, args } = shellFor(spec.command)
  return new Promise((resolve) => {
    const tail = new OutputTail(TAIL_BYTES)
    const tests = new TestFailureScanner()
    const timers = new Set<NodeJS.Timeout>()
    const later = (ms: number, work: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        work()
      }, ms)
      timers.add(timer)
    }
    let timedOut = false
    let exited: { exitCode: number | null; signal: NodeJS.Signals | null } | null = null
    let settled = false
    let markSettled = (): void => undefined
    let entry: LiveCommand | undefined
    let child: ChildProcess | undefined
    let capture: fs.WriteStream | undefined
    let captureError: string | undefined

    const finish = (partial: Omit<CommandResult, 'command' | 'durationMs' | 'timedOut' | 'hint'>): void => {
      if (settled) return
      settled = true
      for (const timer of timers) clearTimeout(timer)
      if (entry) live.delete(entry)
      markSettled()
      // A process outside the tree may still hold the pipes: stop reading them.
      child?.stdout?.destroy()
      child?.stderr?.destroy()
      const hint = partial.spawnError === undefined && partial.exitCode !== 0 ? hintFor(tail.text(), partial.exitCode) : undefined
      const failures = partial.spawnError === undefined && partial.exitCode !== 0 ? tests.result() : null
      const result: CommandResult = {
        command: spec.command,
        durationMs: Date.now() - started,
        timedOut,
        ...partial,
        ...(hint ? { hint } : {}),
        ...(failures ? { failures } : {})
      }
      if (!capture) {
        resolve(result)
        return
      }
      if (captureError !== undefined) {
        resolve({ ...result, capturedBytes: capture.bytesWritten, captureError })
        return
      }
      const kept = capture
      kept.end()
      finished(kept, () => resolve({ ...result, capturedBytes: kept.bytesWritten }))
    }

    // Backpressure: while the log or the capture file is behind, the child's pipes are not read (it waits).
    let blocked = 0
    const block = (stream: NodeJS.WritableStream): void => {
      if (++blocked === 1) {
        child?.stdout?.pause()
        child?.stderr?.pause()
      }
      const release = (): void => {
        stream.off('drain', release)
        stream.off('error', release)
        stream.off('close', release)
        if (--blocked === 0 && !settled) {
          child?.stdout?.resume()
          child?.stderr?.resume()
        }
      }
      stream.on('drain', release)
      stream.on('error', release)
      stream.on('close', release)
    }
    const send = (chunk: Buffer): void => {
      if (typeof sink === 'function') sink(chunk)
      else if (!sink.write(chunk)) block(sink)
    }

    try {
      if (spec.captureFile) {
        const captureFile = spec.captureFile
        capture = fs.createWriteStream(captureFile)
        capture.on('error', (error) => {
          captureError = error.message
          send(Buffer.from(`\n[rust-python-coverage] could not write ${captureFile}: ${error.message}\n`))
        })
      }
      child = spawn(file, args, {
        cwd: spec.cwd,
        env: { ...spec.env, [TRACKING_VARIABLE]: tracking },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true
      })
    } catch (error) {
      finish({ exitCode: null, signal: null, spawnError: (error as Error).message })
      return
    }
    const onData = (chunk: Buffer): void => {
      tail.push(chunk)
      tests.push(chunk)
      send(chunk)
      if (capture && captureError === undefined && !capture.write(chunk)) block(capture)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    const pid = child.pid
    const stop = (signal: NodeJS.Signals): void => {
      if (pid !== undefined) signalTree(pid, signal, tracking)
    }
    if (pid !== undefined) {
      entry = { stop, settled: new Promise<void>((done) => (markSettled = done)) }
      live.add(entry)
    }
    later(spec.timeoutMs, () => {
      timedOut = true
      stop('SIGTERM')
      // What ignores SIGTERM is killed; what still holds the pipes from outside the tree is no longer waited for.
      later(KILL_GRACE_MS, () => {
        stop('SIGKILL')
        later(CLOSE_WAIT_MS, () => finish(exited ?? { exitCode: null, signal: null }))
      })
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      const message = error.code === 'ENOENT' && !fs.existsSync(spec.cwd) ? `working directory ${spec.cwd} does not exist` : error.message
      finish({ exitCode: null, signal: null, spawnError: message })
    })
    child.on('exit', (exitCode, signal) => {
      exited = { exitCode, signal }
      const result = exited
      // Whatever the shell left behind (a background job, a daemon that left the process group) may hold the
      // output pipes open: give it a moment to finish writing, then end it and stop waiting.
      later(LEFTOVER_GRACE_MS, () => {
        stop('SIGKILL')
        later(CLOSE_WAIT_MS, () => finish(result))
      })
    })
    child.on('close', (exitCode, signal) => {
      // Background jobs of the command that closed their output: they do not outlive it.
      if (pid !== undefined) signalTree(pid, 'SIGKILL')
      finish({ exitCode, signal })
    })
  })
}
