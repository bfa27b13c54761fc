// A uv project end to end, with real uv (PyPI), maturin, cargo-llvm-cov and
// pytest-cov: the example's dependency groups (dev: maturin; test: pytest,
// pytest-cov, coverage) locked in its uv.lock, the Python suite run through
// `python-command-prefix: uv run --group dev --group test` while the cargo
// commands run bare (no `uv run` around them), and rust-from-python on: the
// extension is built instrumented by `maturin develop` inside `uv run`, so it
// lands in uv's .venv, the environment the tests then run in.
//
// The example is copied to a folder outside the checkout (uv's .venv and the
// extension must not land in the repository); the copy's target/ is kept
// between runs (dependencies built once), .venv is made afresh by uv.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { copyExample } from '../../test-support/example-copy.js'
import { example, runAction } from './support/run-action.js'

const home = path.join(os.tmpdir(), 'rpc-e2e-uv')
const project = path.join(home, 'project')
const uv = 'uv run --group dev --group test'

/** LF/LH of one source file in an lcov report. */
function fileTotals(lcov: string, file: string): { lf: number; lh: number } {
  const section = lcov.split('end_of_record').find((s) => s.includes(`SF:${path.join(project, file)}\n`)) ?? ''
  return { lf: Number(/^LF:(\d+)/m.exec(section)?.[1] ?? NaN), lh: Number(/^LH:(\d+)/m.exec(section)?.[1] ?? NaN) }
}

/** SSL_CERT_FILE / SSL_CERT_DIR as this machine sets them (uv reads them), or nothing. */
function machineTls(): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const name of ['SSL_CERT_FILE', 'SSL_CERT_DIR']) if (process.env[name]) vars[name] = process.env[name] as string
  return vars
}

/** The version of a distribution installed in uv's environment, from its .dist-info folder. */
function installedVersion(sitePackages: string, name: string): string {
  const info = fs.readdirSync(sitePackages).find((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.dist-info'))
  expect(info).toBeDefined()
  return (info as string).slice(name.length + 1, -'.dist-info'.length)
}

it('runs the Python suite in uv’s environment through python-command-prefix, cargo bare, and measures Rust from the Python tests', () => {
  copyExample(project)
  expect(fs.existsSync(path.join(project, 'uv.lock'))).toBe(true)
  const run = runAction(
    {
      'working-directory': '.',
      'python-command-prefix': uv,
      'rust-from-python': 'auto',
      'python-package': 'mixed_demo',
      'python-tests': 'tests/python'
    },
    {
      GITHUB_WORKSPACE: project,
      CARGO_TERM_COLOR: 'never',
      // pytest -v prints the interpreter it runs on in its header: the proof of whose environment ran the tests.
      PYTEST_ADDOPTS: '-v',
      // No managed Python download: uv takes the machine's interpreter, as setup-python's on a runner.
      UV_PYTHON_DOWNLOADS: 'never',
      UV_NO_PROGRESS: '1',
      // This machine's trust store (a TLS-inspecting proxy): maturin develop asks uv to resolve against PyPI.
      ...machineTls()
    }
  )
  expect(run.stdout).not.toMatch(/::(warning|error)/)
  expect(run.status).toBe(0)

  // cargo runs bare; the build and the tests run through uv.
  expect(run.log).toContain('Rust: cargo llvm-cov show-env --sh')
  expect(run.log).toContain('Rust: cargo llvm-cov clean --workspace')
  expect(run.log).toContain('Rust: cargo test --no-default-features --no-fail-fast')
  expect(run.log).toContain(`Rust: ${uv} maturin develop`)
  expect(run.log).toContain(`Python: ${uv} python -m pytest --cov=mixed_demo`)
  expect(run.log).not.toMatch(/uv run --group dev --group test cargo/)

  // The tests ran on uv's interpreter, with the coverage.py uv.lock pins, and imported the extension maturin put there.
  const venvPython = path.join(project, '.venv/bin/python')
  const output = fs.readFileSync(path.join(project, 'target/coverage/python-output.txt'), 'utf8')
  expect(output).toMatch(
    new RegExp(`^platform linux -- Python \\S+, pytest-\\S+, pluggy-\\S+ -- ${venvPython.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm')
  )
  const lib = path.join(project, '.venv/lib')
  const sitePackages = path.join(lib, fs.readdirSync(lib).find((d) => d.startsWith('python')) as string, 'site-packages')
  const coverageVersion = installedVersion(sitePackages, 'coverage')
  expect(fs.readFileSync(path.join(project, 'uv.lock'), 'utf8')).toContain(`name = "coverage"\nversion = "${coverageVersion}"`)
  const summary = JSON.parse(fs.readFileSync(path.join(project, 'target/coverage/coverage-summary.json'), 'utf8'))
  expect(summary.suites.python.tools['coverage.py']).toBe(coverageVersion)
  expect(fs.existsSync(path.join(sitePackages, 'mixed_demo.pth'))).toBe(true) // maturin develop's editable install
  expect(output).toMatch(/test_native_ngrams\.py::test_char_ngrams PASSED/) // skipped when the extension is not importable

  // Rust: src/ngrams.rs is called by no Rust test; through uv's environment the Python tests reach it.
  const full = fs.readFileSync(path.join(project, 'target/coverage/rust.lcov'), 'utf8')
  const alone = fs.readFileSync(path.join(project, 'target/coverage/rust-tests-only.lcov'), 'utf8')
  expect(fileTotals(alone, 'src/ngrams.rs').lh).toBe(0)
  const ngrams = fileTotals(full, 'src/ngrams.rs')
  expect(ngrams.lh).toBeGreaterThan(0)
  expect(Number(run.outputs['rust-lines-only-python'])).toBeGreaterThanOrEqual(ngrams.lh)
  expect(Number(run.outputs['rust-line-coverage'])).toBeGreaterThan(Number(run.outputs['rust-tests-only-line-coverage']))
  expect(summary.suites.rust.rustFromPython).toMatchObject({ buildCommand: `${uv} maturin develop` })
  expect(fs.readdirSync(project).filter((f) => f.endsWith('.profraw'))).toEqual([])
  // Nothing of it in the repository's example.
  expect(fs.existsSync(path.join(example, '.venv'))).toBe(false)
  console.log(
    `uv: Rust ${Number(run.outputs['rust-line-coverage']).toFixed(2)}% vs Rust tests alone ${Number(run.outputs['rust-tests-only-line-coverage']).toFixed(2)}%, ` +
      `${run.outputs['rust-lines-only-python']} lines only Python; build ${summary.suites.rust.rustFromPython.buildSeconds} s; coverage.py ${coverageVersion} from uv.lock`
  )
})
