import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readInputs } from '../../../src/inputs/read.js'
import { InputError } from '../../../src/model/errors.js'
import { makeRedactor } from '../../../src/safety/redact.js'
import { declaredInputs, literalDefaults } from '../../../test-support/action-yml.js'

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
  it('names the coverage page after the summary artifact unless told, and takes only .html file names', () => {
    expect(readInputs(reader(base), env).pageName).toBe('coverage-report.html')
    expect(readInputs(reader({ ...base, 'summary-artifact-name': 'coverage-summary-2' }), env).pageName).toBe('coverage-report-2.html')
    expect(readInputs(reader({ ...base, 'summary-artifact-name': 'cov' }), env).pageName).toBe('cov-report.html')
    expect(readInputs(reader({ ...base, 'page-artifact-name': 'page.html' }), env).pageName).toBe('page.html')
    expect(errorOf({ 'page-artifact-name': 'page.htm' })).toContain('Input "page-artifact-name" must be a file name ending in .html')
    expect(errorOf({ 'page-artifact-name': 'a/b.html' })).toContain('Input "page-artifact-name"')
  })

  it('names the zipped HTML report (file and unzipped artifact) after rust-artifact-name unless told; only .zip names', () => {
    const inputs = readInputs(reader(base), env)
    expect(inputs.rust.htmlArtifactName).toBe('rust-coverage-html.zip')
    expect(readInputs(reader({ ...base, 'rust-artifact-name': 'rust-coverage-py313' }), env).rust.htmlArtifactName).toBe(
      'rust-coverage-py313-html.zip'
    )
    expect(readInputs(reader({ ...base, 'rust-html-artifact-name': 'llvm-cov.zip' }), env).rust.htmlArtifactName).toBe('llvm-cov.zip')
    expect(errorOf({ 'rust-html-artifact-name': 'html.tar' })).toContain('Input "rust-html-artifact-name" must be a file name ending in .zip')
    expect(errorOf({ 'rust-html-artifact-name': '.zip' })).toContain('Input "rust-html-artifact-name"')
    expect(errorOf({ 'rust-html-artifact-name': 'a/b.zip' })).toContain('Input "rust-html-artifact-name"')
    // The zip is written beside rust-lcov under that name: it must not be another report's path, nor another artifact's name.
    expect(errorOf({ 'rust-html-artifact-name': 'python.xml.zip', 'rust-lcov': 'target/coverage/python.xml.zip' })).toContain(
      'rust-html-artifact-name'
    )
    expect(errorOf({ 'rust-artifact-name': 'x.zip', 'rust-html-artifact-name': 'x.zip' })).toContain(
      'Input "rust-artifact-name" must differ from "rust-html-artifact-name"'
    )
  })

  it("reads what the runner passes for a step that gives no input (action.yml's defaults) as it reads no input at all", () => {
    // The runner sets INPUT_<NAME> to the declared default of every input left out: a default that differs from the
    // reader's own (e.g. a command written out where the reader generates one) would change every real run. (The
    // token's default is an expression the runner evaluates.)
    const asRunner = readInputs(reader({ ...literalDefaults(), ...base }), env)
    expect(asRunner).toEqual(readInputs(reader(base), env))
    expect(asRunner.rust.customTestCommand).toBe(false)
    expect(asRunner.rust.customReportCommand).toBe(false)
  })

  it('fills the documented defaults', () => {
    const inputs = readInputs(reader(base), env)
    expect(inputs.coverageOn).toBe('3.12')
    expect(inputs.nonBlocking).toBe(true)
    expect(inputs.rust.testCommand).toBe('cargo llvm-cov --no-report --no-default-features --no-fail-fast')
    expect(inputs.rust.lcov).toBe(path.join(workspace, 'target/coverage/rust.lcov'))
    expect(inputs.rust.htmlDir).toBe(path.join(workspace, 'target/coverage/html'))
    expect(inputs.python.command).toBe('python -m pytest --cov=mixed_demo --cov-report=term --cov-report=xml:target/coverage/python.xml tests')
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
    expect(inputs.python.command).toMatch(/^uv run --group dev --group test python -m pytest --cov=mixed_demo .* tests\/python$/)
    expect(inputs.rust.lcov).toBe(path.join(workspace, 'crate/target/coverage/rust.lcov'))
  })

  it('takes a prefix per suite, command-prefix being the default of both', () => {
    const uv = 'uv run --group dev --group test'
    const pythonOnly = readInputs(reader({ ...base, 'python-command-prefix': uv }), env)
    expect(pythonOnly.rust.testCommand).toBe('cargo llvm-cov --no-report --no-default-features --no-fail-fast')
    expect(pythonOnly.rust.reportCommand).toBe('cargo llvm-cov report')
    expect(pythonOnly.rust.commandPrefix).toBe('')
    expect(pythonOnly.python.commandPrefix).toBe(uv)
    expect(pythonOnly.python.command).toMatch(/^uv run --group dev --group test python -m pytest --cov=mixed_demo /)

    const both = readInputs(
      reader({ ...base, 'command-prefix': 'nice -n 5', 'python-command-prefix': uv, 'rust-extension-build-command': 'maturin develop -r' }),
      env
    )
    expect(both.rust.testCommand).toBe('nice -n 5 cargo llvm-cov --no-report --no-default-features --no-fail-fast')
    expect(both.rust.reportCommand).toBe('nice -n 5 cargo llvm-cov report')
    expect(both.python.command).toMatch(/^uv run --group dev --group test python -m pytest /)
    // The extension is installed where the Python tests import it: through their prefix.
    expect(both.rust.extensionBuildCommand).toBe(`${uv} maturin develop -r`)

    const rustOwn = readInputs(reader({ ...base, 'command-prefix': 'uv run', 'rust-command-prefix': 'nice -n 5' }), env)
    expect(rustOwn.rust.testCommand).toMatch(/^nice -n 5 cargo llvm-cov /)
    expect(rustOwn.python.command).toMatch(/^uv run python -m pytest /)
  })

  it('reads rust-packages as cargo package names for the default commands only', () => {
    expect(readInputs(reader(base), env).rust.packages).toEqual([])
    expect(readInputs(reader({ ...base, 'rust-packages': 'ws_core\n  ws-extra ' }), env).rust.packages).toEqual(['ws_core', 'ws-extra'])
    expect(errorOf({ 'rust-packages': 'ws_core; rm -rf /' })).toBe(
      'Input "rust-packages" must be cargo package names (letters, digits, - and _), space- or newline-separated; "ws_core;" is not one, got "ws_core; rm -rf /"'
    )
    expect(errorOf({ 'rust-packages': 'a', 'rust-command': 'cargo llvm-cov --no-report' })).toContain('narrows the default rust-command only')
  })

  it('moves report-side flags of rust-command to the report commands, and refuses the ones that cannot move', () => {
    const inputs = readInputs(
      reader({ ...base, 'command-prefix': 'uv run', 'rust-command': "cargo llvm-cov --no-report --ignore-filename-regex 'gen/'" }),
      env
    )
    expect(inputs.rust.testCommand).toBe('uv run cargo llvm-cov --no-report')
    expect(inputs.rust.reportArgs).toBe(" --ignore-filename-regex 'gen/'")
    expect(inputs.rust.movedFlags).toEqual(["--ignore-filename-regex 'gen/'"])
    expect(errorOf({ 'rust-command': 'cargo llvm-cov --no-report --fail-under-lines 80' })).toBe(
      'Input "rust-command" must not carry --fail-under-lines: cargo llvm-cov --no-report ignores it (it acts only on a report); the action gates with rust-min-lines, got "cargo llvm-cov --no-report --fail-under-lines 80"'
    )
    expect(
      errorOf({ 'rust-command': 'cargo llvm-cov --no-report --ignore-filename-regex x', 'rust-report-command': 'cargo llvm-cov report' })
    ).toContain('give it in rust-report-command (e.g. "cargo llvm-cov report --ignore-filename-regex ...")')
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

  it('infers an empty python-package from the project, and says where from', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-infer-'))
    fs.mkdirSync(path.join(ws, 'src/textkit'), { recursive: true })
    fs.writeFileSync(path.join(ws, 'src/textkit/__init__.py'), '')
    const inputs = readInputs(reader({}), { GITHUB_WORKSPACE: ws })
    expect(inputs.python.package).toBe('textkit')
    expect(inputs.python.packageFrom).toBe('the one package in src/ (src layout)')
    expect(inputs.python.command).toBe('python -m pytest --cov=textkit --cov-report=term --cov-report=xml:target/coverage/python.xml tests')
    // Given: used as it is, nothing inferred.
    expect(readInputs(reader({ 'python-package': 'other' }), { GITHUB_WORKSPACE: ws }).python.packageFrom).toBeNull()
    // Two packages: nothing to infer, the same error as without any.
    fs.mkdirSync(path.join(ws, 'src/second'))
    fs.writeFileSync(path.join(ws, 'src/second/__init__.py'), '')
    expect(() => readInputs(reader({}), { GITHUB_WORKSPACE: ws })).toThrow('Input "python-package" is required for the Python suite')
  })

  it('reads python-subprocess (off unless true)', () => {
    expect(readInputs(reader(base), env).python.subprocess).toBe(false)
    expect(readInputs(reader({ ...base, 'python-subprocess': 'true' }), env).python.subprocess).toBe(true)
    expect(errorOf({ 'python-subprocess': 'yes' })).toBe('Input "python-subprocess" must be true or false, got "yes"')
  })

  it('reads the patch inputs', () => {
    expect(readInputs(reader(base), env).patch).toEqual({ enabled: true, base: '', minPatch: null, annotate: true })
    const inputs = readInputs(reader({ ...base, 'patch-base': ' origin/main ', 'min-patch': '80', 'patch-annotations': 'false' }), env)
    expect(inputs.patch).toEqual({ enabled: true, base: 'origin/main', minPatch: 80, annotate: false })
  })

  it('reads exactly the inputs action.yml declares', () => {
    const read = new Set<string>()
    readInputs((name) => (read.add(name), name === 'python-package' ? 'x' : ''), env)
    expect([...read].sort()).toEqual(declaredInputs())
  })

  it('refuses a working-directory (or a report folder) that leads out of the workspace through a symlink', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-inputs-link-'))
    const ws = path.join(root, 'ws')
    fs.mkdirSync(path.join(ws, 'target'), { recursive: true })
    fs.mkdirSync(path.join(root, 'outside'))
    fs.symlinkSync(path.join(root, 'outside'), path.join(ws, 'escape'))
    fs.symlinkSync(path.join(root, 'outside'), path.join(ws, 'target/coverage'))
    const wsEnv = { GITHUB_WORKSPACE: ws }
    const error = (values: Record<string, string>) => {
      try {
        readInputs(reader({ ...base, 'working-directory': 'proj', ...values }), wsEnv)
      } catch (e) {
        return e instanceof InputError ? e.message : `not an InputError: ${String(e)}`
      }
      return 'no error'
    }
    const outside = fs.realpathSync(path.join(root, 'outside'))
    expect(error({ 'working-directory': 'escape' })).toBe(
      `Input "working-directory" must lead to a place inside the workspace, but it leads to ${outside} (a symlink on the way?), got "escape"`
    )
    expect(error({ 'working-directory': 'escape/sub' })).toContain('Input "working-directory" must lead to a place inside the workspace')
    expect(error({ 'working-directory': '.' })).toBe(
      `Input "rust-html-dir" must lead to a place inside the workspace, but it leads to ${outside}/html (a symlink on the way?), got "target/coverage/html"`
    )
    expect(
      error({
        'working-directory': '.',
        'summary-json': 'escape/coverage-summary.json',
        'rust-html-dir': 'out/html',
        'rust-lcov': 'out/r.lcov',
        'python-xml': 'out/p.xml'
      })
    ).toContain('Input "summary-json" must lead to a place inside the workspace')
    // A final name that is a symlink is fine for the files the action replaces (written by rename, never through the link).
    fs.symlinkSync(path.join(root, 'outside/x'), path.join(ws, 'target/summary.json'))
    expect(
      error({
        'working-directory': '.',
        'summary-json': 'target/summary.json',
        'rust-html-dir': 'out/html',
        'rust-lcov': 'out/r.lcov',
        'python-xml': 'out/p.xml'
      })
    ).toBe('no error')
  })

  it.each([
    [{ 'summary-json': 'target/coverage/rust.lcov' }, 'Input "summary-json" must not name the same file as "rust-lcov" (both are '],
    [{ 'python-xml': 'target/coverage/rust.lcov' }, 'Input "python-xml" must not name the same file as "rust-lcov" (both are '],
    [{ 'python-xml': 'target/./x/../coverage/rust.lcov' }, 'Input "python-xml" must not name the same file as "rust-lcov"'],
    [
      { 'python-xml': 'target/coverage/rust.cobertura.xml' },
      'Input "python-xml" must not name the same file as "rust.cobertura.xml (written beside rust-lcov)"'
    ],
    [{ 'summary-json': 'target/coverage/html/summary.json' }, 'Input "summary-json" must not lie inside "rust-html-dir" ('],
    [{ 'rust-lcov': 'target/coverage/html/rust.lcov' }, 'Input "rust-lcov" must not lie inside "rust-html-dir"'],
    [
      { 'python-artifact-name': 'rust-coverage' },
      'Input "rust-artifact-name" must differ from "python-artifact-name" (each artifact of a run needs its own name), got "rust-coverage"'
    ],
    [
      { 'rust-artifact-name': 'cov', 'python-artifact-name': 'cov', 'summary-artifact-name': 'cov' },
      'Input "rust-artifact-name" must differ from "python-artifact-name"'
    ],
    [{ 'summary-artifact-name': 'python-coverage' }, 'Input "python-artifact-name" must differ from "summary-artifact-name"']
  ])('refuses colliding paths and names %j with one line naming both inputs', (values, expected) => {
    expect(errorOf(values)).toContain(expected)
  })

  it('accepts the same paths and names when the suite using them is off or nothing is uploaded', () => {
    expect(() => readInputs(reader({ ...base, 'rust-enabled': 'false', 'summary-json': 'target/coverage/rust.lcov' }), env)).not.toThrow()
    expect(() => readInputs(reader({ ...base, upload: 'false', 'python-artifact-name': 'rust-coverage' }), env)).not.toThrow()
  })

  it('says there is nothing to measure when both suites are off', () => {
    expect(errorOf({ 'rust-enabled': 'false', 'python-enabled': 'false' })).toBe(
      'Nothing to measure: rust-enabled and python-enabled are false (enable a suite, or leave this step out)'
    )
  })

  it('masks secrets written into command inputs, in the runner log and in all the action writes', () => {
    const out: string[] = []
    const write = process.stdout.write
    process.stdout.write = ((c: string) => (out.push(String(c)), true)) as typeof process.stdout.write
    try {
      readInputs(reader({ ...base, 'command-prefix': 'env UV_TOKEN=tok-9f8e7d6c uv run', 'github-token': 'ghs_tokenvalue0001' }), env)
    } finally {
      process.stdout.write = write
    }
    expect(out.join('')).toContain('::add-mask::tok-9f8e7d6c')
    expect(out.join('')).toContain('::add-mask::ghs_tokenvalue0001')
    expect(makeRedactor({})('prefix was env UV_TOKEN=tok-9f8e7d6c; token tok-9f8e7d6c')).toBe('prefix was env UV_TOKEN=***; token ***')
  })
})
