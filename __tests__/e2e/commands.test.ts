// The suites' commands, end to end: a missing tool gets an install hint, and
// secrets never reach what the action writes (annotations, summary) nor the
// commands themselves (the runtime token). The timeout that kills a whole
// process tree is tested in __tests__/unit/command.test.ts.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runAction } from './support/run-action.js'

const annotations = (stdout: string): string[] => stdout.split('\n').filter((l) => /^::(warning|error)/.test(l))

it('cargo-llvm-cov not installed: the finding carries the install hint, Python still reports', () => {
  // A PATH with cargo and rustc but not cargo-llvm-cov, and an empty CARGO_HOME: cargo says "no such command".
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-bin-'))
  for (const tool of ['cargo', 'rustc']) fs.symlinkSync(execFileSync('which', [tool], { encoding: 'utf8' }).trim(), path.join(bin, tool))
  const python = path.dirname(execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim())
  const run = runAction(
    {
      'working-directory': 'examples/mixed-project',
      'rust-lcov': 'target/e2e-hint/rust.lcov',
      'rust-html-dir': 'target/e2e-hint/html',
      'python-xml': 'target/e2e-hint/python.xml',
      'python-package': 'mixed_demo',
      'python-tests': 'tests/python'
    },
    {
      PATH: `${bin}:${python}:/usr/bin:/bin`,
      CARGO_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-cargo-')),
      RUSTUP_HOME: process.env['RUSTUP_HOME'] || path.join(os.homedir(), '.rustup')
    }
  )
  expect(run.status).toBe(0)
  const rust = annotations(run.stdout).filter((l) => l.includes('Rust coverage command failed'))
  expect(rust).toHaveLength(1)
  expect(rust[0]).toContain(
    'cargo-llvm-cov is not installed: add `taiki-e/install-action@cargo-llvm-cov` before this step, or run `cargo install cargo-llvm-cov --locked`.'
  )
  expect(run.outputs['python-line-coverage']).toBe(String((105 * 100) / 126))
  expect(run.summary).toContain('cargo-llvm-cov is not installed')
})

it('pytest-cov missing: the finding carries the install hint', () => {
  const run = runAction({
    'working-directory': 'examples/mixed-project',
    'rust-enabled': 'false',
    // -p no:pytest_cov leaves pytest exactly as it is without the plugin installed.
    'python-command':
      'python3 -m pytest -p no:pytest_cov -p no:cacheprovider --cov=mixed_demo --cov-report=xml:target/e2e-hint-py/python.xml tests/python',
    'python-xml': 'target/e2e-hint-py/python.xml'
  })
  expect(run.status).toBe(0)
  expect(annotations(run.stdout)).toContainEqual(
    expect.stringContaining('pytest-cov is not installed in the environment pytest runs in: `pip install pytest-cov`')
  )
  // The report is missing because the command failed: said once, as part of the command's finding.
  expect(annotations(run.stdout).filter((l) => l.includes('was not written by the coverage command'))).toEqual([])
})

it('secrets are not echoed in annotations or the summary, and commands never see the runtime token', () => {
  const secret = 'ghp_Fake0123456789abcdefSECRET'
  const runtimeToken = 'eyJhbGciOiJub25lIn0.runtime-token-value.x'
  const run = runAction(
    {
      'working-directory': 'examples/mixed-project',
      'rust-command': `echo "deploying with ${secret}" && exit 4`,
      'rust-lcov': 'target/e2e-secret/rust.lcov',
      'rust-html-dir': 'target/e2e-secret/html',
      'python-command': 'echo "runtime=[$ACTIONS_RUNTIME_TOKEN] inputs=[$INPUT_PYTHON_COMMAND]" && echo "$DEPLOY_TOKEN" && exit 3',
      'python-xml': 'target/e2e-secret/python.xml'
    },
    { DEPLOY_TOKEN: secret, ACTIONS_RUNTIME_TOKEN: runtimeToken, ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' }
  )
  expect(run.status).toBe(0)
  expect(run.stdout).toContain('runtime=[] inputs=[]')
  const written = [...annotations(run.stdout), run.summary].join('\n')
  expect(written).toContain('Rust coverage command failed with exit code 4: echo "deploying with ***" && exit 4')
  expect(written).not.toContain(secret)
  expect(run.stdout).not.toContain(runtimeToken)
  expect(run.summary).not.toContain(runtimeToken)
})
