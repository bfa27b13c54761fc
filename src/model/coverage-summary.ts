// The shape of coverage-summary.json, schema 1: the machine-readable record of
// one run that later runs (baseline, merge) read back. Fields are only ever
// added. Types only.
import type { SuiteId } from './inputs.js'
import type { PatchCoverage, PatchOutcome, SuiteDelta, BaselineOutcome, MergeOutcome } from './outcomes.js'
import type { Status } from './findings.js'
import type { Tally } from '../reports/model.js'
import type { CodeCoverageUpload, ToolGate } from './suite.js'

export const SUMMARY_SCHEMA = 'rust-python-coverage/coverage-summary@1'

export interface ArtifactRecord {
  name: string
  id: number | null
  size: number | null
  url: string | null
  error: string | null
}

/** A figure now and in the baseline run; before and delta null when the baseline did not record it. */
export interface Change {
  before: number | null
  after: number
  delta: number | null
}

export interface FileFigures {
  path: string
  lines: Tally
  branches: Tally
  functions: Tally
}

export interface SuiteSummary {
  enabled: boolean
  /** The report file, relative to the workspace. */
  report: string
  format: 'lcov' | 'cobertura' | null
  producer: string | null
  /** Versions of the tools that made the report, when known (e.g. cargo-llvm-cov, rustc, coverage.py). */
  tools: Record<string, string>
  /** The judged figure (see headline.ts), or null when there is no data. */
  /** toolGate: how the tool itself rounds, prints and gates the figure (coverage.py's precision), when it does. */
  headline: { percent: number; covered: number; total: number; basis: string; toolGate?: ToolGate } | null
  totals: { lines: Tally; branches: Tally; functions: Tally } | null
  threshold: { minLines: number | null; met: boolean | null }
  durationSeconds: number
  commands: Array<{ command: string; exitCode: number | null; timedOut: boolean; seconds: number }>
  artifact: ArtifactRecord | null
  /** Rust: the zipped HTML report's own artifact, uploaded unzipped (absent in summaries written before it had one). */
  htmlArtifact?: ArtifactRecord | null
  findings: Array<{ kind: string; message: string }>
  files: FileFigures[]
  /** Coverage of the changed lines (null when not measured); uncovered as [first, last] line ranges. */
  patch: PatchCoverage | null
  /**
   * Change since the baseline run (percentage points), or null without a baseline; with the runtime's change in
   * seconds and the change in bytes of the suite's artifacts together (null when this run has no size: not uploaded).
   */
  delta: (Omit<SuiteDelta, 'base'> & { durationSeconds?: Change | null; artifactBytes?: Change | null }) | null
  /** What GitHub code coverage made of the report (github-code-coverage: true), or null when it was not sent. */
  codeCoverage?: CodeCoverageUpload | null
  /** The zipped HTML report (Rust), or null. */
  htmlZip: { path: string; files: number; bytes: number } | null
  /** Rust only: the cargo packages measured, when a workspace of several or a narrowed selection (names sorted). */
  packages?: { names: string[]; wholeWorkspace: boolean }
  /** Rust only, with rust-from-python: the Rust tests' own figure and the lines only the Python tests reach. */
  rustFromPython?: {
    rustTestsOnly: { percent: number; covered: number; total: number } | null
    linesOnlyPython: number
    rustTestsLcov: string
    buildCommand: string
    buildSeconds: number
  }
}

export interface RunFacts {
  repository: string | null
  commit: string | null
  ref: string | null
  runId: string | null
  runAttempt: string | null
  workflow: string | null
  job: string | null
  event: string | null
  matrixValue: string
}

export interface CoverageSummaryJson {
  schema: typeof SUMMARY_SCHEMA
  generatedAt: string
  run: RunFacts
  status: Status
  nonBlocking: boolean
  /** How patch coverage was measured (base commit, gate), or null when it was not attempted. */
  patch: PatchOutcome | null
  /** The run compared with (base branch), or null when none was looked for. */
  baseline: BaselineOutcome | null
  /** The shard artifacts merged (merge mode), or null. */
  merge: MergeOutcome | null
  /** Every finding of the run, the action's own (patch, baseline, uploads of the summary) included. */
  findings: Array<{ suite: string; kind: string; message: string }>
  suites: Record<SuiteId, SuiteSummary>
}
