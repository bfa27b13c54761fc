// Which Rust code is measured, end to end with real cargo-llvm-cov on a cargo
// workspace (__fixtures__/projects/rust-workspace: root crate ws_root with a
// default feature `fancy`, members ws_core and ws_extra): the whole workspace
// by default, rust-packages narrowing it, every run started clean, report-side
// flags of rust-command moved to the report, default features left out said.
// Each expected figure is cargo llvm-cov's own, from a fresh run in a target
// directory of its own (`--json --summary-only`, lines count/covered).
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { summarySchemaErrors } from '../../test-support/summary-schema.js'
import { llvm, repo, runAction, type ActionRun } from './support/run-action.js'

const fixture = path.join(repo, '__fixtures__/projects/rust-workspace')
const inputs = { 'working-directory': '__fixtures__/projects/rust-workspace', 'python-enabled': 'false' }

interface Figure {
  covered: number
  total: number
}

/** cargo llvm-cov's line figure of a fresh run (its own empty target directory), with the default command's --no-default-features. */
function freshFigure(args: string[], extraEnv: Record<string, string> = {}): Figure {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-ws-target-'))
  const env: NodeJS.ProcessEnv = { ...process.env, ...llvm, CARGO_TARGET_DIR: target, ...extraEnv }
  if (!('WS_FULL' in extraEnv)) delete env['WS_FULL']
  try {
    const out = execFileSync('cargo', ['llvm-cov', '--no-default-features', '--json', '--summary-only', ...args], {
      cwd: fixture,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    })
    const lines = JSON.parse(out).data[0].totals.lines as { count: number; covered: number }
    return { covered: lines.covered, total: lines.count }
  } finally {
    fs.rmSync(target, { recursive: true, force: true })
  }
}

function summaryJson(): {
  suites: { rust: { headline: Figure; packages?: unknown; commands: Array<{ command: string }> } }
} {
  return JSON.parse(fs.readFileSync(path.join(fixture, 'target/coverage/coverage-summary.json'), 'utf8'))
}

/** The run's Rust figure, as the output and coverage-summary.json give it. */
function figureOf(run: ActionRun): Figure {
  expect(run.status).toBe(0)
  const { covered, total } = summaryJson().suites.rust.headline
  expect(run.outputs['rust-line-coverage']).toBe(String((covered * 100) / total))
  return { covered, total }
}

it('measures a workspace whole, and a second run counts none of the first run’s profiles', () => {
  const whole = freshFigure(['--workspace'])
  const wholeFull = freshFigure(['--workspace'], { WS_FULL: '1' })
  const rootOnly = freshFigure([])
  // The fixture is what the test is about: the root crate alone is not the workspace, WS_FULL reaches more.
  expect(rootOnly.total).toBeLessThan(whole.total)
  expect(wholeFull.covered).toBeGreaterThan(whole.covered)

  // First run: the tests reach more code (WS_FULL), then a second run whose tests reach less.
  const first = runAction(inputs, { WS_FULL: '1' })
  expect(figureOf(first)).toEqual(wholeFull)
  const second = runAction(inputs)
  expect(figureOf(second)).toEqual(whole) // not the union with the first run's profiles

  const json = summaryJson()
  expect(summarySchemaErrors(json)).toEqual([])
  expect(json.suites.rust.packages).toEqual({ names: ['ws_core', 'ws_extra', 'ws_root'], wholeWorkspace: true })
  expect(json.suites.rust.commands.map((c) => c.command)).toEqual([
    // cargo-llvm-cov's own run: it cleans the measured crates and old profiles, tests, and writes the lcov.
    expect.stringMatching(/^cargo llvm-cov --no-default-features --no-fail-fast --workspace --lcov --output-path \S+rust\.lcov$/),
    expect.stringMatching(/^cargo llvm-cov report --workspace --html /),
    expect.stringMatching(/^cargo llvm-cov report --workspace --cobertura /)
  ])
  expect(second.summary).toContain(
    '**Rust packages measured**: <code>ws_core</code>, <code>ws_extra</code>, <code>ws_root</code> (the whole cargo workspace).'
  )
  expect(second.log).toContain('Rust packages measured: ws_core, ws_extra, ws_root (the whole cargo workspace).')
})

it('says which default features --no-default-features leaves out, and its advice keeps them', () => {
  const run = runAction(inputs)
  const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning') && l.includes('Default features left out'))
  expect(warnings).toHaveLength(1)
  expect(warnings[0]).toContain('leaves out the default feature(s) fancy: code behind them is not built, so not measured')
  const advice = /rust-command: `([^`]+)`/.exec(warnings[0] as string)?.[1] as string
  expect(advice).toBe(
    'cargo llvm-cov clean --workspace && cargo llvm-cov --no-report --no-default-features --no-fail-fast --workspace --features fancy'
  )

  const kept = runAction({ ...inputs, 'rust-command': advice })
  expect(kept.stdout).not.toContain('Default features left out')
  expect(figureOf(kept)).toEqual(freshFigure(['--workspace', '--features', 'fancy']))
  // Its own selection (--workspace) is the report's too.
  expect(summaryJson().suites.rust.commands[1]?.command).toMatch(/^cargo llvm-cov report --workspace --lcov /)
})

it('rust-packages narrows the test run and the report alike', () => {
  const run = runAction({ ...inputs, 'rust-packages': 'ws_extra\nws_core' })
  expect(figureOf(run)).toEqual(freshFigure(['--package', 'ws_core', '--package', 'ws_extra']))
  const json = summaryJson()
  expect(json.suites.rust.packages).toEqual({ names: ['ws_core', 'ws_extra'], wholeWorkspace: false })
  // ws_root is left out: its binaries (the report reads every member's) are cleaned too, before the one run.
  expect(json.suites.rust.commands[0]?.command).toBe('cargo llvm-cov clean --workspace')
  expect(json.suites.rust.commands[1]?.command).toMatch(
    /^cargo llvm-cov --no-default-features --no-fail-fast --package ws_core --package ws_extra --lcov --output-path /
  )
  expect(json.suites.rust.commands[2]?.command).toMatch(/^cargo llvm-cov report --package ws_core --package ws_extra --html /)
  expect(run.summary).toContain('**Rust packages measured**: <code>ws_core</code>, <code>ws_extra</code>.')

  const unknown = runAction({ ...inputs, 'rust-packages': 'ws_nope' })
  expect(unknown.stdout).toContain('rust-packages: no package ws_nope in the cargo workspace (its packages: ws_core, ws_extra, ws_root)')
})

it('--ignore-filename-regex in rust-command changes the figure as cargo llvm-cov’s own run does', () => {
  const regex = 'generated\\.rs$'
  const run = runAction({
    ...inputs,
    'rust-command': `cargo llvm-cov clean --workspace && cargo llvm-cov --no-report --no-default-features --no-fail-fast --workspace --ignore-filename-regex '${regex}'`
  })
  const expected = freshFigure(['--workspace', '--ignore-filename-regex', regex])
  expect(expected).not.toEqual(freshFigure(['--workspace']))
  expect(figureOf(run)).toEqual(expected)
  expect(run.log).toContain(
    "rust-command: --ignore-filename-regex 'generated\\.rs$' given to the report commands, where report flags act (cargo llvm-cov --no-report ignores them)."
  )
  expect(fs.readFileSync(path.join(fixture, 'target/coverage/rust.lcov'), 'utf8')).not.toContain('generated.rs')

  const refused = runAction({ ...inputs, 'rust-command': 'cargo llvm-cov --no-report --workspace --fail-under-lines 80' })
  expect(refused.status).not.toBe(0)
  expect(refused.stdout).toContain(
    'Input "rust-command" must not carry --fail-under-lines: cargo llvm-cov --no-report ignores it (it acts only on a report); the action gates with rust-min-lines'
  )
})
