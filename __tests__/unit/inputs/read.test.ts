import * as fs from 'node:fs'
import * as path from 'node:path'
import { readInputs } from '../../../src/inputs/read.js'
import { InputError } from '../../../src/model/errors.js'

const workspace = path.resolve('/tmp/ws-inputs')
const env = { GITHUB_WORKSPACE: workspace }
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''
const base = { 'python-package': 'mixed_demo' }

function errorOf(values: Record<string, string>): string {
  try {
    readInputs(reader({ ...base, ...values }), env)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('no error')
}

describe('readInputs', () => {
  it('fills the documented defaults', () => {
    const inputs = readInputs(reader(base), env)
    expect(inputs.coverageOn).toBe('3.12')
    expect(inputs.nonBlocking).toBe(true)
    expect(inputs.rust.testCommand).toBe('cargo llvm-cov --no-report --no-default-features --no-fail-fast')
    expect(inputs.rust.lcov).toBe(path.join(workspace, 'target/coverage/rust.lcov'))
    expect(inputs.rust.htmlDir).toBe(path.join(workspace, 'target/coverage/html'))
    expect(inputs.python.command).toBe('pytest --cov=mixed_demo --cov-report=term --cov-report=xml:target/coverage/python.xml tests')
    expect(inputs.retentionDays).toBeNull()
    expect(inputs.compressionLevel).toBe(6)
    expect(inputs.rust.minLines).toBeNull()
    expect(inputs.rust.artifactName).toBe('rust-coverage')
    expect(inputs.python.artifactName).toBe('python-coverage')
  })

  it('applies the command prefix and the working directory', () => {
    const inputs = readInputs(
      reader({ ...base, 'command-prefix': 'uv run --group dev --group test', 'working-directory': 'crate', 'python-tests': 'tests/python' }),
      env
    )
    expect(inputs.workingDirectory).toBe(path.join(workspace, 'crate'))
    expect(inputs.rust.testCommand).toBe('uv run --group dev --group test cargo llvm-cov --no-report --no-default-features --no-fail-fast')
    expect(inputs.python.command).toMatch(/^uv run --group dev --group test pytest --cov=mixed_demo .* tests\/python$/)
    expect(inputs.rust.lcov).toBe(path.join(workspace, 'crate/target/coverage/rust.lcov'))
  })

  it('reads thresholds as unrounded numbers', () => {
    const inputs = readInputs(reader({ ...base, 'rust-min-lines': '70', 'python-min-lines': '62.5%' }), env)
    expect(inputs.rust.minLines).toBe(70)
    expect(inputs.python.minLines).toBe(62.5)
  })

  it.each([
    [{ 'retention-days': '0' }, 'Input "retention-days" must be a whole number from 1 to 90, got "0"'],
    [{ 'retention-days': '91' }, 'Input "retention-days" must be a whole number from 1 to 90, got "91"'],
    [{ 'compression-level': '10' }, 'Input "compression-level" must be a whole number from 0 to 9, got "10"'],
    [{ 'non-blocking': 'yes' }, 'Input "non-blocking" must be true or false, got "yes"'],
    [{ 'rust-min-lines': '70 percent' }, 'Input "rust-min-lines" must be a percentage'],
    [{ 'python-min-lines': '101' }, 'Input "python-min-lines" must be a percentage'],
    [{ 'rust-timeout-minutes': '0' }, 'Input "rust-timeout-minutes" must be a number of minutes'],
    [{ 'rust-artifact-name': 'rust/coverage' }, 'Input "rust-artifact-name" is not a valid artifact name: it must not contain "/"'],
    [{ 'python-xml': '../../etc/report.xml' }, 'Input "python-xml" must be a path inside the workspace'],
    [{ 'working-directory': '/elsewhere' }, 'Input "working-directory" must be a path inside the workspace'],
    [{ 'rust-html-dir': 'target/coverage/report' }, 'Input "rust-html-dir" must end in "/html"'],
    [{ 'python-package': '' }, 'Input "python-package" is required for the Python suite'],
    [
      { 'patch-base': '--output=/tmp/x' },
      'Input "patch-base" must be a branch, tag or commit (e.g. origin/main, HEAD~3 or a SHA), got "--output=/tmp/x"'
    ],
    [{ 'patch-base': 'main..feature' }, 'Input "patch-base" must be a branch, tag or commit'],
    [{ 'patch-base': 'main feature' }, 'Input "patch-base" must be a branch, tag or commit'],
    [{ 'min-patch': '-5' }, 'Input "min-patch" must be a percentage'],
    [{ 'patch-coverage': 'auto' }, 'Input "patch-coverage" must be true or false, got "auto"']
  ])('rejects %j with a message naming the input', (values, expected) => {
    expect(errorOf(values)).toContain(expected)
  })

  it('does not need python-package when the Python suite is off or the command is given', () => {
    expect(readInputs(reader({ 'python-enabled': 'false' }), env).python.enabled).toBe(false)
    expect(readInputs(reader({ 'python-command': 'pytest --cov=x' }), env).python.command).toBe('pytest --cov=x')
  })

  it('reads the patch inputs', () => {
    expect(readInputs(reader(base), env).patch).toEqual({ enabled: true, base: '', minPatch: null, annotate: true })
    const inputs = readInputs(reader({ ...base, 'patch-base': ' origin/main ', 'min-patch': '80', 'patch-annotations': 'false' }), env)
    expect(inputs.patch).toEqual({ enabled: true, base: 'origin/main', minPatch: 80, annotate: false })
  })

  it('reads exactly the inputs action.yml declares', () => {
    const declared = [
      ...fs
        .readFileSync('action.yml', 'utf8')
        .split(/^outputs:/m)[0]!
        .matchAll(/^ {2}([a-z][a-z0-9-]*):$/gm)
    ].map((m) => m[1])
    const read = new Set<string>()
    readInputs((name) => (read.add(name), name === 'python-package' ? 'x' : ''), env)
    expect([...read].sort()).toEqual(declared.sort())
  })
})
