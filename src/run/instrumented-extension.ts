// Rust measured from the Python tests too (input rust-from-python): in a PyO3
// project much of the Rust code is run only by the Python tests, through the
// compiled extension, so the Rust tests alone under-report it (0 % when there
// are none). cargo-llvm-cov's documented way for such "external" tests:
//
//   1. `cargo llvm-cov show-env --sh` once: its KEY=VALUE lines (RUSTC_WRAPPER,
//      LLVM_PROFILE_FILE under target/, CARGO_LLVM_COV_TARGET_DIR, ...) become
//      the environment of every command below;
//   2. `cargo llvm-cov clean --workspace`: no profile of an earlier run leaks in
//      (beside step 1, told the folders show-env names: llvm-cov-folders.ts);
//   3. the extension built and installed in that environment (instrumented);
//   4. the Rust tests beside the Python tests, each run once (parallel-suites;
//      off: one after the other, the Rust tests before the build): the Python
//      run writes the Python report and, through the extension, more Rust
//      profiles, into a folder of their own until the Rust tests' report of
//      their profiles alone (rust-tests-only.lcov) is made;
//   5. the Rust reports over all profiles: the lcov, then the HTML and Cobertura
//      side by side (rust-reports.ts).
//
// The Rust tests alone and the lines only the Python tests reach are figures
// of their own (summary, coverage-summary.json, outputs).
import * as core from '@actions/core'
import * as log from '../safety/log.js'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { RunState } from '../model/run-state.js'
import type { CommandResult, RustFromPython, SuiteResult } from '../model/suite.js'
import { LINE_HIT, type CoverageReport } from '../reports/model.js'
import { zipRustHtml } from '../zip/html-report.js'
import { onCancel } from './cancel.js'
import { childEnv, commandOk } from './command.js'
import { type DeferredLog, failureMessage, recordFailure, runLogged, runSideBySide, worthReporting } from './logged-command.js'
import { dynamicLibraries, keepBuiltObjects, putBackObjects } from './extension-objects.js'
import { readMaturinProject } from './maturin-project.js'
import { runPython } from './python.js'
import { namesTheSameFolders, showEnvFolders } from './llvm-cov-folders.js'
import { findCrate, measuredScope, rustToolVersions } from './rust.js'
import { runLaterRustReports, rustReportSteps } from './rust-reports.js'
import { shellQuote } from './shell.js'
import { emptySuite, relativeToWorkspace, removeStale, rustCoberturaPath, rustHtmlZipPath } from './suite-files.js'
import { rustCommandEnv } from './toolchain.js'

/** The report of the Rust tests' own profiles, beside the Rust lcov. */
export const rustTestsOnlyPath = (lcov: string): string => path.join(path.dirname(lcov), 'rust-tests-only.lcov')
/** What `cargo llvm-cov show-env` printed: the environment of the instrumented run. */
export const showEnvPath = (lcov: string): string => path.join(path.dirname(lcov), 'rust-show-env.txt')

/** On when asked for, or (auto) when maturin builds the project; needs both suites in a run. */
export function rustFromPythonWanted(run: RunState): boolean {
  const { inputs } = run
  const setting = inputs.rust.fromPython
  if (setting === false || inputs.mode !== 'run') return false
  if (!inputs.rust.enabled || !inputs.python.enabled) {
    if (setting === true) core.info('rust-from-python: off, it needs both suites (rust-enabled and python-enabled).')
    return false
  }
  if (setting === true) return true
  const on = readMaturinProject(inputs.workingDirectory).maturinBackend
  if (on) core.info('rust-from-python (auto): on, pyproject.toml builds with maturin; the extension is built instrumented once.')
  return on
}

/** KEY=VALUE pairs of `cargo llvm-cov show-env --sh` (`export KEY='value'`, sh-quoted); other lines are passed over. */
export function parseShowEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim())
    if (!m) continue
    vars[m[1] as string] = unquote(m[2] as string)
  }
  return vars
}

/** One sh word: 'single' (with '\'' escapes), "double" (with \ escapes) or bare, concatenated. */
function unquote(word: string): string {
  let out = ''
  for (let i = 0; i < word.length;) {
    const c = word[i] as string
    if (c === "'") {
      const end = word.indexOf("'", i + 1)
      out += word.slice(i + 1, end === -1 ? undefined : end)
      i = end === -1 ? word.length : end + 1
    } else if (c === '"') {
      i++
      while (i < word.length && word[i] !== '"') {
        if (word[i] === '\\' && i + 1 < word.length && '$`"\\\n'.includes(word[i + 1] as string)) i++
        out += word[i]
        i++
      }
      i++
    } else if (c === '\\' && i + 1 < word.length) {
      out += word[i + 1]
      i += 2
    } else {
      out += c
      i++
    }
  }
  return out
}

/**
 * The Rust test command as it runs in show-env's environment: cargo-llvm-cov's
 * own test subcommands wrap rustc again there and fail, so
 * `cargo llvm-cov [test] --no-report ARGS` runs as `cargo test ARGS` and
 * `cargo llvm-cov nextest --no-report ARGS` as `cargo nextest run ARGS` (the
 * environment already instruments the build). Other commands run as given.
 */
export function plainCargoTestCommand(command: string): string {
  if (!/\bcargo llvm-cov\b/.test(command)) return command
  // Only the test run: `cargo llvm-cov clean …` or `report …` before or after it stay as they are.
  return command
    .replace(/\bcargo llvm-cov nextest(?=\s|$)/, 'cargo nextest run')
    .replace(/\bcargo llvm-cov(?: test)?(?=\s|$)(?!\s+(?:clean|report|show-env|run|nextest-archive)\b)/, 'cargo test')
    .replace(/\s--no-report\b/, '')
}

/**
 * The build-and-install command: `maturin develop` when a virtual environment is
 * active (VIRTUAL_ENV or CONDA_PREFIX) or the Python suite's prefix provides one
 * (e.g. `uv run --group dev`: maturin installs into uv's .venv, the environment
 * the tests then run in); else pip's editable install into the Python on PATH
 * (setup-python's on GitHub runners, where `maturin develop` refuses to run
 * without a venv).
 */
export function defaultBuildCommand(env: NodeJS.ProcessEnv, pythonPrefix: string): string {
  const prefix = pythonPrefix ? `${pythonPrefix} ` : ''
  if (env['VIRTUAL_ENV'] || env['CONDA_PREFIX'] || pythonPrefix) return `${prefix}maturin develop`
  return 'python -m pip install --no-build-isolation -e .'
}

/** `pythonLog`: where the Python suite's log goes while it runs beside the Rust tests (shown after them). */
export async function runRustFromPython(run: RunState, pythonLog: DeferredLog): Promise<void> {
  let pythonRan = false
  const runPythonSuite = async (pythonEnv: NodeJS.ProcessEnv, deferred?: DeferredLog): Promise<void> => {
    pythonRan = true
    run.python = (await run.findings.guard('python', 'running the Python suite', () => runPython(run, pythonEnv, deferred))) ?? run.python
  }
  try {
    await measureRustFromPython(run, runPythonSuite, pythonLog)
  } finally {
    // Whatever stopped the Rust part, the Python suite still runs (plainly): one suite never loses the other.
    if (!pythonRan) await runPythonSuite(childEnv(run.env))
  }
}

async function measureRustFromPython(
  run: RunState,
  runPythonSuite: (env: NodeJS.ProcessEnv, deferred?: DeferredLog) => Promise<void>,
  pythonLog: DeferredLog
): Promise<void> {
  const { inputs, findings } = run
  const rust = inputs.rust
  const result: SuiteResult = emptySuite(inputs, 'rust')
  run.rust = result
  const started = Date.now()
  const onlyLcov = rustTestsOnlyPath(rust.lcov)
  const showEnvFile = showEnvPath(rust.lcov)
  removeStale([rust.lcov, rust.htmlDir, rustHtmlZipPath(inputs), rustCoberturaPath(inputs), onlyLcov, showEnvFile])
  fs.mkdirSync(path.dirname(rust.lcov), { recursive: true })
  const env = rustCommandEnv(run.env, inputs.workingDirectory, log.info)

  const crate = findCrate(run, result)
  const scope = crate ? measuredScope(run, result, crate, env, false) : null
  if (!crate || !scope) return runPythonSuite(childEnv(run.env))
  const prefix = rust.commandPrefix ? `${rust.commandPrefix} ` : ''
  let rustMs = 0
  const record = (commandResult: CommandResult, what: string): void => {
    result.commands.push(commandResult)
    if (commandResult.failures && !commandResult.timedOut) recordFailure(findings, result, commandResult, rust.timeoutMs)
    else if (!commandOk(commandResult)) {
      const message = failureMessage('Rust', commandResult, rust.timeoutMs)
      findings.add('rust', commandResult.timedOut ? 'timed-out' : 'tool-failed', `${message} (${what})`)
    }
  }
  const step = async (command: string, what: string, captureFile?: string): Promise<CommandResult> => {
    const commandResult = await runLogged('Rust', command, inputs, env, rust.timeoutMs - rustMs, captureFile)
    rustMs += commandResult.durationMs
    record(commandResult, what)
    return commandResult
  }

  // 1. The environment, once, and 2. the clean beside it, told the folders show-env will name (checked after it:
  // should they differ, or the clean fail, it runs again in show-env's environment).
  const cleanCommand = `${prefix}cargo llvm-cov clean --workspace${crate.manifestArg}`
  const foreseen = showEnvFolders(scope.workspace, env)
  const began = Date.now()
  const showEnv = (): Promise<CommandResult> =>
    runLogged('Rust', `${prefix}cargo llvm-cov show-env --sh${crate.manifestArg}`, inputs, env, rust.timeoutMs, showEnvFile)
  const [shown, early = null] = foreseen
    ? await runSideBySide(showEnv, [
        (deferred) => runLogged('Rust', cleanCommand, inputs, { ...env, ...foreseen }, rust.timeoutMs, undefined, deferred)
      ])
    : [await showEnv()]
  rustMs += Date.now() - began
  record(shown, 'cargo-llvm-cov environment')
  const vars = commandOk(shown) && fs.existsSync(showEnvFile) ? parseShowEnv(fs.readFileSync(showEnvFile, 'utf8')) : {}
  const problem = commandOk(shown) ? profileFileProblem(vars) : 'no environment'
  if (problem !== null) {
    // The clean beside it ran all the same: it is said as a command of the run (and as a finding if it failed).
    if (early !== null) record(early, 'removing stale profiles')
    if (commandOk(shown)) findings.add('rust', 'tool-failed', `cargo llvm-cov show-env: ${problem}; Rust was not measured from the Python tests`)
    result.durationMs = Date.now() - started
    return runPythonSuite(childEnv(run.env))
  }
  Object.assign(env, vars)
  // pip builds through maturin's PEP 517 backend, in release unless told: the dev profile is what the Rust tests share.
  if (!inputs.rust.extensionBuildCommand && env['MATURIN_PEP517_ARGS'] === undefined) env['MATURIN_PEP517_ARGS'] = '--profile dev'

  const cleanedBeside = early !== null && foreseen !== null && commandOk(early) && namesTheSameFolders(vars, foreseen, inputs.workingDirectory)
  if (cleanedBeside) record(early, 'removing stale profiles')
  else if (early !== null)
    core.info(
      `rust-from-python: the clean runs again in show-env's environment (${commandOk(early) ? 'it names other folders than foreseen' : 'the one beside it failed'}).`
    )
  const cleaned = cleanedBeside ? early : await step(cleanCommand, 'removing stale profiles')
  const testCommand = plainCargoTestCommand(rust.testCommand) + (rust.customTestCommand ? '' : crate.manifestArg + scope.testArgs)
  if (testCommand !== rust.testCommand) core.info(`rust-from-python: the Rust tests run as \`${testCommand}\` in cargo-llvm-cov's environment.`)
  const reportCommand = rust.reportCommand + (rust.customReportCommand ? '' : crate.manifestArg + scope.reportArgs + rust.reportArgs)
  const onlyReport = `${reportCommand} --lcov --output-path ${shellQuote(onlyLcov)}`
  const tools = rustToolVersions(inputs, { ...env })
  const buildCommand = inputs.rust.extensionBuildCommand || defaultBuildCommand(run.env, inputs.python.commandPrefix)
  const order = inputs.parallelSuites ? sideBySide : oneAfterTheOther
  const { tests, build } = await order({ run, env, vars, step, cleaned, testCommand, buildCommand, onlyReport, runPythonSuite, pythonLog })

  // The Rust reports over every profile.
  if (tests !== null && worthReporting(tests)) {
    const [lcovReport, ...others] = rustReportSteps(inputs, crate.manifestArg + scope.reportArgs)
    const mergedSince = Date.now()
    if (commandOk(await step(lcovReport as string, 'Rust report'))) {
      const othersStarted = Date.now()
      const later = await runLaterRustReports(run, others, {
        env,
        workspace: scope.workspace,
        mergedSince,
        tools,
        remainingMs: () => rust.timeoutMs - rustMs - (Date.now() - othersStarted)
      })
      rustMs += Date.now() - othersStarted
      for (const commandResult of later) record(commandResult, 'Rust report')
    }
  }
  result.durationMs = rustMs
  if (result.commands.some(commandOk)) result.tools = await tools
  if (build && commandOk(build) && fs.existsSync(onlyLcov) && fs.existsSync(rust.lcov)) {
    result.fromPython = await fromPythonFigures(inputs.workspace, onlyLcov, rust.lcov, relativeToWorkspace(inputs, onlyLcov), build)
    const f = result.fromPython
    core.info(
      `rust-from-python: Rust tests alone ${f.rustTestsOnly ? `${f.rustTestsOnly.percent.toFixed(2)}% (${f.rustTestsOnly.covered}/${f.rustTestsOnly.total})` : 'no data'}; ${f.linesOnlyPython} line(s) only the Python tests reach; build ${f.buildSeconds.toFixed(1)} s.`
    )
    core.setOutput('rust-tests-only-line-coverage', f.rustTestsOnly ? String(f.rustTestsOnly.percent) : '')
    core.setOutput('rust-lines-only-python', String(f.linesOnlyPython))
  }
  await findings.guard('rust', 'zipping the Rust HTML report', () => zipRustHtml(run))
}

interface OrderContext {
  run: RunState
  /** The Rust commands' environment (show-env's variables in it). */
  env: NodeJS.ProcessEnv
  vars: Record<string, string>
  step: (command: string, what: string, captureFile?: string) => Promise<CommandResult>
  cleaned: CommandResult
  testCommand: string
  buildCommand: string
  /** The report of the Rust tests' profiles alone. */
  onlyReport: string
  runPythonSuite: (env: NodeJS.ProcessEnv, deferred?: DeferredLog) => Promise<void>
  pythonLog: DeferredLog
}

/**
 * parallel-suites off: the Rust tests and their own report, then the extension built, then the Python tests. The
 * build comes after the tests: `cargo test` of a cdylib crate writes target/debug/deps/lib<name>.so too, and the
 * reports must read the very extension the Python tests load.
 */
async function oneAfterTheOther(c: OrderContext): Promise<{ tests: CommandResult | null; build: CommandResult | null }> {
  const tests = commandOk(c.cleaned) ? await c.step(c.testCommand, 'Rust tests') : null
  if (tests !== null && worthReporting(tests)) await c.step(c.onlyReport, 'report of the Rust tests alone')
  const build = commandOk(c.cleaned) ? await c.step(c.buildCommand, 'building the instrumented extension') : null
  await c.runPythonSuite(c.env)
  return { tests, build }
}

/**
 * parallel-suites on: the extension built first, then the Rust tests beside the Python tests (the job takes the
 * longer of the two, not the sum). The Python tests write their profiles into a folder of their own, so the Rust
 * tests' own report reads theirs alone; they join the others before the full reports. The extension's objects are
 * kept and put back after the Rust tests, whose build rewrites the crate's cdylib without the default features.
 */
async function sideBySide(c: OrderContext): Promise<{ tests: CommandResult | null; build: CommandResult | null }> {
  const { run, env } = c
  if (!commandOk(c.cleaned)) {
    await c.runPythonSuite(env)
    return { tests: null, build: null }
  }
  const profile = c.vars['LLVM_PROFILE_FILE'] as string
  // Where cargo puts the crate's objects: the target folder, and cargo's build-dir when one is set apart.
  const objectDirs = [c.vars['CARGO_LLVM_COV_TARGET_DIR'] || path.dirname(profile), c.vars['CARGO_LLVM_COV_BUILD_DIR'] ?? ''].filter(Boolean)
  const before = dynamicLibraries(...objectDirs)
  const build = await c.step(c.buildCommand, 'building the instrumented extension')
  const keepDir = fs.mkdtempSync(path.join(run.env['RUNNER_TEMP'] || os.tmpdir(), 'rpc-extension-'))
  const removeKept = (): void => fs.rmSync(keepDir, { recursive: true, force: true })
  const forget = onCancel(removeKept)
  try {
    const kept = commandOk(build) ? keepBuiltObjects(objectDirs, before, keepDir) : []
    const pythonProfiles = pythonProfilesDir(profile)
    // What a killed earlier run left there would join this run's profiles.
    fs.rmSync(pythonProfiles, { recursive: true, force: true })
    fs.mkdirSync(pythonProfiles, { recursive: true })
    const python = c.runPythonSuite({ ...env, LLVM_PROFILE_FILE: path.join(pythonProfiles, path.basename(profile)) }, c.pythonLog)
    const tests = await c.step(c.testCommand, 'Rust tests')
    // The Rust tests' own report, while the Python tests may still run (their profiles are apart): it reads the
    // objects of the Rust tests' own build, as when they run before the extension's.
    if (worthReporting(tests)) await c.step(c.onlyReport, 'report of the Rust tests alone')
    await python
    await c.pythonLog.show()
    try {
      const restored = putBackObjects(kept)
      if (restored > 0) core.info(`rust-from-python: ${restored} object(s) of the instrumented extension put back after the Rust tests' build.`)
      joinProfiles(pythonProfiles, path.dirname(profile))
    } catch (error) {
      run.findings.add(
        'rust',
        'tool-failed',
        `rust-from-python: the instrumented extension's objects or the Python tests' profiles could not be put in place (${(error as Error).message}); the Rust reports over all profiles were not made`
      )
      return { tests: null, build }
    }
    return { tests, build }
  } finally {
    forget()
    removeKept()
  }
}

/** Where the Python tests' profiles go while the Rust tests run beside them (beside cargo-llvm-cov's own). */
export const pythonProfilesDir = (profileFile: string): string => path.join(path.dirname(profileFile), 'python-tests-profiles')

/** The Python tests' profiles moved beside the others (named apart, so none replaces one), their folder removed. */
function joinProfiles(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.profraw')) fs.renameSync(path.join(from, entry.name), path.join(to, `python-${entry.name}`))
  }
  fs.rmSync(from, { recursive: true, force: true })
}

/** LLVM_PROFILE_FILE must be set and lie under cargo-llvm-cov's target directory (no default_*.profraw in the project). */
function profileFileProblem(vars: Record<string, string>): string | null {
  const profile = vars['LLVM_PROFILE_FILE']
  const target = vars['CARGO_LLVM_COV_TARGET_DIR']
  if (!profile) return 'its output has no LLVM_PROFILE_FILE'
  if (target && path.relative(target, path.dirname(profile)).startsWith('..')) {
    return `LLVM_PROFILE_FILE ${profile} is not under the target directory ${target}`
  }
  return null
}

/** The Rust tests' own figure (LF/LH sums, as the headline) and the DA lines run in the full report but not in theirs. */
async function fromPythonFigures(
  workspace: string,
  onlyLcov: string,
  fullLcov: string,
  shownOnly: string,
  build: CommandResult
): Promise<RustFromPython> {
  const { parseLcovFile } = await import('../reports/lcov.js')
  const only = await parseLcovFile(onlyLcov, { root: workspace, displayName: shownOnly })
  const full = await parseLcovFile(fullLcov, { root: workspace })
  const tally = only.declared.lines ?? only.totals.lines
  return {
    rustTestsOnly: tally.total > 0 ? { percent: (tally.covered * 100) / tally.total, covered: tally.covered, total: tally.total } : null,
    linesOnlyPython: linesOnlyIn(full, only),
    rustTestsLcov: shownOnly,
    buildCommand: build.command,
    buildSeconds: Math.round(build.durationMs / 100) / 10
  }
}

/** Lines hit in `full` that `base` does not hit (absent or missed there). */
export function linesOnlyIn(full: CoverageReport, base: CoverageReport): number {
  const baseFiles = new Map(base.files.map((f) => [f.path, f.lineStates]))
  let count = 0
  for (const file of full.files) {
    const states = file.lineStates
    if (!states) continue
    const before = baseFiles.get(file.path)
    for (let line = 1; line < states.length; line++) {
      if (states[line] === LINE_HIT && (before?.[line] ?? 0) !== LINE_HIT) count++
    }
  }
  return count
}
