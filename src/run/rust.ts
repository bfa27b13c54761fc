// The Rust suite: the test run under coverage (cargo llvm-cov --no-report),
// then the reports from its profiles (lcov, HTML, Cobertura), all within the
// suite's one time limit.
import * as log from '../safety/log.js'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Inputs } from '../model/inputs.js'
import type { RunState } from '../model/run-state.js'
import type { SuiteResult } from '../model/suite.js'
import { shellQuote } from './shell.js'
import { commandOk } from './command.js'
import { recordFailure, runLogged, worthReporting } from './logged-command.js'
import { readMaturinProject, manifestArgument } from './maturin-project.js'
import { emptySuite, relativeToWorkspace, removeStale, rustCoberturaPath, rustHtmlZipPath } from './suite-files.js'
import { rustCommandEnv } from './toolchain.js'

export async function runRust(run: RunState): Promise<SuiteResult> {
  const { inputs, findings } = run
  const rust = inputs.rust
  const result = emptySuite(inputs, 'rust')
  if (!rust.enabled) return result
  const started = Date.now()
  removeStale([rust.lcov, rust.htmlDir, rustHtmlZipPath(inputs), rustCoberturaPath(inputs)])
  fs.mkdirSync(path.dirname(rust.lcov), { recursive: true })
  const env = rustCommandEnv(run.env, inputs.workingDirectory, log.info)
  const crate = findCrate(run, result)
  if (!crate) return result
  const steps = [rust.testCommand + (rust.customTestCommand ? '' : crate.manifestArg), ...rustReportSteps(inputs, crate.manifestArg)]
  for (const [index, command] of steps.entries()) {
    const remaining = rust.timeoutMs - (Date.now() - started)
    const commandResult = await runLogged('Rust', command, inputs, env, remaining)
    result.commands.push(commandResult)
    if (!commandOk(commandResult)) {
      recordFailure(findings, result, commandResult, rust.timeoutMs)
      // A failing test run still leaves profiles: make the reports anyway, unless the tool is missing or was killed.
      if (index > 0 || !worthReporting(commandResult)) break
    }
  }
  result.durationMs = Date.now() - started
  if (result.commands.some(commandOk)) result.tools = rustToolVersions(inputs, env)
  return result
}

/** The report commands over the profiles: lcov, HTML, and Cobertura when asked for. */
export function rustReportSteps(inputs: Inputs, manifestArg: string): string[] {
  const rust = inputs.rust
  const report = rust.reportCommand + (rust.customReportCommand ? '' : manifestArg)
  return [
    `${report} --lcov --output-path ${shellQuote(rust.lcov)}`,
    `${report} --html --output-dir ${shellQuote(path.dirname(rust.htmlDir))}`,
    ...(rust.cobertura ? [`${report} --cobertura --output-path ${shellQuote(rustCoberturaPath(inputs))}`] : [])
  ]
}

/**
 * The crate the default cargo commands measure (the place maturin builds from):
 * its `--manifest-path` argument ('' for the working directory's Cargo.toml), or
 * null after one finding when there is none (custom commands are not checked).
 */
export function findCrate(run: RunState, result: SuiteResult): { manifestArg: string; manifestPath: string | null } | null {
  const { inputs } = run
  if (inputs.rust.customTestCommand && inputs.rust.customReportCommand) return { manifestArg: '', manifestPath: null }
  const project = readMaturinProject(inputs.workingDirectory)
  if (project.manifestPath === null) {
    const shown = relativeToWorkspace(inputs, inputs.workingDirectory)
    const where = project.manifestSetting !== null ? ' ([tool.maturin] manifest-path in pyproject.toml)' : ''
    const message = `No Cargo.toml for the Rust suite in "${shown}": looked for ${project.tried.join(', ')}${where}. Set working-directory to the project's folder, or [tool.maturin] manifest-path.`
    run.findings.add('rust', 'tool-failed', message)
    // Recorded as a command that could not start, so the missing report is not a second finding.
    result.commands.push({
      command: inputs.rust.testCommand,
      exitCode: null,
      signal: null,
      timedOut: false,
      durationMs: 0,
      spawnError: 'no Cargo.toml'
    })
    return null
  }
  return { manifestArg: manifestArgument(inputs.workingDirectory, project.manifestPath, shellQuote), manifestPath: project.manifestPath }
}

/** cargo-llvm-cov's and rustc's versions, for coverage-summary.json (a fraction of a second; empty if they cannot be read). */
export function rustToolVersions(inputs: Inputs, env: NodeJS.ProcessEnv): Record<string, string> {
  const prefix = inputs.rust.commandPrefix ? `${inputs.rust.commandPrefix} ` : ''
  const out = spawnSync('bash', ['-c', `${prefix}cargo llvm-cov --version; ${prefix}rustc --version`], {
    cwd: inputs.workingDirectory,
    env,
    encoding: 'utf8',
    timeout: 20_000
  })
  const tools: Record<string, string> = {}
  for (const m of (out.stdout ?? '').matchAll(/^(cargo-llvm-cov|rustc) (\S+)/gm)) tools[m[1] as string] = m[2] as string
  return tools
}
