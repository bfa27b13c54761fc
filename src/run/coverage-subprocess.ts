// python-subprocess: coverage.py measures the package's code in child Python
// processes too, through its own `[run] patch = subprocess` (coverage 7.10+;
// 7.10.3 is the first that gives the children the options pytest-cov passes,
// such as --cov=<package>). The project's config is not changed: a small file
// beside python.xml holds that one setting, and COVERAGE_FORCE_CONFIG makes
// coverage.py read it after the project's own config (a variable coverage.py
// has read since 7.6 for its benchmarks; undocumented upstream). The children
// write their data next to pytest-cov's, which combines it before reporting.
// Older coverage ignores the setting: the version that wrote the report says so.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Findings } from '../model/findings.js'
import type { Inputs } from '../model/inputs.js'
import type { SuiteResult } from '../model/suite.js'
import type { CoverageReport } from '../reports/model.js'
import { readCoverageSection } from '../reports/coverage-gate.js'
import * as log from '../safety/log.js'
import { versionAtLeast } from './versions.js'

/** The first coverage.py whose subprocess patch carries pytest-cov's options (--cov=) into the children. */
export const SUBPROCESS_MIN_VERSION = [7, 10, 3] as const

export function subprocessConfigPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.python.xml), 'coverage-subprocess.ini')
}

/**
 * The environment of the Python command with subprocess measurement on: the
 * setting written (the project's own `patch` list kept, `subprocess` added)
 * and COVERAGE_FORCE_CONFIG pointing at it. A COVERAGE_FORCE_CONFIG already
 * set is left alone, with one line saying the switch did nothing.
 */
export function withSubprocessMeasurement(inputs: Inputs, env: NodeJS.ProcessEnv, findings: Findings): NodeJS.ProcessEnv {
  if (env['COVERAGE_FORCE_CONFIG']) {
    findings.advise(
      'python',
      'python-subprocess: COVERAGE_FORCE_CONFIG is already set in the environment, so the action left it alone and did not switch on subprocess measurement.'
    )
    return env
  }
  const explicit = /--cov-config[= ](\S+)/.exec(inputs.python.command)?.[1]?.replace(/^['"]|['"]$/g, '') ?? env['COVERAGE_RCFILE']
  const theirs = readCoverageSection(inputs.workingDirectory, 'run', explicit || undefined)?.settings.get('patch') ?? ''
  const patches = theirs
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (!patches.includes('subprocess')) patches.push('subprocess')
  const file = subprocessConfigPath(inputs)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(
    file,
    `# Written by rust-python-coverage (python-subprocess: true), read by coverage.py after the project's config.\n[run]\npatch = ${patches.join(', ')}\n`
  )
  log.info(`python-subprocess: coverage.py measures child Python processes too ([run] patch = ${patches.join(', ')}, through COVERAGE_FORCE_CONFIG)`)
  return { ...env, COVERAGE_FORCE_CONFIG: file }
}

/** With python-subprocess on, a report written by a coverage.py too old for it: one line, and the figure marked partial. */
export function checkSubprocessSupport(inputs: Inputs, result: SuiteResult, report: CoverageReport, findings: Findings): void {
  if (!inputs.python.subprocess || report.producer !== 'coverage.py' || !report.producerVersion) return
  if (versionAtLeast(report.producerVersion, SUBPROCESS_MIN_VERSION)) return
  const min = SUBPROCESS_MIN_VERSION.join('.')
  result.partial = `code run in child processes was not measured (coverage.py ${report.producerVersion})`
  findings.advise(
    'python',
    `python-subprocess: the report was written by coverage.py ${report.producerVersion}, which cannot measure child processes for pytest-cov (needs ${min} or later, [run] patch = subprocess): code run in subprocesses is not counted; install coverage>=${min}.`
  )
}
