// What one run produced, per suite: the plain data the summary, the outputs
// and coverage-summary.json are rendered from. Types only.
import type { SuiteId } from './inputs.js'
import type { CoverageReport } from '../reports/model.js'
import type { PatchCoverage, SuiteDelta } from './outcomes.js'

/** The one figure each suite is judged on: the percentage the native tool itself prints and gates on. */
export interface Headline {
  /** Unrounded; compare thresholds against this, never a rounded value. */
  percent: number
  covered: number
  total: number
  /** What the figure is, for the summary footnote. */
  basis: string
  /** What covered/total count: "lines", "statements" or "statements + branches". */
  unit: string
  /** How the tool itself rounds, prints and gates the figure, when that differs from comparing it unrounded (coverage.py). */
  toolGate?: ToolGate
}

export interface ToolGate {
  tool: string
  /** Decimal places the tool rounds to before comparing with its threshold. */
  precision: number
  /** The figure as the tool prints it, e.g. "60%". */
  printed: string
  /** The config file the precision came from, or null for the tool's default. */
  source: string | null
}

/** Tests a command's output reported as failed. */
export interface TestFailures {
  /** Failed tests (pytest: failed plus errors). */
  failed: number
  /** The first few failing tests' names, as the tool prints them. */
  names: string[]
  /** The runner that printed them. */
  runner: 'libtest' | 'nextest' | 'pytest'
}

/** One command of a suite, as it ran. */
export interface CommandResult {
  command: string
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  durationMs: number
  /** The command could not be started at all (no shell, bad cwd). */
  spawnError?: string
  /** A fixed hint for a recognised failure (never the tool's own output). */
  hint?: string
  /** Failed tests the output reported, when the command failed because tests failed. */
  failures?: TestFailures
  /** Bytes written to the capture file (when one was asked for): what was kept, whatever the file became since. */
  capturedBytes?: number
  /** Why the capture file stopped being written (its output is then kept only up to there). */
  captureError?: string
}

export interface ArtifactInfo {
  name: string
  /** Files offered for upload, relative to the workspace. */
  files: string[]
  id?: number
  url?: string
  size?: number
  /** Why it was not uploaded (one line). */
  error?: string
}

export interface SuiteResult {
  suite: SuiteId
  label: string
  enabled: boolean
  commands: CommandResult[]
  durationMs: number
  /** The main report, relative to the workspace. */
  reportPath: string
  report?: CoverageReport
  headline?: Headline | null
  minLines: number | null
  htmlZip?: { path: string; files: number; bytes: number }
  /** The Rust Cobertura report, relative to the workspace, when written and readable. */
  cobertura?: string
  /** Why the figure covers only part of what should have run (tests failed, a report cut short), or absent when whole. */
  partial?: string
  /** Versions of the tools that ran, when known (name -> version). */
  tools: Record<string, string>
  artifact?: ArtifactInfo
  /** Rust: the zipped HTML report as its own artifact, uploaded unzipped (files: the zip alone). */
  htmlArtifact?: ArtifactInfo
  /** Coverage of the lines the pull request changes, when measured. */
  patch?: PatchCoverage | null
  /** What GitHub code coverage (Code Quality) made of the report, when it was sent. */
  codeCoverage?: CodeCoverageUpload
  /** Change since the baseline run, when there is one. */
  delta?: SuiteDelta | null
  /** Rust: the cargo packages measured, when that is worth telling (a workspace of several, or a narrowed selection). */
  packages?: { names: string[]; wholeWorkspace: boolean }
  /** Rust measured from the Python tests too (rust-from-python), when the instrumented extension was built. */
  fromPython?: RustFromPython
}

/** What the Python tests add to the Rust figure (the headline is over every profile: Rust and Python tests). */
export interface RustFromPython {
  /** The Rust tests alone: LF/LH sums of the report of their own profiles; null when it has no lines. */
  rustTestsOnly: { percent: number; covered: number; total: number } | null
  /** Lines (DA records) the full report has run that the Rust tests alone did not run. */
  linesOnlyPython: number
  /** The Rust tests' own lcov, relative to the workspace. */
  rustTestsLcov: string
  /** The command that built and installed the instrumented extension, and its time. */
  buildCommand: string
  buildSeconds: number
}

export const SUITE_LABELS: Record<SuiteId, string> = { rust: 'Rust', python: 'Python' }

/** A report sent to GitHub code coverage: processed, failed, still pending at the end of the wait, skipped by GitHub, or not sent (no permission). */
export interface CodeCoverageUpload {
  id?: number
  status: 'succeeded' | 'failed' | 'pending' | 'skipped' | 'not-sent'
  message?: string
}
