// The HTML and Cobertura reports side by side, with the real cargo-llvm-cov, on
// a copy of the example of this file's own (no other test's run moves or
// cleans its profiles meanwhile; its target/ is kept between runs).
//   1. What they write is what cargo-llvm-cov writes run by hand afterwards,
//      and the raw profiles are back where it keeps them.
//   2. Cancelled while both run: llvm-cov's HTML rendering is held (LLVM_COV
//      is a wrapper that waits at `llvm-cov show`), SIGINT comes while the raw
//      profiles are aside. They must all be back, no folder of the move left,
//      the log's groups never nested, the kept log of the report beside shown
//      once.
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { copyExample } from '../../test-support/example-copy.js'
import { llvm, runAction } from './support/run-action.js'
import { waitForFile } from './support/processes.js'
import { startAction } from './support/start-action.js'

const home = path.join(os.tmpdir(), 'rpc-e2e-reports-side-by-side')
const project = path.join(home, 'project')
const profiles = path.join(project, 'target/llvm-cov-target')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-e2e-reports-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const inputs = (dir: string): Record<string, string> => ({
  'working-directory': '.',
  'python-enabled': 'false',
  'rust-lcov': `${dir}/rust.lcov`,
  'rust-html-dir': `${dir}/html`,
  'summary-json': `${dir}/coverage-summary.json`,
  'patch-coverage': 'false',
  baseline: 'false',
  upload: 'false'
})
const rawProfiles = (): string[] => fs.readdirSync(profiles).filter((f) => f.endsWith('.profraw'))
const asideFolders = (): string[] => fs.readdirSync(profiles).filter((f) => f.startsWith('.profraw-aside-'))
const report = (...args: string[]): string =>
  execFileSync('cargo', ['llvm-cov', 'report', ...args], { cwd: project, env: { ...process.env, ...llvm }, encoding: 'utf8' })

beforeAll(() => copyExample(project))

it('writes what cargo-llvm-cov writes run by hand, and leaves the raw profiles where they were', () => {
  const dir = 'target/side-by-side'
  const run = runAction(inputs(dir), { GITHUB_WORKSPACE: project, CARGO_TERM_COLOR: 'never' })
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('passed')
  expect(run.stdout).toContain('The other Rust reports run side by side, from the profiles the lcov report merged')
  expect(rawProfiles().length).toBeGreaterThanOrEqual(2)
  expect(asideFolders()).toEqual([])
  const again = path.join(project, 'target/by-hand')
  fs.rmSync(again, { recursive: true, force: true })
  fs.mkdirSync(again, { recursive: true })
  report('--cobertura', '--output-path', path.join(again, 'rust.cobertura.xml'))
  report('--html', '--output-dir', again)
  const timeless = (text: string): string => text.replace(/timestamp="\d+"/, '').replace(/Created: [^<]*/g, '')
  // cargo-llvm-cov writes the Cobertura classes in no fixed order: the same lines, in whatever order.
  const lines = (file: string): string[] => timeless(fs.readFileSync(file, 'utf8')).split('\n').sort()
  expect(lines(path.join(project, dir, 'rust.cobertura.xml'))).toEqual(lines(path.join(again, 'rust.cobertura.xml')))
  const pages = (html: string): string[] => (fs.readdirSync(html, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort()
  const html = path.join(project, dir, 'html')
  expect(pages(html)).toEqual(pages(path.join(again, 'html')))
  expect(pages(html).length).toBeGreaterThan(3)
  for (const page of pages(html)) {
    expect(timeless(fs.readFileSync(path.join(html, page), 'utf8'))).toBe(timeless(fs.readFileSync(path.join(again, 'html', page), 'utf8')))
  }
})

it('a cancel while the reports run side by side puts every raw profile back, leaves no group open and shows the kept log once', async () => {
  const dir = 'target/side-by-side-cancel'
  const marker = path.join(tmp, 'html-rendering')
  const wrapper = path.join(tmp, 'llvm-cov')
  fs.writeFileSync(wrapper, `#!/bin/sh\nif [ "$1" = show ]; then echo x > ${marker}; exec sleep 600; fi\nexec ${llvm.LLVM_COV} "$@"\n`, {
    mode: 0o755
  })
  const run = startAction(inputs(dir), { GITHUB_WORKSPACE: project, CARGO_TERM_COLOR: 'never', LLVM_COV: wrapper })
  await waitForFile(marker)
  // The Cobertura report beside it ends (its log kept, not shown yet).
  const cobertura = path.join(project, dir, 'rust.cobertura.xml')
  await waitForFile(cobertura)
  while (spawnSync('pgrep', ['-f', `report --cobertura --output-path ${cobertura}`]).status === 0)
    await new Promise((resolve) => setTimeout(resolve, 50))
  // Both reports were under way: the raw profiles are aside.
  expect(rawProfiles()).toEqual([])
  run.child.kill('SIGINT')
  const finished = await run.done
  expect(finished.code).toBe(130)
  expect(finished.outputs['status']).toBe('cancelled')
  expect(rawProfiles().length).toBeGreaterThanOrEqual(2)
  expect(asideFolders()).toEqual([])
  // Groups one after the other, never one inside another.
  const nested: string[] = []
  let open = false
  for (const line of finished.kept) {
    if (line.startsWith('::group::') && open) nested.push(line)
    if (line.startsWith('::group::')) open = true
    else if (line === '::endgroup::') open = false
  }
  expect(nested).toEqual([])
  expect(finished.kept.filter((l) => l.startsWith('::group::Rust: cargo llvm-cov report --cobertura'))).toHaveLength(1)
  // Afterwards cargo-llvm-cov reports from the profiles as if nothing had happened.
  expect(report('--lcov')).toContain('SF:')
}, 180_000)

it('an HTML report killed at the time limit beside a finished Cobertura one is a finding; the lcov figure stays whole', () => {
  const dir = 'target/side-by-side-timeout'
  const wrapper = path.join(tmp, 'llvm-cov-hangs')
  fs.writeFileSync(wrapper, `#!/bin/sh\nif [ "$1" = show ]; then exec sleep 600; fi\nexec ${llvm.LLVM_COV} "$@"\n`, { mode: 0o755 })
  const run = runAction(
    { ...inputs(dir), 'rust-timeout-minutes': '0.75' },
    { GITHUB_WORKSPACE: project, CARGO_TERM_COLOR: 'never', LLVM_COV: wrapper }
  )
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('warned')
  const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'))
  expect(warnings).toEqual([expect.stringMatching(/^::warning::Rust coverage command timed out after 0\.75 min .*: cargo llvm-cov report --html /)])
  expect(warnings[0]).toContain('(the lcov was written before it: the figure is whole, only what this command writes is missing)')
  expect(fs.existsSync(path.join(project, dir, 'rust.cobertura.xml'))).toBe(true)
  expect(Number(run.outputs['rust-line-coverage'])).toBeGreaterThan(0)
  // The Rust row has its figure, not marked partial (a killed test run would be: "· partial").
  expect(run.summary).toMatch(/\| Rust \| \*\*\d+\.\d\d%\*\* \(\d+\/\d+ lines\) \|/)
  expect(run.summary).not.toContain('· partial')
  expect(rawProfiles().length).toBeGreaterThanOrEqual(2)
  expect(asideFolders()).toEqual([])
}, 180_000)

it("a crate that is a member of a cargo workspace rooted above it: side by side in the root's target/, which the run holds", () => {
  // The crate in py/, the cargo workspace's root one folder up (a maturin project inside a larger Rust workspace):
  // cargo-llvm-cov keeps the profiles in <root>/target, which the run locks because cargo names it (cargo metadata),
  // not the crate's own py/target, where no profile is.
  const root = path.join(home, 'member-of-a-workspace')
  const crate = path.join(root, 'py')
  copyExample(crate)
  fs.writeFileSync(path.join(root, 'Cargo.toml'), '[workspace]\nmembers = ["py"]\nresolver = "2"\n')
  fs.copyFileSync(path.join(crate, 'Cargo.lock'), path.join(root, 'Cargo.lock'))
  fs.rmSync(path.join(crate, 'Cargo.lock'))
  // The dependencies as the example's copy built them (times kept, so cargo takes them as built).
  if (!fs.existsSync(path.join(root, 'target')) && fs.existsSync(path.join(project, 'target'))) {
    execFileSync('cp', ['-a', path.join(project, 'target'), path.join(root, 'target')])
  }
  const dir = 'target/coverage'
  const run = runAction({ ...inputs(dir), 'working-directory': 'py' }, { GITHUB_WORKSPACE: root, CARGO_TERM_COLOR: 'never' })
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('passed')
  expect(fs.existsSync(path.join(root, 'target', '.rust-python-coverage.lock'))).toBe(false) // released
  expect(run.stdout).toContain('The other Rust reports run side by side, from the profiles the lcov report merged')
  const rootProfiles = path.join(root, 'target/llvm-cov-target')
  expect(fs.readdirSync(rootProfiles).filter((f) => f.endsWith('.profraw')).length).toBeGreaterThanOrEqual(2)
  expect(fs.readdirSync(rootProfiles).filter((f) => f.startsWith('.profraw-aside-'))).toEqual([])
  const byHand = path.join(root, 'by-hand.cobertura.xml')
  execFileSync('cargo', ['llvm-cov', 'report', '--cobertura', '--output-path', byHand], { cwd: crate, env: { ...process.env, ...llvm } })
  const lines = (file: string): string[] =>
    fs
      .readFileSync(file, 'utf8')
      .replace(/timestamp="\d+"/, '')
      .split('\n')
      .sort()
  expect(lines(path.join(crate, dir, 'rust.cobertura.xml'))).toEqual(lines(byHand))
})
