// The read phase: each suite's report parsed into its result with the judged
// figure; a missing or unusable report is one clear finding. Also checks the
// report's source paths against the checkout and the Rust Cobertura extra.
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ReportError } from '../model/errors.js'
import { firstLine, type Findings } from '../model/findings.js'
import type { Inputs } from '../model/inputs.js'
import { suitesOf, type RunState } from '../model/run-state.js'
import type { SuiteResult } from '../model/suite.js'
import { writeMergedRustCobertura } from '../merge/rust-cobertura.js'
import { anyCommandFailed } from '../run/logged-command.js'
import { relativeToWorkspace, reportPath, rustCoberturaPath } from '../run/suite-files.js'
import { judgeThreshold } from '../publish/verdict.js'
import * as log from '../safety/log.js'
import { liesInside, realLocation } from '../safety/workspace-fs.js'
import { readCoverageGate, type CoverageGate } from './coverage-gate.js'
import { formatPercent, pythonHeadline, rustHeadline } from './headline.js'
import { judgePythonScope, judgeWrongPackage } from './python-scope.js'
import { checkSubprocessSupport } from '../run/coverage-subprocess.js'
import type { CoverageReport } from './model.js'

export async function readReports(run: RunState): Promise<void> {
  core.startGroup('Reading coverage reports')
  try {
    for (const suite of suitesOf(run)) {
      await run.findings.guard(suite.suite, `reading the ${suite.label} report`, () => readReport(run.inputs, suite, run.findings))
      judgeThreshold(suite, run.findings)
      if (suite.headline)
        log.info(
          `${suite.label}: ${formatPercent(suite.headline.percent)} (${suite.headline.covered}/${suite.headline.total}; ${suite.headline.basis})`
        )
    }
  } finally {
    core.endGroup()
  }
}

/** Parses the suite's report into the result; problems become findings with one clear line. */
async function readReport(inputs: Inputs, result: SuiteResult, findings: Findings): Promise<void> {
  if (!result.enabled) return
  const file = reportPath(inputs, result.suite)
  const shown = result.reportPath
  // A python-package the tests never import: pytest-cov writes no report and coverage.py says why.
  const judgeWrong = result.suite === 'python' && inputs.mode === 'run'
  if (!fs.existsSync(file)) {
    if (judgeWrong && judgeWrongPackage(inputs, findings)) return
    if (!anyCommandFailed(result)) {
      findings.add(result.suite, 'report-missing', `${result.label} report ${shown} was not written by the coverage command`)
    } else {
      findings.advise(result.suite, `${result.label} report ${shown} was not written (the coverage command failed).`)
    }
    return
  }
  if (!liesInside(file, inputs.workspace)) {
    const outside = realLocation(file)
    findings.add(result.suite, 'report-unreadable', `${shown}: leads to ${outside}, outside the workspace (a symlink?); not read and not uploaded`)
    return
  }
  const kind = notRegularFile(file)
  if (kind) {
    findings.add(result.suite, 'report-unreadable', `${shown} is ${kind}, not a regular file; not read and not uploaded`)
    return
  }
  let report: CoverageReport
  try {
    // Merged shard reports repeat the same files by design; the reader merges them line by line.
    const options = { root: inputs.workspace, displayName: shown, repeatedFilesExpected: inputs.mode === 'merge' }
    if (result.suite === 'rust') {
      const { parseLcovFile } = await import('./lcov.js')
      report = await parseLcovFile(file, options)
    } else {
      const { parseCoberturaFile } = await import('./cobertura.js')
      report = await parseCoberturaFile(file, options)
    }
  } catch (error) {
    if (error instanceof ReportError) findings.add(result.suite, 'report-unreadable', error.message)
    else findings.internal(result.suite, `reading ${shown}`, error)
    return
  }
  result.report = report
  if (report.truncated) {
    // Figures of a report cut short are not judged as whole: kept, shown as partial, and a finding.
    result.partial = 'the report was cut short'
    findings.add(
      result.suite,
      'report-unreadable',
      `${shown} ends inside a section (no end_of_record after the last one): the file was cut short, so its figure covers only what was written`
    )
  }
  let headline = result.suite === 'rust' ? rustHeadline(report) : pythonHeadline(report, coverageGateFor(inputs))
  if (headline && inputs.mode === 'merge') {
    headline = { ...headline, basis: `${result.suite === 'rust' ? 'lines' : 'statements'} of all shards, run when any shard ran them` }
  }
  result.headline = headline
  if (report.warnings.length > 0) {
    core.startGroup(`${result.label} report warnings (${report.warnings.length})`)
    for (const warning of report.warnings) log.info(warning)
    core.endGroup()
    findings.advise(result.suite, `${shown}: ${report.warnings.length} problem(s) while reading, e.g. ${firstLine(report.warnings[0] ?? '')}`)
  }
  if (result.suite === 'python') checkSubprocessSupport(inputs, result, report, findings)
  if (!headline) {
    if (judgeWrong && judgeWrongPackage(inputs, findings)) return
    findings.add(result.suite, 'no-data', `${shown} has no measured lines (0 of 0): nothing was covered or the filters excluded everything`)
    return
  }
  checkSourcePaths(inputs, result, report, findings)
  if (result.suite === 'python' && inputs.mode === 'run') judgePythonScope(inputs, result, report, findings)
  if (result.suite === 'rust' && inputs.mode === 'merge') writeMergedRustCobertura(inputs, result, report)
  else if (result.suite === 'rust') await checkRustCobertura(inputs, result, findings)
}

/** The precision coverage.py gates with in this project: its config file (--cov-config in the command, COVERAGE_RCFILE, or the usual files). */
function coverageGateFor(inputs: Inputs): CoverageGate {
  const explicit = /--cov-config[= ](\S+)/.exec(inputs.python.command)?.[1]?.replace(/^['"]|['"]$/g, '') ?? process.env['COVERAGE_RCFILE']
  const gate = readCoverageGate(inputs.workingDirectory, explicit || undefined)
  if (gate.source)
    core.info(
      `coverage.py's precision: ${gate.precision} (from ${gate.source}); python-min-lines is judged on the total rounded to it, as --cov-fail-under does`
    )
  return gate
}

/**
 * What a report path is when it is no regular file (a FIFO would block the read
 * until some writer opens it, past any deadline; a device never ends), else null.
 */
export function notRegularFile(file: string): string | null {
  const stat = fs.statSync(file)
  if (stat.isFile()) return null
  if (stat.isFIFO()) return 'a named pipe (FIFO)'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isDirectory()) return 'a folder'
  return 'not a regular file'
}

/**
 * The Rust Cobertura report (for GitHub's coverage upload, diff-cover and other
 * tools) is an extra: a problem with it is a warning, never a finding. Its line
 * figure differs from the lcov's by design (cargo-llvm-cov derives it from regions).
 */
async function checkRustCobertura(inputs: Inputs, result: SuiteResult, findings: Findings): Promise<void> {
  if (!inputs.rust.cobertura) return
  const file = rustCoberturaPath(inputs)
  const shown = relativeToWorkspace(inputs, file)
  if (fs.existsSync(file) && !liesInside(file, inputs.workspace)) {
    findings.advise('rust', `${shown}: leads to ${realLocation(file)}, outside the workspace (a symlink?); not read and not uploaded.`)
    return
  }
  if (!fs.existsSync(file)) {
    if (!anyCommandFailed(result))
      findings.advise('rust', `Rust Cobertura report ${shown} was not written by the report command (rust-cobertura: true).`)
    return
  }
  const kind = notRegularFile(file)
  if (kind) {
    findings.advise('rust', `Rust Cobertura report ${shown} is ${kind}, not a regular file; not read.`)
    return
  }
  const { parseCoberturaFile } = await import('./cobertura.js')
  try {
    const report = await parseCoberturaFile(file, { root: inputs.workspace, displayName: shown, keepLineStates: false })
    const lines = report.declared.lines ?? report.totals.lines
    log.info(`Rust Cobertura ${shown}: ${lines.covered}/${lines.total} lines, ${report.files.length} files`)
    result.cobertura = shown
  } catch (error) {
    findings.advise('rust', `Rust Cobertura report ${firstLine((error as Error).message)}`)
  }
}

/** The most common silent failure: a report whose paths point nowhere in this checkout. */
function checkSourcePaths(inputs: Inputs, result: SuiteResult, report: CoverageReport, findings: Findings): void {
  if (report.files.length === 0) return
  const bases = [inputs.workspace, inputs.workingDirectory]
  const missing = report.files.filter((f) => !bases.some((base) => fs.existsSync(path.resolve(base, f.path))))
  if (missing.length === report.files.length) {
    findings.advise(
      result.suite,
      `None of the ${report.files.length} source paths in ${result.reportPath} exist in this checkout (e.g. ${missing[0]?.path}): the report was made elsewhere, or its paths need remapping; per-file figures and links will not match your files.`
    )
  } else if (missing.length > 0) {
    findings.advise(
      result.suite,
      `${missing.length} of ${report.files.length} source paths in ${result.reportPath} do not exist in this checkout (e.g. ${missing[0]?.path}).`
    )
  }
}
