// Starts the bundled dist/index.js as the runner does (INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) and leaves it running: for
// tests that signal it, run two at once, or feed it more output than a test
// should hold. The log is kept with bounded memory: every workflow-command
// line and every line of our own, plus the last 256 KiB.
import { spawn, type ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseOutputFile } from '../../../src/inputs/output-file.js'
import { repo, runnerEnv } from './run-action.js'
import { runnerInputEnv } from '../../../test-support/action-yml.js'

export interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  /** Workflow-command lines (`::warning::…`) and lines naming a wait or a cancellation. */
  kept: string[]
  /** The last 256 KiB of the log. */
  tail: string
  outputs: Record<string, string>
  summary: string
  /** Peak resident memory of the action's process, in KiB. */
  maxRssKiB: number
}

export interface Started {
  child: ChildProcess
  /** Resolves when the log has a line matching `pattern` (or the action has ended: then false). */
  logs(pattern: RegExp): Promise<boolean>
  done: Promise<Finished>
}

const KEEP = /^::|Waiting for|Cancelled|cancelled/
const TAIL = 256 * 1024

const parseOutputs = (text: string): Record<string, string> => Object.fromEntries(parseOutputFile(text))

export function startAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Started {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-e2e-start-'))
  const outputFile = path.join(tmp, 'output')
  const summaryFile = path.join(tmp, 'summary')
  const rssFile = path.join(tmp, 'maxrss')
  fs.writeFileSync(outputFile, '')
  fs.writeFileSync(summaryFile, '')
  const env = runnerEnv({ outputFile, summaryFile, tmp }, extraEnv)
  // As the runner: action.yml's default for every input the step leaves out.
  Object.assign(env, runnerInputEnv(inputs))
  // The example builds with maturin: rust-from-python's auto would build and install its extension (into the
  // machine's Python, changing what later tests measure). Tests get the plain run unless they ask.
  if (!('rust-from-python' in inputs)) env['INPUT_RUST-FROM-PYTHON'] = 'false'
  // Records the process's peak memory as it exits (however it exits: process.exit runs 'exit' listeners).
  const preload = `import fs from 'node:fs'; process.on('exit', () => fs.writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))`
  const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, path.join(repo, 'dist/index.js')], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const kept: string[] = []
  let tail = ''
  let partial = ''
  let ended = false
  const waiters: Array<{ pattern: RegExp; resolve: (found: boolean) => void }> = []
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8')
    tail = (tail + text).slice(-TAIL)
    const lines = (partial + text).split('\n')
    partial = (lines.pop() ?? '').slice(-4096)
    for (const line of lines) {
      if (!KEEP.test(line)) continue
      const unescaped = line.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
      kept.push(unescaped)
      for (const w of waiters.filter((w) => w.pattern.test(unescaped))) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(true)
      }
    }
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      ended = true
      for (const w of waiters.splice(0)) w.resolve(false)
      resolve({
        code,
        signal,
        kept,
        tail,
        outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
        summary: fs.readFileSync(summaryFile, 'utf8'),
        maxRssKiB: fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN
      })
    })
  })
  const logs = (pattern: RegExp): Promise<boolean> => {
    if (kept.some((line) => pattern.test(line))) return Promise.resolve(true)
    if (ended) return Promise.resolve(false)
    return new Promise((resolve) => waiters.push({ pattern, resolve }))
  }
  return { child, logs, done }
}
