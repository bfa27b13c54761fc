// What the pull-request phases (patch, baseline) and merge mode found, as the
// summary, the outputs and coverage-summary.json show it. Types only.
import type { SuiteId } from './inputs.js'

// Patch coverage: of the lines a pull request adds or changes, those the tool instruments, and of those, the ones run.
export interface PatchFile {
  /** Path relative to the workspace (as in the report). */
  path: string
  /** Changed lines the tool instruments, and those run. */
  total: number
  covered: number
  /** Changed, instrumented and not run, as [first, last] ranges. */
  uncovered: Array<[number, number]>
}

export interface PatchCoverage {
  covered: number
  total: number
  /** Unrounded; null when no changed line is instrumented. */
  percent: number | null
  /** Files with instrumented changed lines, the least covered first. */
  files: PatchFile[]
}

/** What the summary and coverage-summary.json show of the patch. */
export interface PatchOutcome {
  /** The base commit, or null when patch coverage was not measured. */
  base: string | null
  how: string
  /** Why it was not measured (one line), when it was not. */
  unavailable?: string
  /** Files the change touches (inside the workspace). */
  changedFiles: number
  minPatch: number | null
}

// Change since the baseline run.
export interface FileDelta {
  path: string
  /** Line coverage in percent; null when the file is absent on that side (or has no lines). */
  before: number | null
  after: number | null
  /** after - before in percentage points; null for added or removed files. */
  delta: number | null
}

export interface SuiteDelta {
  before: number | null
  after: number | null
  /** Percentage points; null when either side has no figure. */
  delta: number | null
  /** Files whose line coverage changed, were added or removed: the largest drops first, then added, then removed. */
  files: FileDelta[]
  /** The baseline run's runtime (seconds) and the bytes of the suite's artifacts, each null when it did not record them. */
  base?: { durationSeconds: number | null; artifactBytes: number | null }
}

export interface BaselineRun {
  runId: number
  /** Run page. */
  url: string | null
  commit: string | null
  branch: string
  createdAt: string | null
}

export interface BaselineOutcome {
  /** The run compared with, or null when there is no baseline. */
  run: BaselineRun | null
  /** Why there is none (one line). */
  unavailable?: string
  maxDrop: number | null
}

// Merge mode: the shard artifacts merged.
export interface Shard {
  suite: SuiteId
  artifact: string
  id: number
  /** The report read from it, relative to the workspace; null when it held none. */
  report: string | null
}

export interface MergeOutcome {
  shards: Shard[]
}
