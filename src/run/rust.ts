// The Rust suite: with the default commands cargo-llvm-cov's one run (what
// earlier runs left removed, the tests under coverage, the lcov report), then
// the HTML and Cobertura reports from its profiles (side by side,
// rust-reports.ts); with commands of one's own,
// the test run (a --no-report run) and every report after it. All within the
// suite's one time limit.
// The test run and the reports measure the same cargo packages (cargo-scope.ts).
import * as log from '../safety/log.js'
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Inputs } from '../model/inputs.js'
import type { RunState } from '../model/run-state.js'
import type { SuiteResult } from '../model/suite.js'
import { shellQuote } from './shell.js'
import { runLaterRustReports, rustReportSteps } from './rust-reports.js'
import { commandOk, shellFor } from './command.js'
import { recordFailure, runLogged, worthReporting } from './logged-command.js'
import { readMaturinProject, manifestArgument } from './maturin-project.js'
import { cargoScope, droppedDefaultFeatures, readCargoWorkspace, type CargoScope } from './cargo-scope.js'
import { emptySuite, relativeToWorkspace, removeStale, rustCoberturaPath, rustHtmlZipPath } from './suite-files.js'
import { rustCommandEnv } from './toolchain.js'

/** What the Rust suite runs, found before any command: the crate, the packages, the environment. */
export interface RustPlan {
  result: SuiteResult
  started: number
  /** Null when there is nothing to run (the suite is off, or a finding said why). */
  ready: { env: NodeJS.ProcessEnv; crate: { manifestArg: string }; scope: CargoScope } | null
}

/**
 * The Rust suite's preparation: its stale files removed, the environment, the crate and the packages (cargo
 * metadata, rustc: synchronous calls, made before the Python suite starts beside it, whose pipes they would
 * otherwise leave unread, and whose cancellation they would hold up).
 */
export function prepareRust(run: RunState): RustPlan {
  const { inputs } = run
  const rust = inputs.rust
  const result = emptySuite(inputs, 'rust')
  const started = Date.now()
  if (!rust.enabled) return { result, started, ready: null }
  removeStale([rust.lcov, rust.htmlDir, rustHtmlZipPath(inputs), rustCoberturaPath(inputs)])
  fs.mkdirSync(path.dirname(rust.lcov), { recursive: true })
  const env = rustCommandEnv(run.env, inputs.workingDirectory, log.info)
  const crate = findCrate(run, result)
  const scope = crate ? measuredScope(run, result, crate, env) : null
  return { result, started, ready: crate && scope ? { env, crate, scope } : null }
}

export async function runRust(run: RunState, plan: RustPlan = prepareRust(run)): Promise<SuiteResult> {
  const { inputs, findings } = run
  const rust = inputs.rust
  const { result, started } = plan
  if (!plan.ready) return result
  const { env, crate, scope } = plan.ready
  const prefix = inputs.rust.commandPrefix ? `${inputs.rust.commandPrefix} ` : ''
  const reports = rustReportSteps(inputs, crate.manifestArg + scope.reportArgs)
  // Nothing of an earlier run (a second local run, a restored target/ cache) counts: its profiles, and its test
  // binaries, which the report would read too (one built with other features or dependencies maps code this run
  // never built, as missed lines). The workspace's own crates are rebuilt; dependencies stay built.
  // With the default commands that is cargo-llvm-cov's own one run: it cleans the measured crates' builds and the
  // old profiles, runs the tests and writes the lcov report (one cargo-llvm-cov start instead of three); the other
  // formats come from its profiles. It cleans only the measured packages, while its report reads every member's
  // binaries: with members left out (rust-packages, a member crate), the whole workspace is cleaned first. A report
  // command of one's own makes every report, after a clean and the tests.
  const oneRun = !rust.customTestCommand && !rust.customReportCommand
  const cleanFirst = !rust.customTestCommand && (!oneRun || scope.othersUnmeasured)
  const clean = cleanFirst ? [`${prefix}cargo llvm-cov clean --workspace${crate.manifestArg}`] : []
  const test = oneRun
    ? `${rust.testCommand.replace(/ --no-report(?= |$)/, '')}${crate.manifestArg}${scope.testArgs} --lcov --output-path ${shellQuote(rust.lcov)}`
    : rust.testCommand + (rust.customTestCommand ? '' : crate.manifestArg + scope.testArgs)
  // The lcov comes from the one run, else from the first report; the other reports follow (rust-reports.ts).
  const steps = [...clean, test, ...(oneRun ? [] : reports.slice(0, 1))]
  const tools = rustToolVersions(inputs, env)
  const testIndex = clean.length
  let stopped = false
  let mergedSince = started
  for (let index = 0; index < steps.length; index++) {
    const command = steps[index] as string
    const remaining = rust.timeoutMs - (Date.now() - started)
    mergedSince = Date.now()
    const commandResult = await runLogged('Rust', command, inputs, env, remaining)
    result.commands.push(commandResult)
    if (!commandOk(commandResult)) {
      recordFailure(findings, result, commandResult, rust.timeoutMs)
      // A failing test run still leaves profiles: make the reports anyway, unless the tool is missing or was killed.
      if (index !== testIndex || !worthReporting(commandResult)) {
        stopped = true
        break
      }
      // cargo-llvm-cov writes no report after failed tests: the lcov comes from their profiles like the others.
      if (oneRun && !fs.existsSync(rust.lcov)) steps.splice(index + 1, 0, reports[0] as string)
    }
  }
  if (!stopped) {
    const later = await runLaterRustReports(run, reports.slice(1), {
      env,
      workspace: scope.workspace,
      mergedSince,
      tools,
      remainingMs: () => rust.timeoutMs - (Date.now() - started)
    })
    for (const commandResult of later) {
      result.commands.push(commandResult)
      if (!commandOk(commandResult)) recordFailure(findings, result, commandResult, rust.timeoutMs, fs.existsSync(rust.lcov))
    }
  }
  result.durationMs = Date.now() - started
  if (result.commands.some(commandOk)) result.tools = await tools
  return result
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

/**
 * The packages the test run and the reports measure (from `cargo metadata`), said in
 * the log; report-side flags moved from rust-command said once; default features that
 * --no-default-features leaves out warned about (`plain`: not with rust-from-python,
 * whose extension is built with them). Null after one finding (an unknown rust-packages name).
 */
export function measuredScope(
  run: RunState,
  result: SuiteResult,
  crate: { manifestPath: string | null },
  env: NodeJS.ProcessEnv,
  plain = true
): CargoScope | null {
  const { inputs } = run
  const rust = inputs.rust
  const none: CargoScope = { testArgs: '', reportArgs: '', packages: [], wholeWorkspace: false, shown: false, othersUnmeasured: true }
  if (rust.movedFlags.length > 0) {
    log.info(
      `rust-command: ${rust.movedFlags.join(' ')} given to the report commands, where report flags act (cargo llvm-cov --no-report ignores them).`
    )
  }
  if (crate.manifestPath === null) return none
  const ws = readCargoWorkspace(crate.manifestPath, inputs.workingDirectory, env)
  if (ws === null) {
    if (rust.packages.length > 0) log.info('rust-packages: `cargo metadata` could not read the workspace; the packages are passed to cargo as given.')
    const args = rust.packages.map((n) => ` --package ${n}`).join('')
    return { ...none, testArgs: args, reportArgs: args, packages: [...rust.packages], shown: rust.packages.length > 0 }
  }
  const chosen = cargoScope(ws, crate.manifestPath, rust.packages, rust.customTestCommand ? rust.testCommand : null)
  if (!chosen.ok) {
    run.findings.add('rust', 'tool-failed', chosen.message)
    result.commands.push({ command: rust.testCommand, exitCode: null, signal: null, timedOut: false, durationMs: 0, spawnError: 'unknown package' })
    return null
  }
  const scope: CargoScope = { ...chosen.scope, workspace: ws }
  if (scope.shown) {
    result.packages = { names: scope.packages, wholeWorkspace: scope.wholeWorkspace }
    log.info(`Rust packages measured: ${scope.packages.join(', ')}${scope.wholeWorkspace ? ' (the whole cargo workspace)' : ''}.`)
  }
  const dropped = plain ? droppedDefaultFeatures(ws, crate.manifestPath, scope.packages, rust.testCommand) : []
  if (dropped.length > 0) {
    const prefix = inputs.rust.commandPrefix ? `${inputs.rust.commandPrefix} ` : ''
    const unprefixed = rust.testCommand.startsWith(prefix) ? rust.testCommand.slice(prefix.length) : rust.testCommand
    // A rust-command of one's own runs as written: the example keeps the clean start of the default.
    const example = rust.customTestCommand
      ? ''
      : ` (e.g. rust-command: \`cargo llvm-cov clean --workspace && ${unprefixed}${scope.testArgs} --features ${dropped.join(',')}\`)`
    log.warning(
      `The Rust tests run with --no-default-features, which also leaves out the default feature(s) ${dropped.join(', ')}: code behind them is not built, so not measured. To keep them, add --features ${dropped.join(',')} to rust-command${example}.`,
      { title: 'Default features left out' }
    )
  }
  return scope
}

/**
 * cargo-llvm-cov's and rustc's versions, for coverage-summary.json (empty if they cannot be read). Asked while the
 * suite runs: the answer is awaited after its commands, so it costs no time of its own.
 */
export function rustToolVersions(inputs: Inputs, env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const prefix = inputs.rust.commandPrefix ? `${inputs.rust.commandPrefix} ` : ''
  // The suite's own shell (no profile, no rc file: bash reads ~/.bashrc when its input is a socket, as node's pipes
  // are, so a plain `bash -c` could name another toolchain than the one that ran, and spend time doing so).
  // Each in a subshell of its own, its failure ignored: a prefix that changes the shell (`cd rust;`) acts once per tool.
  const shell = shellFor(
    process.platform === 'win32'
      ? `${prefix}cargo llvm-cov --version & ${prefix}rustc --version`
      : `(${prefix}cargo llvm-cov --version) || true; (${prefix}rustc --version) || true`
  )
  return new Promise((resolve) => {
    execFile(shell.file, shell.args, { cwd: inputs.workingDirectory, env, encoding: 'utf8', timeout: 20_000 }, (_error, stdout) => {
      const tools: Record<string, string> = {}
      for (const m of (stdout ?? '').matchAll(/^(cargo-llvm-cov|rustc) (\S+)/gm)) tools[m[1] as string] = m[2] as string
      resolve(tools)
    })
  })
}
