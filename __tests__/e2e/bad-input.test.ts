// Bad input, end to end: the bundled action is given a malformed report for one
// suite and a good one for the other. Each case must end in one clear line that
// names the file and the problem (a warning in non-blocking mode), never a stack
// trace, and the other suite's figure, the summary row of each suite and the
// outputs must still be there. The reports are put in place by the suites' own
// commands (copied from files this test writes), as a real tool would.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { realReport } from '../../test-support/fixtures.js'
import { example, repo, runAction, standInInputs, type ActionRun } from './support/run-action.js'

const real = path.join(repo, '__fixtures__/real')
const crafted = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-bad-'))

type Content = string | Buffer

/** Runs the action with these report contents (or a symlink, for `link`), the rest from the real fixtures. */
function runWith(
  name: string,
  reports: { rust?: Content; python?: Content; link?: 'rust' },
  extra: Record<string, string> = {},
  env: Record<string, string> = {}
): ActionRun {
  const dir = `target/e2e-bad/${name}`
  const rust = path.join(crafted, `${name}.lcov`)
  const python = path.join(crafted, `${name}.xml`)
  fs.writeFileSync(rust, reports.rust ?? realReport('rust.lcov'))
  fs.writeFileSync(python, reports.python ?? realReport('python.xml'))
  fs.rmSync(path.join(example, dir), { recursive: true, force: true })
  return runAction({ ...standInInputs(dir, { rust, python, linkRust: reports.link === 'rust' }), ...extra }, env)
}

const shown = (name: string, file: string): string => `examples/mixed-project/target/e2e-bad/${name}/${file}`
const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter((l) => l.startsWith('::warning'))

function expectOtherSuiteIntact(run: ActionRun, other: 'rust' | 'python'): void {
  expect(run.status).toBe(0)
  expect(run.stdout).not.toMatch(/\n\s+at |Unhandled|TypeError|ReferenceError/)
  if (other === 'rust') expect(run.outputs['rust-line-coverage']).toBe(String((186 * 100) / 227))
  else expect(run.outputs['python-line-coverage']).toBe(String((105 * 100) / 126))
  expect(run.summary).toContain('| Rust |')
  expect(run.summary).toContain('| Python |')
}

const llvmLcov = fs.readFileSync(path.join(real, 'rust.lcov'), 'utf8')
const pythonXml = fs.readFileSync(path.join(real, 'python.xml'), 'utf8')

describe.each([
  ['empty', { rust: '' }, 'rust', 'rust.lcov: empty file'],
  ['whitespace', { rust: '\n\n  \n' }, 'rust', 'rust.lcov: empty file (only whitespace)'],
  ['binary', { rust: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]) }, 'rust', 'rust.lcov: binary file, not an lcov report'],
  ['xml-as-lcov', { rust: pythonXml }, 'rust', 'rust.lcov: is XML (Cobertura?), not lcov'],
  ['json-as-lcov', { rust: '{"data":[{"files":[]}],"type":"llvm.coverage.json.export"}' }, 'rust', 'rust.lcov: is JSON (llvm-cov export?), not lcov'],
  ['no-records', { rust: 'TN:\n' }, 'rust', 'rust.lcov: no coverage data (no SF records)'],
  ['lcov-as-xml', { python: llvmLcov }, 'python', 'python.xml: is lcov, not Cobertura XML'],
  [
    'entities',
    { python: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><coverage>&lol2;</coverage>' },
    'python',
    'python.xml: declares XML entities (refused)'
  ],
  ['truncated-xml', { python: pythonXml.slice(0, Math.floor(pythonXml.length / 2)) }, 'python', 'python.xml: is not well-formed XML (line '],
  [
    'not-cobertura',
    { python: '<?xml version="1.0"?><testsuites><testsuite name="x"/></testsuites>' },
    'python',
    'python.xml: is not a Cobertura report (root element <testsuites>)'
  ],
  [
    'lfs',
    { python: 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 2048\n' },
    'python',
    'python.xml: is a Git LFS pointer, not the report (fetch LFS objects or fix the path)'
  ]
] as const)('%s report', (name, reports, suite, message) => {
  it('is one clear warning naming the file; the other suite is intact', () => {
    const run = runWith(name, reports)
    const file = suite === 'rust' ? 'rust.lcov' : 'python.xml'
    const expected = `::warning::${shown(name, file)}: ${message.slice(file.length + 2)}`
    expect(warnings(run).filter((l) => l.startsWith(expected))).toHaveLength(1)
    expect(run.outputs[`${suite}-line-coverage`]).toBe('')
    expect(run.outputs['status']).toBe('warned')
    expectOtherSuiteIntact(run, suite === 'rust' ? 'python' : 'rust')
  })
})

it('a truncated lcov (no final end_of_record) is a finding: its figure is kept and shown as partial, never judged as whole', () => {
  const run = runWith('truncated-lcov', { rust: 'SF:src/lib.rs\nDA:1,1\nDA:2,0\nLF:2\nLH:1' })
  expect(run.outputs['rust-line-coverage']).toBe('50')
  expect(run.outputs['status']).toBe('warned')
  expect(warnings(run)).toContainEqual(
    expect.stringContaining(
      `${shown('truncated-lcov', 'rust.lcov')} ends inside a section (no end_of_record after the last one): the file was cut short, so its figure covers only what was written`
    )
  )
  expect(run.summary).toMatch(/\| Rust \| \*\*50\.00%\*\* \(1\/2 lines\) · partial \|/)
  expect(warnings(run)).toContainEqual(
    expect.stringContaining(`${shown('truncated-lcov', 'rust.lcov')}:5: the last section has no end_of_record (truncated file?); kept`)
  )
  expectOtherSuiteIntact(run, 'python')
})

it('source paths that match nothing in the checkout get a warning saying so', () => {
  const elsewhere = pythonXml
    .replace(/<source>[^<]*<\/source>/, '<source>/home/runner/work/other/other</source>')
    .replace(/filename="python\//g, 'filename="lib/')
  const run = runWith('unmatched', { python: elsewhere })
  expect(run.outputs['python-line-coverage']).toBe(String((105 * 100) / 126))
  expect(warnings(run)).toContainEqual(
    expect.stringMatching(
      /^::warning::None of the 5 source paths in examples\/mixed-project\/target\/e2e-bad\/unmatched\/python.xml exist in this checkout \(e\.g\. .*lib\/mixed_demo\/__init__\.py\)/
    )
  )
  expectOtherSuiteIntact(run, 'rust')
})

it('a report that is a symlink leading out of the workspace is neither read nor uploaded', () => {
  const run = runWith('symlink', { link: 'rust' })
  expect(warnings(run)).toContainEqual(
    `::warning::${shown('symlink', 'rust.lcov')}: leads to ${fs.realpathSync(path.join(crafted, 'symlink.lcov'))}, outside the workspace (a symlink?); not read and not uploaded (would fail the step with non-blocking: false)`
  )
  expect(run.outputs['rust-line-coverage']).toBe('')
  expectOtherSuiteIntact(run, 'python')
})

it('an internal failure (the summary file cannot be written) is a warning with its message, never a silent success', () => {
  const run = runWith('internal', {}, {}, { GITHUB_STEP_SUMMARY: os.tmpdir() })
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('warned')
  expect(warnings(run)).toContainEqual(
    expect.stringMatching(
      /^::warning::Internal error while writing the job summary: EISDIR.*\(please report this\) \(would fail the step with non-blocking: false\)$/
    )
  )
  expect(run.outputs['rust-line-coverage']).toBe(String((186 * 100) / 227))
  expect(run.outputs['python-line-coverage']).toBe(String((105 * 100) / 126))
  // The log rounds as the summary does; the outputs stay unrounded.
  expect(run.stdout).toContain('Rust: 81.94% (186/227; lines, LF/LH sums')
  expect(run.stdout).toContain('Python: 83.33% (105/126; statements')
  const enforced = runWith('internal', {}, { 'non-blocking': 'false' }, { GITHUB_STEP_SUMMARY: os.tmpdir() })
  expect(enforced.status).toBe(1)
  expect(enforced.stdout).toMatch(/::error::Internal error while writing the job summary: EISDIR/)
})
