// python-subprocess: the setting file coverage.py reads after the project's
// config keeps the project's own [run] patch list (as coverage.py itself reads
// it, checked through python3) and adds subprocess; version gate for old coverage.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Findings } from '../../../src/model/findings.js'
import type { Inputs } from '../../../src/model/inputs.js'
import { withSubprocessMeasurement } from '../../../src/run/coverage-subprocess.js'
import { versionAtLeast } from '../../../src/run/versions.js'

function inputsIn(dir: string): Inputs {
  return {
    workingDirectory: dir,
    python: { command: 'python -m pytest --cov=pkg tests', xml: path.join(dir, 'target/coverage/python.xml') }
  } as Inputs
}

/** The patch list coverage.py ends with in `dir`, with COVERAGE_FORCE_CONFIG as given. */
function coveragePatches(dir: string, env: NodeJS.ProcessEnv): string[] {
  const out = execFileSync('python3', ['-c', 'import coverage, json; print(json.dumps(coverage.Coverage().config.patch))'], {
    cwd: dir,
    env,
    encoding: 'utf8'
  })
  return JSON.parse(out)
}

describe('withSubprocessMeasurement', () => {
  it.each([
    ['no config', null, ['subprocess']],
    ['.coveragerc, one name per line', ['.coveragerc', '[run]\npatch =\n    _exit\n    execv\n'], ['_exit', 'execv', 'subprocess']],
    ['setup.cfg', ['setup.cfg', '[coverage:run]\npatch = _exit\n'], ['_exit', 'subprocess']],
    ['pyproject.toml', ['pyproject.toml', '[tool.coverage.run]\npatch = ["execv", "subprocess"]\n'], ['execv', 'subprocess']]
  ])("keeps the project's patch list (%s) and adds subprocess, as coverage.py then reads it", (_name, file, expected) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-subproc-'))
    if (file) fs.writeFileSync(path.join(dir, file[0] as string), file[1] as string)
    const env = withSubprocessMeasurement(inputsIn(dir), { PATH: process.env['PATH'] }, new Findings())
    expect(env['COVERAGE_FORCE_CONFIG']).toBe(path.join(dir, 'target/coverage/coverage-subprocess.ini'))
    expect(coveragePatches(dir, { ...process.env, COVERAGE_FORCE_CONFIG: env['COVERAGE_FORCE_CONFIG'] })).toEqual(expected)
  })

  it('leaves a COVERAGE_FORCE_CONFIG already set alone, with one line saying so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-subproc-'))
    const findings = new Findings()
    const env = withSubprocessMeasurement(inputsIn(dir), { COVERAGE_FORCE_CONFIG: '/theirs.ini' }, findings)
    expect(env['COVERAGE_FORCE_CONFIG']).toBe('/theirs.ini')
    expect(findings.advisories).toHaveLength(1)
    expect(fs.existsSync(path.join(dir, 'target/coverage/coverage-subprocess.ini'))).toBe(false)
  })
})

describe('versionAtLeast', () => {
  it('compares coverage.py versions', () => {
    expect(versionAtLeast('7.17.4', [7, 10, 3])).toBe(true)
    expect(versionAtLeast('7.10.3', [7, 10, 3])).toBe(true)
    expect(versionAtLeast('7.10.2', [7, 10, 3])).toBe(false)
    expect(versionAtLeast('7.9', [7, 10, 3])).toBe(false)
    expect(versionAtLeast('8.0', [7, 10, 3])).toBe(true)
    expect(versionAtLeast('7.10.3b1', [7, 10, 3])).toBe(true)
  })
})
