// python-min-lines is judged as coverage.py judges --cov-fail-under: the total
// rounded to the project's [report] precision. A real pytest-cov run measures a
// package at 28/47 statements = 59.57%: pytest prints 60% and passes
// --cov-fail-under=60 at the default precision, and fails it at precision 2.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { example, runAction } from './support/run-action.js'

const project = path.join(example, 'target/e2e-python-gate')

function writeProject(coveragerc: string | null): void {
  fs.rmSync(project, { recursive: true, force: true })
  fs.mkdirSync(path.join(project, 'gatepkg'), { recursive: true })
  fs.mkdirSync(path.join(project, 'tests'))
  // 47 statements: 28 run: the 23 definitions, the list and 4 called bodies; 19 bodies not.
  const run = Array.from({ length: 4 }, (_, i) => `def run_${i}():\n    return ${i}\n`).join('')
  const skip = Array.from({ length: 19 }, (_, i) => `def skip_${i}():\n    return ${i}\n`).join('')
  fs.writeFileSync(path.join(project, 'gatepkg/__init__.py'), `${run}${skip}RUN = [${Array.from({ length: 4 }, (_, i) => `run_${i}`).join(', ')}]\n`)
  fs.writeFileSync(
    path.join(project, 'tests/test_gate.py'),
    'from gatepkg import RUN\n\n\ndef test_some():\n    assert [f() for f in RUN] == list(range(4))\n'
  )
  fs.writeFileSync(path.join(project, 'pytest.ini'), '[pytest]\npythonpath = .\n')
  if (coveragerc !== null) fs.writeFileSync(path.join(project, '.coveragerc'), coveragerc)
}

function pytestFailUnder(): { status: number | null; total: string } {
  const run = spawnSync(
    'python3',
    ['-m', 'pytest', '--cov=gatepkg', '--cov-report=term', '--cov-fail-under=60', 'tests', '-q', '-p', 'no:cacheprovider'],
    {
      cwd: project,
      encoding: 'utf8'
    }
  )
  return { status: run.status, total: /^TOTAL\s.*?(\S+%)\s*$/m.exec(run.stdout)?.[1] ?? '' }
}

const inputs = {
  'working-directory': path.relative(path.resolve('.'), project),
  'rust-enabled': 'false',
  'python-package': 'gatepkg',
  'python-tests': 'tests',
  'python-min-lines': '60',
  'non-blocking': 'false',
  upload: 'false'
}

it('59.57% passes python-min-lines 60 at coverage.py default precision, as pytest --cov-fail-under=60 does', () => {
  writeProject(null)
  const pytest = pytestFailUnder()
  expect(pytest).toEqual({ status: 0, total: '60%' })
  const run = runAction(inputs)
  expect(run.outputs['python-line-coverage']).toBe(String((28 * 100) / 47))
  expect(run.outputs['status']).toBe('passed')
  expect(run.status).toBe(0)
})

it('the same total fails at precision 2 from .coveragerc, as pytest does, and says how coverage.py prints it', () => {
  writeProject('[report]\nprecision = 2\n')
  const pytest = pytestFailUnder()
  expect(pytest.status).not.toBe(0)
  expect(pytest.total).toBe('59.57%')
  const run = runAction(inputs)
  expect(run.outputs['status']).toBe('failed')
  expect(run.status).toBe(1)
  expect(run.stdout).toContain('::error::Python coverage 59.57% (coverage.py prints 59.57%) is below python-min-lines 60%')
  const summary = JSON.parse(fs.readFileSync(path.join(project, 'target/coverage/coverage-summary.json'), 'utf8'))
  expect(summary.suites.python.headline.toolGate).toEqual({ tool: 'coverage.py', precision: 2, printed: '59.57%', source: '.coveragerc' })
  expect(summary.suites.python.threshold).toEqual({ minLines: 60, met: false })
})
