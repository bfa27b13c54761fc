// coverage-summary.json: the machine-readable record of one run, uploaded as
// its own small artifact. A later pull request reads the base branch's copy
// for its baseline and deltas; a merge job reads the shards' copies. Pure: the
// pipeline gathers the facts, this shapes them. The schema is versioned; fields
// are only ever added.
import type { Finding, Status } from '../model/findings.js'
import type { ArtifactInfo, SuiteResult } from '../model/suite.js'
import { suiteCosts, tenthsOfSeconds } from './costs.js'
import { meetsThreshold } from './verdict.js'
import type { SuiteId } from '../model/inputs.js'
import type { BaselineOutcome, MergeOutcome, PatchOutcome } from '../model/outcomes.js'
import { SUMMARY_SCHEMA, type SuiteSummary, type RunFacts, type CoverageSummaryJson } from '../model/coverage-summary.js'

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

/** An artifact as coverage-summary.json records it. */
function artifactRecord(artifact: ArtifactInfo | undefined): SuiteSummary['artifact'] {
  return artifact
    ? { name: artifact.name, id: artifact.id ?? null, size: artifact.size ?? null, url: artifact.url ?? null, error: artifact.error ?? null }
    : null
}

/** The change since the baseline as recorded: coverage, files, and the runtime's and artifacts' size's changes. */
function deltaRecord(result: SuiteResult): SuiteSummary['delta'] {
  if (!result.delta) return null
  const { base: _base, ...delta } = result.delta
  const costs = suiteCosts(result)
  return { ...delta, durationSeconds: costs?.durationSeconds ?? null, artifactBytes: costs?.artifactBytes ?? null }
}

export function suiteSummary(result: SuiteResult, findings: readonly Finding[], tools: Record<string, string>): SuiteSummary {
  const report = result.report
  const headline = result.headline ?? null
  return {
    enabled: result.enabled,
    report: result.reportPath,
    format: report?.format ?? null,
    producer: report?.producer ?? null,
    tools: { ...tools, ...(report?.producer && report.producerVersion ? { [report.producer]: report.producerVersion } : {}) },
    headline: headline
      ? {
          percent: headline.percent,
          covered: headline.covered,
          total: headline.total,
          basis: headline.basis,
          ...(headline.toolGate ? { toolGate: headline.toolGate } : {})
        }
      : null,
    totals: report ? report.totals : null,
    threshold: { minLines: result.minLines, met: result.minLines === null || !headline ? null : meetsThreshold(headline, result.minLines) },
    durationSeconds: tenthsOfSeconds(result.durationMs),
    commands: result.commands.map((c) => ({
      command: c.command,
      exitCode: c.exitCode,
      timedOut: c.timedOut,
      seconds: tenthsOfSeconds(c.durationMs)
    })),
    artifact: artifactRecord(result.artifact),
    htmlArtifact: artifactRecord(result.htmlArtifact),
    findings: findings.filter((f) => f.suite === result.suite).map((f) => ({ kind: f.kind, message: f.message })),
    files: (report?.files ?? []).map((f) => ({ path: f.path, lines: f.lines, branches: f.branches, functions: f.functions })),
    patch: result.patch ?? null,
    delta: deltaRecord(result),
    codeCoverage: result.codeCoverage ?? null,
    htmlZip: result.htmlZip ?? null,
    ...(result.packages ? { packages: result.packages } : {}),
    ...(result.fromPython ? { rustFromPython: result.fromPython } : {})
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
