import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { childEnv, hintFor, runCommand } from '../../../src/run/command.js'

const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-command-'))
const collect = () => {
  const chunks: Buffer[] = []
  return { write: (c: Buffer) => chunks.push(c), text: () => Buffer.concat(chunks).toString() }
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('runCommand', () => {
  it('streams output, keeps a copy and reports the exit code', async () => {
    const out = collect()
    const capture = path.join(cwd, 'out.txt')
    const result = await runCommand(
      { command: 'echo hello; echo oops >&2; exit 3', cwd, env: process.env, timeoutMs: 30_000, captureFile: capture },
      out.write
    )
    expect(result.exitCode).toBe(3)
    expect(result.timedOut).toBe(false)
    expect(out.text()).toContain('hello')
    expect(fs.readFileSync(capture, 'utf8')).toContain('oops')
  })

  it('kills the whole process tree past the time limit', async () => {
    const pidFile = path.join(cwd, 'grandchild.pid')
    // The grandchild ignores nothing special; it would outlive a plain kill of the shell.
    const result = await runCommand({ command: `sleep 300 & echo $! > ${pidFile}; wait`, cwd, env: process.env, timeoutMs: 500 }, () => undefined)
    expect(result.timedOut).toBe(true)
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'))
    // SIGTERM has been delivered to the group; give the kernel a moment to reap.
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 100))
    expect(alive(grandchild)).toBe(false)
  })

  it('gives a hint for a missing tool instead of repeating its output', async () => {
    const result = await runCommand({ command: 'definitely-not-a-tool-xyz --version', cwd, env: process.env, timeoutMs: 30_000 }, () => undefined)
    expect(result.exitCode).toBe(127)
    expect(result.hint).toMatch(/could not find the command/)
  })

  it('reports a working directory that does not exist', async () => {
    const result = await runCommand({ command: 'true', cwd: path.join(cwd, 'missing'), env: process.env, timeoutMs: 30_000 }, () => undefined)
    expect(result.spawnError).toContain('does not exist')
  })
})

describe('hintFor', () => {
  it.each([
    ['error: no such command: `llvm-cov`', /cargo install cargo-llvm-cov/],
    ['error: failed to find llvm-tools-preview, please install llvm-tools-preview', /LLVM_COV/],
    ['pytest: error: unrecognized arguments: --cov=mixed_demo --cov-report=term', /pip install pytest-cov/],
    ['/usr/bin/python3: No module named pytest', /pip install pytest pytest-cov/],
    ['/bin/bash: line 1: python: command not found', /no `python` on PATH/]
  ])('%s', (output, hint) => {
    expect(hintFor(output, 1)).toMatch(hint)
  })
})

describe('childEnv', () => {
  it('never passes the runtime token or the action inputs to user commands', () => {
    const env = childEnv({ PATH: '/bin', ACTIONS_RUNTIME_TOKEN: 'secret', 'INPUT_RUST-MIN-LINES': '70' })
    expect(env).toEqual({ PATH: '/bin' })
  })
})
