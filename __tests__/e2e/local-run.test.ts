// The bundled dist/index.js run as a child process with the runner's
// environment (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) on the example
// project, with the real cargo-llvm-cov and pytest-cov. No artifact service
// here: uploads are reported as unavailable, everything else is real.
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { example, llvm, repo, runAction } from './support/run-action.js'

it('skips on another matrix entry with a notice naming the coverage entry', () => {
  const run = runAction({ 'matrix-value': '3.13', 'coverage-on': '3.12', 'python-package': 'mixed_demo' })
  expect(run.status).toBe(0)
  expect(run.outputs).toEqual({ skipped: 'true', status: 'skipped' })
  expect(run.stdout).toContain('::notice title=Coverage skipped::Coverage runs on the matrix entry 3.12; this entry is 3.13, so it skips.')
  expect(run.summary).toBe('')
})

it('warns on every entry when the matrix value and coverage-on differ only as YAML writes them (3.1 and "3.10")', () => {
  const run = runAction({ 'matrix-value': '3.1', 'coverage-on': '3.10', 'python-package': 'mixed_demo' })
  expect(run.status).toBe(0)
  expect(run.outputs).toEqual({ skipped: 'true', status: 'skipped' })
  expect(run.stdout).toMatch(
    /^::warning title=Coverage skipped::Coverage runs on the matrix entry 3\.10; this entry is 3\.1, so it skips\. .*Quote Python versions/m
  )
})

it("runs both suites for real and reports the tools' own figures", () => {
  const run = runAction({
    'matrix-value': '3.12',
    'working-directory': 'examples/mixed-project',
    'rust-lcov': 'target/e2e-local/rust.lcov',
    'rust-html-dir': 'target/e2e-local/html',
    'python-xml': 'target/e2e-local/python.xml',
    'python-package': 'mixed_demo',
    'python-tests': 'tests/python',
    'rust-min-lines': '70',
    'python-min-lines': '60'
  })
  expect(run.stdout).not.toMatch(/::(warning|error)/)
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('passed')
  const table = execFileSync('cargo', ['llvm-cov', 'report'], { cwd: example, env: { ...process.env, ...llvm }, encoding: 'utf8' })
  const total =
    table
      .split('\n')
      .find((l) => l.startsWith('TOTAL'))
      ?.trim()
      .split(/\s+/) ?? []
  const rust = Number(run.outputs['rust-line-coverage'])
  expect(rust).toBeCloseTo(((Number(total[7]) - Number(total[8])) * 100) / Number(total[7]), 10)
  expect(`${rust.toFixed(2)}%`).toBe(total[9])
  const json = path.join(example, 'target/e2e-local/python.json')
  execFileSync('python3', ['-m', 'coverage', 'json', '-q', '-o', json], { cwd: example })
  expect(Number(run.outputs['python-line-coverage'])).toBeCloseTo(JSON.parse(fs.readFileSync(json, 'utf8')).totals.percent_covered, 10)
  expect(fs.existsSync(path.join(example, 'target/e2e-local/rust-coverage-html.zip'))).toBe(true)
  // Cobertura for Rust from the same profiles, readable by other tools (it counts lines from regions, so its figure differs).
  expect(run.outputs['rust-cobertura']).toBe('examples/mixed-project/target/e2e-local/rust.cobertura.xml')
  const cobertura = fs.readFileSync(path.join(example, 'target/e2e-local/rust.cobertura.xml'), 'utf8')
  expect(cobertura).toMatch(/<coverage [^>]*lines-valid="\d+"/)
  expect(cobertura).toContain('filename="src/stats.rs"')
  // The HTML and Cobertura reports ran side by side (reports-side-by-side.test.ts checks them on a copy of its own).
  expect(run.stdout).toContain('The other Rust reports run side by side, from the profiles the lcov report merged')
  expect(fs.readFileSync(path.join(example, 'target/e2e-local/python-coverage.txt'), 'utf8')).toMatch(/^TOTAL\s/m)
  expect(run.summary).toMatch(/\| Rust \| \*\*\d+\.\d\d%\*\* \(\d+\/\d+ lines\) \| ≥ 70% \| ✅ passed \|/)
  expect(run.summary).toMatch(/\| Python \| \*\*83\.33%\*\* \(105\/126 statements; coverage\.py prints 83%\) \| ≥ 60% \| ✅ passed \|/)
})

it('a threshold miss warns in non-blocking mode and fails when enforced, after writing outputs and summary', () => {
  const base = {
    'working-directory': 'examples/mixed-project',
    'rust-enabled': 'false',
    'python-xml': 'target/e2e-gate/python.xml',
    'python-package': 'mixed_demo',
    'python-tests': 'tests/python',
    'python-min-lines': '99'
  }
  const warned = runAction(base)
  expect(warned.status).toBe(0)
  expect(warned.outputs['status']).toBe('warned')
  expect(warned.stdout).toContain(
    '::warning::Python coverage 83.33% (coverage.py prints 83%) is below python-min-lines 99% (would fail the step with non-blocking: false)'
  )
  const failed = runAction({ ...base, 'non-blocking': 'false' })
  expect(failed.status).toBe(1)
  expect(failed.outputs['status']).toBe('failed')
  expect(failed.outputs['python-line-coverage']).toBe('83.33333333333333')
  expect(failed.stdout).toContain('::error::Python coverage 83.33% (coverage.py prints 83%) is below python-min-lines 99%')
  expect(failed.summary).toContain('❌ Coverage failed.')
})

it('a failing command and a missing report are findings; the other suite still reports', () => {
  const run = runAction({
    'working-directory': 'examples/mixed-project',
    'rust-command': 'exit 101',
    'rust-lcov': 'target/e2e-fail/rust.lcov',
    'rust-html-dir': 'target/e2e-fail/html',
    'python-xml': 'target/e2e-fail/python.xml',
    'python-package': 'mixed_demo',
    'python-tests': 'tests/python'
  })
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('warned')
  expect(run.stdout).toContain('::warning::Rust coverage command failed with exit code 101: exit 101 (would fail the step with non-blocking: false)')
  expect(run.outputs['python-line-coverage']).toBe('83.33333333333333')
  expect(run.summary).toContain('| Rust |')
})

it('a report the command did not write is a finding naming the file; the other suite still reports', () => {
  const run = runAction({
    'working-directory': 'examples/mixed-project',
    'rust-lcov': 'target/e2e-missing/rust.lcov',
    'rust-html-dir': 'target/e2e-missing/html',
    'python-command': 'echo "ran, wrote nothing"',
    'python-xml': 'target/e2e-missing/python.xml'
  })
  expect(run.status).toBe(0)
  expect(run.stdout).toContain(
    '::warning::Python report examples/mixed-project/target/e2e-missing/python.xml was not written by the coverage command (would fail the step with non-blocking: false)'
  )
  expect(run.outputs['python-line-coverage']).toBe('')
  // 70.99% (186/262): src/ngrams.rs is run only from Python, so the Rust tests alone leave it out.
  expect(Number(run.outputs['rust-line-coverage'])).toBeGreaterThan(70)
  expect(run.summary).toContain('| Python | no data | none | ⚠️ report missing (would fail) |')
})

it('an unreadable report (Git LFS pointer) is one clear line, and the other suite still reports', () => {
  const run = runAction({
    'working-directory': 'examples/mixed-project',
    'rust-enabled': 'false',
    'python-command':
      'mkdir -p target/e2e-lfs && printf "version https://git-lfs.github.com/spec/v1\\noid sha256:0\\nsize 1\\n" > target/e2e-lfs/python.xml',
    'python-xml': 'target/e2e-lfs/python.xml',
    'non-blocking': 'false'
  })
  expect(run.status).toBe(1)
  expect(run.stdout).toContain(
    '::error::examples/mixed-project/target/e2e-lfs/python.xml: is a Git LFS pointer, not the report (fetch LFS objects or fix the path)'
  )
  expect(run.stdout).not.toMatch(/\n\s+at /)
})

describe("a run from a developer's machine (outside GitHub Actions)", () => {
  /** The environment of a terminal: no GITHUB_* or RUNNER_* variables at all. */
  const terminalEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env['PATH'], HOME: process.env['HOME'], ...llvm })
  // The plain run (rust-from-python would build and install the example's extension; rust-from-python.test.ts tests it).
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [path.join(repo, 'dist/index.js'), '--rust-from-python', 'false', ...args], {
      cwd: example,
      env: terminalEnv(),
      encoding: 'utf8',
      timeout: 300_000
    })

  it('takes inputs as flags, prints plain lines, the summary and the outputs, and keeps the reports under target/', () => {
    const run = cli([
      '--python-package',
      'mixed_demo',
      '--python-tests=tests/python',
      '--rust-lcov',
      'target/e2e-cli/rust.lcov',
      '--rust-html-dir',
      'target/e2e-cli/html',
      '--python-xml',
      'target/e2e-cli/python.xml',
      '--rust-min-lines',
      '99'
    ])
    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(/^::/m)
    expect(run.stdout).toMatch(
      /\n── Rust: cargo llvm-cov --no-default-features --no-fail-fast --lcov --output-path \S+\/target\/e2e-cli\/rust\.lcov\n/
    )
    // The suites ran side by side; the Python suite's log, kept while it ran, comes whole after the Rust suite's.
    expect(run.stdout).toContain("parallel-suites: the Python suite runs beside the Rust suite; its log follows the Rust suite's.")
    const pythonGroup = run.stdout.slice(run.stdout.indexOf('\n── Python: python -m pytest'))
    expect(run.stdout.lastIndexOf('\n── Rust: ')).toBeLessThan(run.stdout.indexOf('\n── Python: '))
    expect(pythonGroup).toMatch(/test session starts[\s\S]*TOTAL[\s\S]*10 passed, 1 skipped[\s\S]*\nPython: exit code 0 in /)
    expect(run.stdout).toMatch(/^warning: Rust coverage \d+\.\d\d% is below rust-min-lines 99% \(would fail the step with non-blocking: false\)$/m)
    expect(run.stdout).toContain('## Coverage\n')
    expect(run.stdout).toMatch(/^\| Python \| \*\*83\.33%\*\* \(105\/126 statements; coverage\.py prints 83%\) \| none \| ✅ passed \|/m)
    expect(run.stdout).toMatch(/^Outputs:\n(?: {2}.*\n)* {2}python-line-coverage +83\.33333333333333\n/m)
    for (const file of ['rust.lcov', 'rust.cobertura.xml', 'rust-coverage-html.zip', 'python.xml', 'python-coverage.txt']) {
      expect(fs.existsSync(path.join(example, 'target/e2e-cli', file))).toBe(true)
    }
  })

  it('fails with exit code 1 when enforced, and explains bad flags and inputs in one line', () => {
    const enforced = cli([
      '--python-package',
      'mixed_demo',
      '--python-tests',
      'tests/python',
      '--rust-enabled',
      'false',
      '--python-xml',
      'target/e2e-cli/enforced.xml',
      '--python-min-lines',
      '99',
      '--non-blocking',
      'false'
    ])
    expect(enforced.status).toBe(1)
    expect(enforced.stdout).toMatch(/^error: Python coverage 83\.33% \(coverage\.py prints 83%\) is below python-min-lines 99%$/m)
    const help = cli(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: node dist\/index\.js/)
    const stray = cli(['mixed_demo'])
    expect(stray.status).toBe(2)
    expect(stray.stdout).toMatch(/^Unexpected argument "mixed_demo": inputs are given as --<input> <value>/)
    const bad = cli(['--python-package', 'mixed_demo', '--retention-days', '120'])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toBe('error: Input "retention-days" must be a whole number from 1 to 90, got "120"\n\nOutputs:\n  status  failed\n')
  })
})

describe("the example Justfile's coverage recipes (run as `just` would: variables and flags substituted)", () => {
  const justfile = fs.readFileSync(path.join(example, 'Justfile'), 'utf8')
  const variable = (name: string) => new RegExp(`^${name} := "(.*)"$`, 'm').exec(justfile)?.[1] ?? ''
  const recipe = (name: string, flags: string): string => {
    const body = new RegExp(`^${name} \\*FLAGS:\\n((?:    .*\\n)+)`, 'm').exec(justfile)?.[1] ?? ''
    return body.trim().replaceAll('{{ACTION}}', variable('ACTION')).replaceAll('{{FLAGS}}', flags)
  }
  const sh = (command: string) =>
    spawnSync('bash', ['-c', command], {
      cwd: example,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...llvm },
      encoding: 'utf8',
      timeout: 300_000
    })

  it.each([
    ['coverage-rust', 'Rust', ['rust.lcov', 'rust.cobertura.xml', 'rust-coverage-html.zip', 'coverage-summary.json']],
    ['coverage-python', 'Python', ['python.xml', 'python-coverage.txt', 'coverage-summary.json']]
  ])('%s runs the pipeline for one suite and leaves its reports under target/', (name, label, files) => {
    const dir = `target/e2e-just/${name}`
    const flags = `--rust-lcov ${dir}/rust.lcov --rust-html-dir ${dir}/html --python-xml ${dir}/python.xml --summary-json ${dir}/coverage-summary.json`
    const run = sh(recipe(name, flags))
    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(/^(warning|error):/m)
    expect(run.stdout).toMatch(new RegExp(`^\\| ${label} \\| \\*\\*\\d+\\.\\d\\d%\\*\\* \\(\\d+/\\d+ [^)]*\\) \\| ≥ \\d+% \\| ✅ passed \\|`, 'm'))
    expect(run.stdout).toMatch(new RegExp(`^\\| ${label === 'Rust' ? 'Python' : 'Rust'} \\| – \\| – \\| disabled \\|`, 'm'))
    for (const file of files) expect(fs.existsSync(path.join(example, dir, file))).toBe(true)
  })
})
