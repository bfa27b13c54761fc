// The time limit holds whatever the command leaves behind: a process that left
// the process group (setsid) and keeps the output pipe open is killed or no
// longer waited for, at the deadline and after a normal exit alike. Output is
// held with bounded memory. Each test has its own jest limit: without the fix
// these runs wait for the 600 s sleep, which ends the test as a failure.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Writable } from 'node:stream'
import { OutputTail, runCommand } from '../../../src/run/command.js'
import { failureMessage, formatMinutes } from '../../../src/run/logged-command.js'
import { lastPart } from '../../../src/run/kept-output.js'
import { killIfRunning, stopsRunning, waitForFile } from '../../e2e/support/processes.js'

const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-deadline-'))
let n = 0
const pidFile = () => path.join(cwd, `leftover-${++n}.pid`)

describe('the time limit', () => {
  it('kills a child that left the process group and holds stdout, and resolves', async () => {
    const file = pidFile()
    const result = await runCommand(
      { command: `setsid sleep 600 & echo $! > ${file}; wait`, cwd, env: process.env, timeoutMs: 1_000 },
      () => undefined
    )
    expect(result.timedOut).toBe(true)
    const leftover = Number(await waitForFile(file))
    expect(await stopsRunning(leftover)).toBe(true)
  }, 60_000)

  it('stops waiting for a holder of the pipe it cannot find (it cleared the tracking variable)', async () => {
    const file = pidFile()
    const command = `env -u RUST_PYTHON_COVERAGE_COMMAND setsid sleep 600 & echo $! > ${file}; wait`
    const result = await runCommand({ command, cwd, env: process.env, timeoutMs: 1_000 }, () => undefined)
    expect(result.timedOut).toBe(true)
    killIfRunning(Number(await waitForFile(file)))
  }, 60_000)

  it('after a normal exit, a leftover holding the pipe is ended and the exit code kept', async () => {
    const file = pidFile()
    const chunks: Buffer[] = []
    const result = await runCommand({ command: `setsid sleep 600 & echo $! > ${file}; echo done`, cwd, env: process.env, timeoutMs: 600_000 }, (c) =>
      chunks.push(c)
    )
    expect(result).toMatchObject({ exitCode: 0, timedOut: false })
    expect(Buffer.concat(chunks).toString()).toBe('done\n')
    expect(await stopsRunning(Number(await waitForFile(file)))).toBe(true)
  }, 60_000)

  it('is shown in minutes as the input gave it', () => {
    expect(formatMinutes(3_000)).toBe('0.05')
    expect(formatMinutes(18_000)).toBe('0.3')
    expect(formatMinutes(60)).toBe('0.001')
    expect(formatMinutes(1_800_000)).toBe('30')
    expect(formatMinutes(Math.round(0.125 * 60_000))).toBe('0.125')
    const timedOut = { command: 'sleep 9', exitCode: null, signal: 'SIGTERM', timedOut: true, durationMs: 3_000 }
    expect(failureMessage('Rust', timedOut, 3_000)).toBe(
      'Rust coverage command timed out after 0.05 min and was killed with its process tree: sleep 9'
    )
  })
})

describe('output with bounded memory', () => {
  it('the tail keeps the last bytes only', () => {
    const tail = new OutputTail(1024)
    for (let i = 0; i < 1000; i++) tail.push(Buffer.alloc(300, (i % 26) + 97))
    expect(tail.bytes).toBeLessThanOrEqual(1024 + 300)
    expect(tail.text()).toHaveLength(1024)
    expect(tail.text().endsWith('l'.repeat(300))).toBe(true) // 999 % 26 = 11: 'l'
  })

  it('a slow log makes the command wait instead of piling its output up in memory', async () => {
    let written = 0
    let mostQueued = 0
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length
        setTimeout(done, 1)
      }
    })
    const queued = () => (mostQueued = Math.max(mostQueued, slow.writableLength))
    const watch = setInterval(queued, 5)
    const capture = path.join(cwd, 'capture.txt')
    const result = await runCommand({ command: 'head -c 20000000 /dev/zero', cwd, env: process.env, timeoutMs: 600_000, captureFile: capture }, {
      write: (chunk: Buffer) => (queued(), slow.write(chunk)),
      on: slow.on.bind(slow),
      off: slow.off.bind(slow)
    } as unknown as NodeJS.WritableStream)
    clearInterval(watch)
    await new Promise((r) => slow.end(r))
    expect(result.exitCode).toBe(0)
    expect(written).toBe(20_000_000)
    expect(fs.statSync(capture).size).toBe(20_000_000)
    // At most the stream's high-water mark plus the chunks read before the pipes paused.
    expect(mostQueued).toBeLessThan(2 * 1024 * 1024)
  }, 120_000)
})

describe("pytest-cov's table in a long output", () => {
  it('is found in the last part of the capture file, which is read alone', () => {
    const file = path.join(cwd, 'python-output.txt')
    const table = 'Name    Stmts   Miss  Cover\nTOTAL      10      2    80%\n'
    fs.writeFileSync(file, `${'x'.repeat(3000)}\npartial line ${'y'.repeat(500)}\n---------- coverage: platform linux ----------\n${table}`)
    const text = lastPart(file, 300)
    expect(text.startsWith('---------- coverage')).toBe(true)
    expect(text.endsWith(table)).toBe(true)
    expect(lastPart(file, 1_000_000)).toBe(fs.readFileSync(file, 'utf8'))
  })
})
