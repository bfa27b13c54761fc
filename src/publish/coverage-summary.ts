// coverage-summary.json: the machine-readable record of one run, uploaded as
// its own small artifact. A later pull request reads the base branch's copy
// for its baseline and deltas; a merge job reads the shards' copies. Pure: the
// pipeline gathers the facts, this shapes them. The schema is versioned; fields
// are only ever added.
import type { Finding } from '../model/findings.js'
import type { SuiteId } from '../inputs/read.js'
import type { BaselineOutcome } from '../pr/baseline/compare.js'
import type { SuiteDelta } from '../pr/baseline/delta.js'
import type { MergeOutcome } from '../merge/shards.js'
import type { PatchOutcome } from '../pr/patch/measure.js'
import type { PatchCoverage } from '../pr/patch/patch-coverage.js'
import type { Tally } from '../reports/model.js'
import type { SuiteResult } from '../model/suite.js'
import type { Status } from './verdict.js'

export const SUMMARY_SCHEMA = 'rust-python-coverage/coverage-summary@1'

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
  headline: { percent: number; covered: number; total: number; basis: string } | null
  totals: { lines: Tally; branches: Tally; functions: Tally } | null
  threshold: { minLines: number | null; met: boolean | null }
  durationSeconds: number
  commands: Array<{ command: string; exitCode: number | null; timedOut: boolean; seconds: number }>
  artifact: { name: string; id: number | null; size: number | null; url: string | null; error: string | null } | null
  findings: Array<{ kind: string; message: string }>
  files: FileFigures[]
  /** Coverage of the changed lines (null when not measured); uncovered as [first, last] line ranges. */
  patch: PatchCoverage | null
  /** Change since the baseline run (percentage points), or null without a baseline. */
  delta: SuiteDelta | null
  /** The zipped HTML report (Rust), or null. */
  htmlZip: { path: string; files: number; bytes: number } | null
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

export function runFacts(env: NodeJS.ProcessEnv, matrixValue: string): RunFacts {
  const get = (name: string): string | null => env[name] || null
  return {
    repository: get('GITHUB_REPOSITORY'),
    commit: get('GITHUB_SHA'),
    ref: get('GITHUB_REF'),
    runId: get('GITHUB_RUN_ID'),
    runAttempt: get('GITHUB_RUN_ATTEMPT'),
    workflow: get('GITHUB_WORKFLOW'),
    job: get('GITHUB_JOB'),
    event: get('GITHUB_EVENT_NAME'),
    matrixValue
  }
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10

export function suiteSummary(result: SuiteResult, findings: readonly Finding[], tools: Record<string, string>): SuiteSummary {
  const report = result.report
  const headline = result.headline ?? null
  return {
    enabled: result.enabled,
    report: result.reportPath,
    format: report?.format ?? null,
    producer: report?.producer ?? null,
    tools: { ...tools, ...(report?.producer && report.producerVersion ? { [report.producer]: report.producerVersion } : {}) },
    headline: headline ? { percent: headline.percent, covered: headline.covered, total: headline.total, basis: headline.basis } : null,
    totals: report ? report.totals : null,
    threshold: { minLines: result.minLines, met: result.minLines === null || !headline ? null : headline.percent >= result.minLines },
    durationSeconds: seconds(result.durationMs),
    commands: result.commands.map((c) => ({ command: c.command, exitCode: c.exitCode, timedOut: c.timedOut, seconds: seconds(c.durationMs) })),
    artifact: result.artifact
      ? {
          name: result.artifact.name,
          id: result.artifact.id ?? null,
          size: result.artifact.size ?? null,
          url: result.artifact.url ?? null,
          error: result.artifact.error ?? null
        }
      : null,
    findings: findings.filter((f) => f.suite === result.suite).map((f) => ({ kind: f.kind, message: f.message })),
    files: (report?.files ?? []).map((f) => ({ path: f.path, lines: f.lines, branches: f.branches, functions: f.functions })),
    patch: result.patch ?? null,
    delta: result.delta ?? null,
    htmlZip: result.htmlZip ?? null
  }
}

export function buildCoverageSummary(args: {
  run: RunFacts
  status: Status
  nonBlocking: boolean
  patch?: PatchOutcome | null
  baseline?: BaselineOutcome | null
  merge?: MergeOutcome | null
  findings?: readonly Finding[]
  suites: Record<SuiteId, SuiteSummary>
  now?: Date
}): CoverageSummaryJson {
  return {
    schema: SUMMARY_SCHEMA,
    generatedAt: (args.now ?? new Date()).toISOString(),
    run: args.run,
    status: args.status,
    nonBlocking: args.nonBlocking,
    patch: args.patch ?? null,
    baseline: args.baseline ?? null,
    merge: args.merge ?? null,
    findings: (args.findings ?? []).map((f) => ({ suite: f.suite, kind: f.kind, message: f.message })),
    suites: args.suites
  }
}

/** Reads a coverage-summary.json written by this action (any run, any version of schema 1); one clear line if it is not one. */
export function parseCoverageSummary(text: string, shown: string): CoverageSummaryJson {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new Error(`${shown} is not JSON`)
  }
  const summary = data as Partial<CoverageSummaryJson>
  if (summary?.schema !== SUMMARY_SCHEMA || typeof summary.suites !== 'object' || summary.suites === null) {
    throw new Error(`${shown} is not a coverage-summary.json of this action (schema ${JSON.stringify(summary?.schema ?? null)})`)
  }
  return summary as CoverageSummaryJson
}
