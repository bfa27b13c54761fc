import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Inputs } from '../../../src/model/inputs.js'
import type { RunState } from '../../../src/model/run-state.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import { createRunState } from '../../../src/pipeline.js'
import { coveragePagePath, writeAtomically, writeCoveragePage } from '../../../src/page/write.js'
import { LINE_HIT, LINE_MISSED } from '../../../src/reports/model.js'

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-page-write-'))
const outputFile = path.join(top, 'github-output')
const savedOutput = process.env.GITHUB_OUTPUT
beforeAll(() => (process.env.GITHUB_OUTPUT = outputFile))
afterAll(() => {
  if (savedOutput === undefined) delete process.env.GITHUB_OUTPUT
  else process.env.GITHUB_OUTPUT = savedOutput
  fs.rmSync(top, { recursive: true, force: true })
})

function runIn(workspace: string, env: NodeJS.ProcessEnv = {}): RunState {
  const inputs = {
    workspace,
    workingDirectory: workspace,
    summaryJson: path.join(workspace, 'target/coverage/coverage-summary.json')
  } as unknown as Inputs
  const suite = (id: 'rust' | 'python', label: string, over: Partial<SuiteResult> = {}): SuiteResult => ({
    suite: id,
    label,
    enabled: true,
    commands: [],
    durationMs: 0,
    reportPath: `target/coverage/${id}`,
    minLines: null,
    tools: {},
    ...over
  })
  const lib = {
    path: 'src/lib.rs',
    lines: { covered: 1, total: 2 },
    branches: { covered: 0, total: 0 },
    functions: { covered: 0, total: 0 },
    lineStates: Uint8Array.from([0, LINE_HIT, LINE_MISSED])
  }
  return createRunState(inputs, env, {
    redact: (text) => text.split('ghs_secret_value').join('***'),
    rust: suite('rust', 'Rust', {
      headline: { percent: 50, covered: 1, total: 2, unit: 'lines', basis: 'lines' },
      report: {
        format: 'lcov',
        source: 'rust.lcov',
        files: [lib],
        totals: { lines: lib.lines, branches: lib.branches, functions: lib.functions },
        declared: {},
        warnings: []
      }
    }),
    python: suite('python', 'Python', { enabled: false })
  })
}

function workspace(name: string): string {
  const ws = path.join(top, name)
  fs.mkdirSync(path.join(ws, 'src'), { recursive: true })
  fs.writeFileSync(path.join(ws, 'src/lib.rs'), 'fn run() {}\nfn never() {} // ghs_secret_value\n')
  return ws
}

describe('writeCoveragePage', () => {
  it('writes coverage-report.html beside coverage-summary.json and sets the coverage-page output', async () => {
    const ws = workspace('plain')
    fs.writeFileSync(outputFile, '')
    const run = runIn(ws, { GITHUB_REPOSITORY: 'octo/proj', GITHUB_SHA: '0123456789abcdef0123' })
    await writeCoveragePage(run)
    const file = path.join(ws, 'target/coverage/coverage-report.html')
    expect(coveragePagePath(run.inputs.summaryJson)).toBe(file)
    const html = fs.readFileSync(file, 'utf8')
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<title>Coverage of octo/proj</title>')
    expect(html).toContain('Commit 0123456789ab')
    expect(html).toContain('<tr id="f0-2" class="m"><td><a href="#f0-2">2</a><td>fn never() {} // ***')
    expect(html).not.toContain('ghs_secret_value')
    expect(fs.readFileSync(outputFile, 'utf8')).toMatch(/^coverage-page<<.*\ntarget\/coverage\/coverage-report\.html\n/m)
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(run.findings.findings).toEqual([])
  })

  it('refuses to write through a symlink at the page path', async () => {
    const ws = workspace('linked')
    const target = path.join(top, 'elsewhere.html')
    fs.writeFileSync(target, 'untouched')
    fs.mkdirSync(path.join(ws, 'target/coverage'), { recursive: true })
    fs.symlinkSync(target, path.join(ws, 'target/coverage/coverage-report.html'))
    const run = runIn(ws)
    await writeCoveragePage(run)
    expect(fs.readFileSync(target, 'utf8')).toBe('untouched')
    expect(run.findings.advisories.map((a) => a.message)).toEqual([
      'The coverage page was not written: target/coverage/coverage-report.html is a symlink.'
    ])
  })

  it('refuses a report folder that leads outside the workspace', async () => {
    const ws = workspace('folder-out')
    const away = fs.mkdtempSync(path.join(top, 'away-'))
    fs.mkdirSync(path.join(ws, 'target'), { recursive: true })
    fs.symlinkSync(away, path.join(ws, 'target/coverage'))
    const run = runIn(ws)
    await writeCoveragePage(run)
    expect(fs.readdirSync(away)).toEqual([])
    expect(run.findings.advisories[0]?.message).toMatch(/^The coverage page was not written: target\/coverage leads to .*, outside the workspace\.$/)
  })
})

describe('writeAtomically', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const dir = fs.mkdtempSync(path.join(top, 'atomic-'))
    const file = path.join(dir, 'page.html')
    fs.writeFileSync(file, 'old')
    expect(writeAtomically(file, ['<p>', 'é', '</p>'])).toBe(9)
    expect(fs.readFileSync(file, 'utf8')).toBe('<p>é</p>')
    expect(fs.readdirSync(dir)).toEqual(['page.html'])
  })
})
