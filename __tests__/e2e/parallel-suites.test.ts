// parallel-suites: the Python suite runs beside the Rust suite (its log kept and shown whole after the Rust
// suite's), or after it when off. The stand-in commands leave marks and look for each other's (the order is the
// test, never a duration).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { realReportFile } from '../../test-support/fixtures.js'
import { example, runAction, standInInputs } from './support/run-action.js'

const dir = 'target/e2e-parallel'
const stamps = path.join(example, dir)
const waitFor = (file: string): string => `for i in $(seq 50); do [ -e ${dir}/${file} ] && break; sleep 0.1; done`

function run(parallel: string) {
  fs.rmSync(stamps, { recursive: true, force: true })
  const standIn = standInInputs(dir, { rust: realReportFile('rust.lcov'), python: realReportFile('python.xml') })
  const result = runAction({
    ...standIn,
    'parallel-suites': parallel,
    // Each waits (at most 5 s) for the other: side by side, the Python command sees the Rust one started and not
    // ended, and the Rust one ends after the Python one said so; one after the other, the Rust one waits in vain.
    'rust-command': `mkdir -p ${dir} && touch ${dir}/rust-started && ${waitFor('python-said')} && ${standIn['rust-command']} && touch ${dir}/rust-ended`,
    'python-command': `mkdir -p ${dir} && ${waitFor('rust-started')} && echo "saw:$(for f in rust-started rust-ended; do [ -e ${dir}/$f ] && printf ' %s' $f; done)" && touch ${dir}/python-said && echo 'the Python tests talk' && ${standIn['python-command']}`,
    'summary-json': `${dir}/coverage-summary.json`
  })
  expect(result.status).toBe(0)
  return result
}

it('runs the Python suite beside the Rust suite, its log whole after the Rust suite’s', () => {
  const result = run('true')
  expect(result.stdout).toContain("parallel-suites: the Python suite runs beside the Rust suite; its log follows the Rust suite's.")
  // When the Python command started, the Rust one had started and not ended.
  const group = result.stdout.slice(result.stdout.indexOf('::group::Python: '))
  expect(group).toMatch(/^::group::Python: [^\n]+\nsaw: rust-started\n/)
  expect(group).toMatch(/the Python tests talk\nPython: exit code 0 in [\d.]+ s\n::endgroup::/)
  expect(result.stdout.indexOf('::group::Python: ')).toBeGreaterThan(result.stdout.lastIndexOf('::group::Rust: '))
  expect(result.outputs['rust-line-coverage']).not.toBe('')
  expect(result.outputs['python-line-coverage']).not.toBe('')
})

it('runs the suites one after the other with parallel-suites: false', () => {
  const result = run('false')
  expect(result.stdout).not.toContain('parallel-suites:')
  // The Rust suite waited for a Python suite that had not started, then ended before it started.
  expect(result.stdout).toMatch(/::group::Python: [^\n]+\nsaw: rust-started rust-ended\n/)
  expect(result.outputs['python-line-coverage']).not.toBe('')
})

it('keeps the Python output outside the project while it runs: a Rust command that removes its folder meanwhile loses nothing', () => {
  fs.rmSync(stamps, { recursive: true, force: true })
  const standIn = standInInputs(dir, { rust: realReportFile('rust.lcov'), python: realReportFile('python.xml') })
  const py = `${dir}/py`
  const result = runAction({
    ...standIn,
    'python-xml': `${py}/python.xml`,
    'rust-command': `mkdir -p ${py} && touch ${dir}/rust-started && ${waitFor('python-said')} && rm -rf ${py} && ${standIn['rust-command']} && touch ${dir}/rust-ended`,
    'python-command': `${waitFor('rust-started')} && echo 'the Python tests talk' && touch ${dir}/python-said && ${waitFor('rust-ended')} && mkdir -p ${py} && cp ${realReportFile('python.xml')} ${py}/python.xml`,
    'summary-json': `${dir}/coverage-summary.json`
  })
  expect(result.status).toBe(0)
  expect(result.stdout).toMatch(/::group::Python: [^\n]+\nthe Python tests talk\nPython: exit code 0 in [\d.]+ s\n::endgroup::/)
  expect(fs.readFileSync(path.join(example, py, 'python-output.txt'), 'utf8')).toBe('the Python tests talk\n')
  expect(result.outputs['python-line-coverage']).not.toBe('')
})
