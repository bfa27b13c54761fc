// Runs each suite's commands and turns what they wrote into a SuiteResult,
// recording every problem in the findings sink. Reports are removed before the
// commands run, so a stale report from an earlier run is never shown as new.
import * as core from '@actions/core'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { childEnv, commandOk, runCommand, type CommandResult } from './command.js'
import { escapesWorkspace } from '../safety/paths.js'
import { firstLine, type Findings } from '../model/findings.js'
import { shellQuote, type Inputs, type SuiteId } from '../inputs/read.js'
import { pythonHeadline, rustHeadline, formatPercent, type Headline } from '../reports/headline.js'
import { coberturaXml } from '../reports/cobertura-write.js'
import { ReportError, type CoverageReport } from '../reports/model.js'
import { SUITE_LABELS, type SuiteResult } from '../model/suite.js'
import { findLlvmTools } from './toolchain.js'
import { extractCoverageTable } from '../reports/pytest-terminal.js'

export interface SuitePaths {
  /** Files the artifact holds, when they exist. */
  artifactFiles: string[]
}

export function rustCoberturaPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.rust.lcov), 'rust.cobertura.xml')
}
export function rustHtmlZipPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.rust.lcov), 'rust-html.zip')
}
export function pythonOutputPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.python.xml), 'python-output.txt')
}
export function pythonTermPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.python.xml), 'python-coverage.txt')
}

export const relativeToWorkspace = (inputs: Inputs, file: string): string =>
  path.relative(inputs.workspace, file).split(path.sep).join('/') || '.'

export function removeStale(paths: string[]): void {
  for (const p of paths) fs.rmSync(p, { recursive: true, force: true })
}

/** A suite that has not run (yet): disabled, or its phase failed. */
export function emptySuite(inputs: Inputs, suite: SuiteId): SuiteResult {
  const report = suite === 'rust' ? inputs.rust.lcov : inputs.python.xml
  return {
    suite,
    label: SUITE_LABELS[suite],
    enabled: inputs[suite].enabled,
    commands: [],
    durationMs: 0,
    reportPath: relativeToWorkspace(inputs, report),
    minLines: inputs[suite].minLines,
    tools: {}
  }
}

async function runLogged(label: string, command: string, inputs: Inputs, env: NodeJS.ProcessEnv, timeoutMs: number, captureFile?: string): Promise<CommandResult> {
  core.startGroup(`${label}: ${command}`)
  try {
    const result = await runCommand(
      { command, cwd: inputs.workingDirectory, env, timeoutMs: Math.max(timeoutMs, 1), ...(captureFile ? { captureFile } : {}) },
      (chunk) => process.stdout.write(chunk)
    )
    const status = result.timedOut
      ? `timed out after ${(result.durationMs / 1000).toFixed(1)} s; process tree killed`
      : result.spawnError
        ? `could not start: ${result.spawnError}`
        : `exit code ${result.exitCode ?? result.signal} in ${(result.durationMs / 1000).toFixed(1)} s`
    core.info(`${label}: ${status}`)
    return result
  } finally {
    core.endGroup()
  }
}

/** One line describing a failed command, for a finding. */
function failureMessage(label: string, result: CommandResult, timeoutMs: number): string {
  let text: string
  if (result.timedOut) text = `${label} coverage command timed out after ${Math.round(timeoutMs / 60_000 * 10) / 10} min and was killed with its process tree: ${result.command}`
  else if (result.spawnError) text = `${label} coverage command could not start (${result.spawnError}): ${result.command}`
  else text = `${label} coverage command failed with ${result.exitCode !== null ? `exit code ${result.exitCode}` : `signal ${result.signal}`}: ${result.command}`
  return result.hint ? `${text}. ${result.hint}` : text
}

/** Tool missing or killed: running the report commands would only fail the same way. */
const worthReporting = (r: CommandResult): boolean => !r.timedOut && !r.spawnError && !r.hint && r.exitCode !== 127

export async function runRust(inputs: Inputs, findings: Findings): Promise<SuiteResult> {
  const rust = inputs.rust
  const result = emptySuite(inputs, 'rust')
  if (!rust.enabled) return result
  const started = Date.now()
  removeStale([rust.lcov, rust.htmlDir, rustHtmlZipPath(inputs), rustCoberturaPath(inputs)])
  fs.mkdirSync(path.dirname(rust.lcov), { recursive: true })
  const env = childEnv(process.env)
  const llvm = findLlvmTools(env, inputs.workingDirectory)
  if (llvm) {
    core.info(llvm.note)
    Object.assign(env, llvm.env)
  }
  const htmlOutputDir = path.dirname(rust.htmlDir)
  const steps = [
    rust.testCommand,
    `${rust.reportCommand} --lcov --output-path ${shellQuote(rust.lcov)}`,
    `${rust.reportCommand} --html --output-dir ${shellQuote(htmlOutputDir)}`,
    ...(rust.cobertura ? [`${rust.reportCommand} --cobertura --output-path ${shellQuote(rustCoberturaPath(inputs))}`] : [])
  ]
  for (const [index, command] of steps.entries()) {
    const remaining = rust.timeoutMs - (Date.now() - started)
    const commandResult = await runLogged('Rust', command, inputs, env, remaining)
    result.commands.push(commandResult)
    if (!commandOk(commandResult)) {
      findings.add('rust', commandResult.timedOut ? 'timed-out' : 'tool-failed', failureMessage('Rust', commandResult, rust.timeoutMs))
      // A failing test run still leaves profiles: make the reports anyway, unless the tool is missing or was killed.
      if (index > 0 || !worthReporting(commandResult)) break
    }
  }
  result.durationMs = Date.now() - started
  if (result.commands.some(commandOk)) result.tools = rustToolVersions(inputs, env)
  return result
}

/** cargo-llvm-cov's and rustc's versions, for coverage-summary.json (a fraction of a second; empty if they cannot be read). */
function rustToolVersions(inputs: Inputs, env: NodeJS.ProcessEnv): Record<string, string> {
  const prefix = inputs.commandPrefix ? `${inputs.commandPrefix} ` : ''
  const out = spawnSync('bash', ['-c', `${prefix}cargo llvm-cov --version; ${prefix}rustc --version`], { cwd: inputs.workingDirectory, env, encoding: 'utf8', timeout: 20_000 })
  const tools: Record<string, string> = {}
  for (const m of (out.stdout ?? '').matchAll(/^(cargo-llvm-cov|rustc) (\S+)/gm)) tools[m[1] as string] = m[2] as string
  return tools
}

export async function runPython(inputs: Inputs, findings: Findings): Promise<SuiteResult> {
  const python = inputs.python
  const result = emptySuite(inputs, 'python')
  if (!python.enabled) return result
  const started = Date.now()
  removeStale([python.xml, pythonOutputPath(inputs), pythonTermPath(inputs)])
  fs.mkdirSync(path.dirname(python.xml), { recursive: true })
  const commandResult = await runLogged('Python', python.command, inputs, childEnv(process.env), python.timeoutMs, pythonOutputPath(inputs))
  result.commands.push(commandResult)
  if (!commandOk(commandResult)) {
    findings.add('python', commandResult.timedOut ? 'timed-out' : 'tool-failed', failureMessage('Python', commandResult, python.timeoutMs))
  }
  try {
    const table = extractCoverageTable(fs.readFileSync(pythonOutputPath(inputs), 'utf8'))
    if (table) fs.writeFileSync(pythonTermPath(inputs), table)
  } catch {
    // no output file: the command did not start; already a finding
  }
  result.durationMs = Date.now() - started
  return result
}


const anyCommandFailed = (result: SuiteResult): boolean => result.commands.some((c) => !commandOk(c))

/** Parses the suite's report into the result; problems become findings with one clear line. */
export async function readReport(inputs: Inputs, result: SuiteResult, findings: Findings): Promise<void> {
  if (!result.enabled) return
  const file = result.suite === 'rust' ? inputs.rust.lcov : inputs.python.xml
  const shown = result.reportPath
  const commandsFailed = anyCommandFailed(result)
  if (!fs.existsSync(file)) {
    if (!commandsFailed) {
      findings.add(result.suite, 'report-missing', `${result.label} report ${shown} was not written by the coverage command`)
    } else {
      findings.advise(result.suite, `${result.label} report ${shown} was not written (the coverage command failed).`)
    }
    return
  }
  const outside = escapesWorkspace(file, inputs.workspace)
  if (outside) {
    findings.add(result.suite, 'report-unreadable', `${shown}: leads to ${outside}, outside the workspace (a symlink?); not read and not uploaded`)
    return
  }
  let report: CoverageReport
  try {
    // Merged shard reports repeat the same files by design; the reader merges them line by line.
    const options = { root: inputs.workspace, displayName: shown, repeatedFilesExpected: inputs.mode === 'merge' }
    if (result.suite === 'rust') {
      const { parseLcovFile } = await import('../reports/lcov.js')
      report = await parseLcovFile(file, options)
    } else {
      const { parseCoberturaFile } = await import('../reports/cobertura.js')
      report = await parseCoberturaFile(file, options)
    }
  } catch (error) {
    if (error instanceof ReportError) findings.add(result.suite, 'report-unreadable', error.message)
    else findings.internal(result.suite, `reading ${shown}`, error)
    return
  }
  result.report = report
  let headline: Headline | null = result.suite === 'rust' ? rustHeadline(report) : pythonHeadline(report)
  if (headline && inputs.mode === 'merge') {
    headline = { ...headline, basis: `${result.suite === 'rust' ? 'lines' : 'statements'} of all shards, run when any shard ran them` }
  }
  result.headline = headline
  if (report.warnings.length > 0) {
    core.startGroup(`${result.label} report warnings (${report.warnings.length})`)
    for (const warning of report.warnings) core.info(warning)
    core.endGroup()
    findings.advise(result.suite, `${shown}: ${report.warnings.length} problem(s) while reading, e.g. ${firstLine(report.warnings[0] ?? '')}`)
  }
  if (!headline) {
    findings.add(result.suite, 'no-data', `${shown} has no measured lines (0 of 0): nothing was covered or the filters excluded everything`)
    return
  }
  checkSourcePaths(inputs, result, report, findings)
  if (result.suite === 'rust' && inputs.mode === 'merge') writeMergedRustCobertura(inputs, result, report)
  else if (result.suite === 'rust') await checkRustCobertura(inputs, result, findings)
  if (result.minLines !== null && headline.percent < result.minLines) {
    findings.add(
      result.suite,
      'threshold',
      `${result.label} coverage ${formatPercent(headline.percent)} is below ${result.suite}-min-lines ${result.minLines}%`
    )
  }
}

/** In merge mode the Rust Cobertura comes from the merged lcov's line states (cargo-llvm-cov cannot merge shards). */
function writeMergedRustCobertura(inputs: Inputs, result: SuiteResult, report: CoverageReport): void {
  if (!inputs.rust.cobertura) return
  const file = rustCoberturaPath(inputs)
  const note = 'Written by rust-python-coverage from the merged lcov of the shards: a line counts as run when any shard ran it; hits are 1 or 0.'
  fs.writeFileSync(file, coberturaXml(report.files, inputs.workspace, note))
  result.cobertura = relativeToWorkspace(inputs, file)
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
  if (!fs.existsSync(file)) {
    if (!anyCommandFailed(result)) findings.advise('rust', `Rust Cobertura report ${shown} was not written by the report command (rust-cobertura: true).`)
    return
  }
  const { parseCoberturaFile } = await import('../reports/cobertura.js')
  try {
    const report = await parseCoberturaFile(file, { root: inputs.workspace, displayName: shown, keepLineStates: false })
    const lines = report.declared.lines ?? report.totals.lines
    core.info(`Rust Cobertura ${shown}: ${lines.covered}/${lines.total} lines, ${report.files.length} files`)
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

export async function zipRustHtml(inputs: Inputs, result: SuiteResult, findings: Findings): Promise<void> {
  if (!result.enabled) return
  const html = inputs.rust.htmlDir
  if (!fs.existsSync(path.join(html, 'index.html'))) {
    if (!anyCommandFailed(result)) {
      findings.add('rust', 'report-missing', `Rust HTML report ${relativeToWorkspace(inputs, html)}/index.html was not written`)
    }
    return
  }
  const { zipDirectory } = await import('../zip/write.js')
  const zipPath = rustHtmlZipPath(inputs)
  try {
    const zipped = await zipDirectory(html, zipPath, { level: inputs.compressionLevel, root: inputs.workspace })
    for (const skipped of zipped.skipped) findings.advise('rust', `Not zipped: ${skipped.path} (${skipped.reason}).`)
    result.htmlZip = { path: relativeToWorkspace(inputs, zipPath), files: zipped.files, bytes: zipped.bytesOut }
  } catch (error) {
    findings.add('rust', 'report-unreadable', `Could not zip the Rust HTML report ${relativeToWorkspace(inputs, html)}: ${firstLine((error as Error).message)}`)
  }
}

export function artifactFiles(inputs: Inputs, suite: SuiteId): string[] {
  const candidates =
    suite === 'rust'
      ? [inputs.rust.lcov, rustHtmlZipPath(inputs), ...(inputs.rust.cobertura ? [rustCoberturaPath(inputs)] : [])]
      : [inputs.python.xml, pythonTermPath(inputs)]
  // Never upload what lies outside the workspace (a report replaced by a symlink leading out).
  return candidates.filter((f) => fs.existsSync(f) && fs.statSync(f).isFile() && escapesWorkspace(f, inputs.workspace) === null)
}
