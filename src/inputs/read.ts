// Every input is read and validated here, once, into a typed Inputs object.
// A bad value throws an InputError whose one-line message names the input and
// says what was expected.
import * as core from '@actions/core'
import * as path from 'node:path'
import { isInside } from '../safety/paths.js'
import { generatedPytestCommand } from '../run/pytest-command.js'
import { inferPythonPackage } from '../run/python-package.js'
import { reportFlags } from '../run/cargo-flags.js'
import { registerSecret, registerSecretsIn } from '../safety/redact.js'
import { realLocation, resolveInside, workspaceOf } from '../safety/workspace-fs.js'
import type { Inputs } from '../model/inputs.js'
import { InputError, NothingToMeasure } from '../model/errors.js'

type Read = (name: string) => string

const defaultRead: Read = (name) => core.getInput(name)

function readBoolean(read: Read, name: string, fallback: boolean): boolean {
  const raw = read(name)
  if (raw === '') return fallback
  if (/^(true|True|TRUE)$/.test(raw)) return true
  if (/^(false|False|FALSE)$/.test(raw)) return false
  throw new InputError(name, 'must be true or false', raw)
}

function readInteger(read: Read, name: string, min: number, max: number, fallback: number | null): number | null {
  const raw = read(name)
  if (raw === '') return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(name, `must be a whole number from ${min} to ${max}`, raw)
  }
  return Number(raw)
}

function readPercent(read: Read, name: string): number | null {
  const raw = read(name).replace(/%$/, '').trim()
  if (raw === '') return null
  const value = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || value > 100) {
    throw new InputError(name, 'must be a percentage from 0 to 100 (e.g. 70 or 72.5), or empty for no gate', read(name))
  }
  return value
}

function readMinutes(read: Read, name: string, fallback: number): number {
  const raw = read(name)
  if (raw === '') return fallback * 60_000
  const value = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > 360) {
    throw new InputError(name, 'must be a number of minutes greater than 0 and at most 360', raw)
  }
  return Math.round(value * 60_000)
}

/** The artifact service's name rules (checked again before upload by the client). */
export function artifactNameProblem(name: string): string | null {
  if (name.trim() === '') return 'must not be empty'
  const bad = [...name].filter((c) => '":<>|*?\r\n\\/'.includes(c))
  if (bad.length > 0) return `must not contain ${[...new Set(bad)].map((c) => JSON.stringify(c)).join(' ')}`
  return null
}

/** The page's file name, which is also its artifact's name (an unzipped artifact is named after its file). */
function readPageName(read: Read, summaryArtifactName: string): string {
  // By default it follows the summary's artifact name, so jobs that give theirs a suffix (shards) get distinct pages.
  const fallback = summaryArtifactName.includes('coverage-summary')
    ? `${summaryArtifactName.replace('coverage-summary', 'coverage-report')}.html`
    : `${summaryArtifactName}-report.html`
  const name = readArtifactName(read, 'page-artifact-name', fallback)
  if (!/^[^/\\]+\.html$/.test(name) || name.startsWith('.')) {
    throw new InputError('page-artifact-name', 'must be a file name ending in .html (the page is uploaded unzipped, named after its file)', name)
  }
  return name
}

/** The zipped HTML report's file name, which is also its artifact's name (uploaded unzipped: one zip, not a zip inside a zip). */
function readHtmlArtifactName(read: Read, rustArtifactName: string): string {
  // By default it follows rust-artifact-name, so shard jobs that give theirs a suffix get distinct ones.
  const name = readArtifactName(read, 'rust-html-artifact-name', `${rustArtifactName}-html.zip`)
  if (!/^[^/\\]+\.zip$/.test(name) || name.startsWith('.')) {
    throw new InputError(
      'rust-html-artifact-name',
      'must be a file name ending in .zip (the HTML report is uploaded unzipped, named after its file)',
      name
    )
  }
  return name
}

function readArtifactName(read: Read, name: string, fallback: string): string {
  const raw = read(name) || fallback
  const problem = artifactNameProblem(raw)
  if (problem) throw new InputError(name, `is not a valid artifact name: it ${problem}`, raw)
  return raw
}

/**
 * Resolves a path input against `base` and requires it to stay inside the
 * workspace, both as written and where it really leads (the realpath of its
 * nearest existing ancestor: a folder on the way that is a symlink leading out
 * is refused). The final name may be a symlink for paths the action replaces
 * (reports, coverage-summary.json); `followLast` judges it by where it leads.
 */
function readPathInside(read: Read, name: string, fallback: string, base: string, workspace: string, followLast = false): string {
  const raw = read(name) || fallback
  if (raw.includes('\0')) throw new InputError(name, 'must be a path', raw)
  const resolved = path.resolve(base, raw)
  if (!isInside(resolved, workspace)) {
    throw new InputError(name, `must be a path inside the workspace (${workspace})`, raw)
  }
  try {
    resolveInside(resolved, workspace, { followLast })
  } catch {
    throw new InputError(
      name,
      `must lead to a place inside the workspace, but it leads to ${realLocation(resolved, followLast)} (a symlink on the way?)`,
      raw
    )
  }
  return resolved
}

/** The real location of a path input (symlinked folders resolved, final name kept), for comparing two inputs. */
const realOf = (file: string): string => realLocation(file, false)

interface PathEntry {
  name: string
  file: string
  /** A file the action derives from an input (never the one blamed when a real input is involved). */
  derived?: boolean
  /** A folder the report command replaces as a whole. */
  folder?: boolean
}

/**
 * Two inputs naming the same file (or a path inside rust-html-dir, which the
 * report command replaces) would overwrite each other: refused with one line
 * naming both. Paths are compared after resolving symlinked folders.
 */
function refuseCollidingPaths(read: Read, paths: readonly PathEntry[]): void {
  const real = paths.map((p) => realOf(p.file))
  for (let j = 0; j < paths.length; j++) {
    const b = paths[j] as PathEntry
    if (b.derived) continue
    for (let i = 0; i < paths.length; i++) {
      const a = paths[i] as PathEntry
      if (i === j) continue
      if (i < j && real[i] === real[j]) {
        throw new InputError(b.name, `must not name the same file as "${a.name}" (both are ${real[j]}): one would overwrite the other`, read(b.name))
      }
      if (a.folder && real[i] !== real[j] && isInside(real[j] as string, real[i] as string)) {
        throw new InputError(b.name, `must not lie inside "${a.name}" (${real[i]}), which the Rust report command replaces`, read(b.name))
      }
    }
  }
}

/** Each artifact of a run needs its own name (the service refuses a second one with 409). */
function refuseCollidingNames(names: Array<{ name: string; value: string }>): void {
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i] as { name: string; value: string }, names[j] as { name: string; value: string }]
      if (a.value === b.value) {
        throw new InputError(a.name, `must differ from "${b.name}" (each artifact of a run needs its own name)`, a.value)
      }
    }
  }
}

/** A ref or commit for git: no option (leading '-'), no whitespace or control characters, no '..' ranges. */
function readGitRef(read: Read, name: string): string {
  const raw = read(name).trim()
  if (raw === '') return ''
  if (raw.startsWith('-') || /[\s\x00-\x1f\x7f:?*[\\]/.test(raw) || raw.includes('..')) {
    throw new InputError(name, 'must be a branch, tag or commit (e.g. origin/main, HEAD~3 or a SHA)', raw)
  }
  return raw
}

function readToken(read: Read, name: string): string {
  const token = read(name).trim()
  if (token) registerSecret(token)
  return token
}

/** rust-packages: cargo package names, space- or newline-separated; they narrow the default commands only. */
function readPackages(read: Read, customTest: boolean): string[] {
  const raw = read('rust-packages')
  const names = raw.split(/[\s,]+/).filter(Boolean)
  if (names.length === 0) return []
  const bad = names.find((n) => !/^[A-Za-z0-9_-]+$/.test(n))
  if (bad !== undefined) {
    throw new InputError(
      'rust-packages',
      `must be cargo package names (letters, digits, - and _), space- or newline-separated; "${bad}" is not one`,
      raw
    )
  }
  if (customTest) {
    throw new InputError(
      'rust-packages',
      'narrows the default rust-command only: with your own rust-command, give --package there (the report measures the same packages)',
      raw
    )
  }
  return names
}

/** Report-side flags of rust-command moved to the report commands, or one InputError when they cannot move. */
function readReportFlags(command: string, customReport: boolean): { testCommand: string; reportArgs: string; moved: string[] } {
  const flags = reportFlags(command, customReport)
  if (flags.ok) return flags
  const where = flags.canMove
    ? `give it in rust-report-command (e.g. "cargo llvm-cov report ${flags.flag} ...")${customReport ? '' : ', or write rust-command as one plain cargo llvm-cov command so it is moved there'}`
    : flags.why
  throw new InputError(
    'rust-command',
    `must not carry ${flags.flag}: cargo llvm-cov --no-report ignores it (it acts only on a report); ${where}`,
    command
  )
}

function withPrefix(prefix: string, command: string): string {
  return prefix ? `${prefix} ${command}` : command
}

export function readInputs(read: Read = defaultRead, env: NodeJS.ProcessEnv = process.env): Inputs {
  const mode = read('mode') || 'run'
  if (mode !== 'run' && mode !== 'merge') throw new InputError('mode', 'must be run or merge', mode)
  const workspace = workspaceOf(env)
  // The commands run there: it must really lie inside the workspace (a symlink on the way is followed).
  const workingDirectory = readPathInside(read, 'working-directory', '.', workspace, workspace, true)
  // Per suite, so the Python environment's `uv run ...` need not wrap every cargo command; command-prefix is the default of both.
  const commandPrefix = read('command-prefix').trim()
  const rustPrefix = read('rust-command-prefix').trim() || commandPrefix
  const pythonPrefix = read('python-command-prefix').trim() || commandPrefix
  // Secrets written into command inputs (env TOKEN=${{ secrets.X }} ...) are masked in all the action writes.
  const commandInputs = ['command-prefix', 'rust-command-prefix', 'python-command-prefix', 'rust-command', 'rust-report-command', 'python-command']
  for (const name of commandInputs) registerSecretsIn(read(name))
  const inWd = (name: string, fallback: string): string => readPathInside(read, name, fallback, workingDirectory, workspace)

  const rustEnabled = readBoolean(read, 'rust-enabled', true)
  const pythonEnabled = readBoolean(read, 'python-enabled', true)
  if (!rustEnabled && !pythonEnabled) {
    throw new NothingToMeasure()
  }

  const htmlDir = inWd('rust-html-dir', 'target/coverage/html')
  if (path.basename(htmlDir) !== 'html') {
    throw new InputError('rust-html-dir', 'must end in "/html" (cargo llvm-cov report --html writes <output-dir>/html)', read('rust-html-dir'))
  }
  const lcov = inWd('rust-lcov', 'target/coverage/rust.lcov')
  const xml = inWd('python-xml', 'target/coverage/python.xml')

  const runner = read('rust-test-runner').trim() || 'cargo-test'
  if (runner !== 'cargo-test' && runner !== 'nextest') throw new InputError('rust-test-runner', 'must be cargo-test or nextest', runner)
  const customTest = read('rust-command') !== ''
  const customReport = read('rust-report-command') !== ''
  const flags = customTest ? readReportFlags(read('rust-command'), customReport) : { testCommand: '', reportArgs: '', moved: [] }
  const rustTest = customTest
    ? flags.testCommand
    : `cargo llvm-cov ${runner === 'nextest' ? 'nextest ' : ''}--no-report --no-default-features --no-fail-fast`
  const rustReport = read('rust-report-command') || 'cargo llvm-cov report'
  const packages = readPackages(read, customTest)
  const fromPython = read('rust-from-python').trim() || 'auto'
  if (!/^(auto|true|True|TRUE|false|False|FALSE)$/.test(fromPython)) {
    throw new InputError('rust-from-python', 'must be auto, true or false', fromPython)
  }
  const extensionBuild = read('rust-extension-build-command').trim()

  const givenPackage = read('python-package')
  const pythonTests = read('python-tests') || 'tests'
  let pythonCommand = read('python-command')
  let pythonPackage = givenPackage
  let packageFrom: string | null = null
  if (pythonCommand === '') {
    if (pythonEnabled && pythonPackage === '' && mode === 'run') {
      const inferred = inferPythonPackage(workingDirectory)
      if (!inferred) {
        throw new InputError(
          'python-package',
          'is required for the Python suite (the package given to pytest --cov=) when it cannot be inferred ([tool.maturin] module-name or python-source in pyproject.toml, or one package under src/ or in the working directory), unless python-command is set or python-enabled is false',
          ''
        )
      }
      pythonPackage = inferred.name
      packageFrom = inferred.from
    }
    if (!/^[\w.\-/]+$/.test(pythonPackage) && pythonPackage !== '') {
      throw new InputError('python-package', 'must be a package or path name (letters, digits, _ . - /)', pythonPackage)
    }
    pythonCommand = generatedPytestCommand(pythonPackage, path.relative(workingDirectory, xml) || xml, pythonTests)
  }

  const rustArtifactName = readArtifactName(read, 'rust-artifact-name', 'rust-coverage')
  const inputs: Inputs = {
    mode,
    matrixValue: read('matrix-value'),
    coverageOn: read('coverage-on') || '3.12',
    workspace,
    workingDirectory,
    rust: {
      enabled: rustEnabled,
      commandPrefix: rustPrefix,
      testCommand: withPrefix(rustPrefix, rustTest),
      reportCommand: withPrefix(rustPrefix, rustReport),
      customTestCommand: customTest,
      customReportCommand: customReport,
      fromPython: fromPython === 'auto' ? 'auto' : /^true$/i.test(fromPython),
      // The build installs the extension where the Python tests import it: through their prefix (e.g. uv's environment).
      extensionBuildCommand: extensionBuild ? withPrefix(pythonPrefix, extensionBuild) : '',
      packages,
      reportArgs: flags.reportArgs,
      movedFlags: flags.moved,
      cobertura: readBoolean(read, 'rust-cobertura', true),
      lcov,
      htmlDir,
      timeoutMs: readMinutes(read, 'rust-timeout-minutes', 30),
      minLines: readPercent(read, 'rust-min-lines'),
      artifactName: rustArtifactName,
      htmlArtifactName: readHtmlArtifactName(read, rustArtifactName)
    },
    python: {
      enabled: pythonEnabled,
      commandPrefix: pythonPrefix,
      command: withPrefix(pythonPrefix, pythonCommand),
      package: pythonPackage,
      packageFrom,
      subprocess: readBoolean(read, 'python-subprocess', false),
      xml,
      timeoutMs: readMinutes(read, 'python-timeout-minutes', 30),
      minLines: readPercent(read, 'python-min-lines'),
      artifactName: readArtifactName(read, 'python-artifact-name', 'python-coverage')
    },
    parallelSuites: readBoolean(read, 'parallel-suites', true),
    upload: readBoolean(read, 'upload', true),
    uploadTimeoutMs: readMinutes(read, 'upload-timeout-minutes', 10),
    retentionDays: readInteger(read, 'retention-days', 1, 90, null),
    compressionLevel: readInteger(read, 'compression-level', 0, 9, 6) ?? 6,
    nonBlocking: readBoolean(read, 'non-blocking', true),
    summaryFiles: readInteger(read, 'summary-files', 0, 100, 10) ?? 10,
    summaryJson: inWd('summary-json', 'target/coverage/coverage-summary.json'),
    summaryArtifactName: readArtifactName(read, 'summary-artifact-name', 'coverage-summary'),
    pageName: readPageName(read, readArtifactName(read, 'summary-artifact-name', 'coverage-summary')),
    patch: {
      enabled: readBoolean(read, 'patch-coverage', true),
      base: readGitRef(read, 'patch-base'),
      minPatch: readPercent(read, 'min-patch'),
      annotate: readBoolean(read, 'patch-annotations', true)
    },
    baseline: {
      enabled: readBoolean(read, 'baseline', true),
      branch: readGitRef(read, 'baseline-branch'),
      maxDrop: readPercent(read, 'max-drop')
    },
    comment: readBoolean(read, 'comment', false),
    githubCodeCoverage: readBoolean(read, 'github-code-coverage', false),
    githubToken: readToken(read, 'github-token')
  }
  refuseCollisions(read, inputs)
  return inputs
}

/** Paths and artifact names of the suites in use that would overwrite each other. */
function refuseCollisions(read: Read, inputs: Inputs): void {
  const { rust, python } = inputs
  const beside = (file: string, name: string): string => path.join(path.dirname(file), name)
  // Files the action writes beside the reports come first, so a clash names the input.
  const paths: PathEntry[] = [
    ...(rust.enabled
      ? [
          ...(rust.cobertura
            ? [{ name: 'rust.cobertura.xml (written beside rust-lcov)', file: beside(rust.lcov, 'rust.cobertura.xml'), derived: true }]
            : []),
          {
            name: `${rust.htmlArtifactName} (rust-html-artifact-name, written beside rust-lcov)`,
            file: beside(rust.lcov, rust.htmlArtifactName),
            derived: true
          },
          { name: 'rust-html-dir', file: rust.htmlDir, folder: true },
          { name: 'rust-lcov', file: rust.lcov }
        ]
      : []),
    ...(python.enabled
      ? [
          { name: 'python-output.txt (written beside python-xml)', file: beside(python.xml, 'python-output.txt'), derived: true },
          { name: 'python-coverage.txt (written beside python-xml)', file: beside(python.xml, 'python-coverage.txt'), derived: true },
          ...(python.subprocess
            ? [{ name: 'coverage-subprocess.ini (written beside python-xml)', file: beside(python.xml, 'coverage-subprocess.ini'), derived: true }]
            : []),
          { name: 'python-xml', file: python.xml }
        ]
      : []),
    { name: 'summary-json', file: inputs.summaryJson }
  ]
  refuseCollidingPaths(read, paths)
  if (!inputs.upload) return
  refuseCollidingNames([
    ...(rust.enabled
      ? [
          { name: 'rust-artifact-name', value: rust.artifactName },
          { name: 'rust-html-artifact-name', value: rust.htmlArtifactName }
        ]
      : []),
    ...(python.enabled ? [{ name: 'python-artifact-name', value: python.artifactName }] : []),
    { name: 'summary-artifact-name', value: inputs.summaryArtifactName },
    { name: 'page-artifact-name', value: inputs.pageName }
  ])
}
