// Turns findings into the step's outcome: warnings that say what enforcement
// would do (non-blocking mode), or errors and a failed step.
import * as core from '@actions/core'
import type { Finding, Findings, Status } from '../model/findings.js'
import type { RunState } from '../model/run-state.js'
import type { Headline, SuiteResult } from '../model/suite.js'
import { passesLikeCoveragePy } from '../reports/coverage-gate.js'
import { formatPercent } from '../reports/headline.js'

export function statusOf(findings: readonly Finding[], nonBlocking: boolean): Status {
  if (findings.length === 0) return 'passed'
  return nonBlocking ? 'warned' : 'failed'
}

/** A suite's figure below its threshold is a finding, judged as its own tool judges it (meetsThreshold). */
export function judgeThreshold(suite: SuiteResult, findings: Findings): void {
  const headline = suite.headline
  if (!headline || suite.minLines === null || meetsThreshold(headline, suite.minLines)) return
  const printed = headline.toolGate ? ` (${headline.toolGate.tool} prints ${headline.toolGate.printed})` : ''
  findings.add(
    suite.suite,
    'threshold',
    `${suite.label} coverage ${formatPercent(headline.percent)}${printed} is below ${suite.suite}-min-lines ${suite.minLines}%`
  )
}

/**
 * The threshold judged as the suite's own tool judges it: coverage.py rounds its
 * total to its precision first (59.56% passes 60 at precision 0); cargo llvm-cov
 * --fail-under-lines compares the unrounded LF/LH figure.
 */
export function meetsThreshold(headline: Headline, minLines: number): boolean {
  const gate = headline.toolGate
  return gate ? passesLikeCoveragePy(headline.percent, minLines, gate.precision) : headline.percent >= minLines
}

/** The line shown for one finding in the given mode. */
export function describe(finding: Finding, nonBlocking: boolean): string {
  return nonBlocking ? `${finding.message} (would fail the step with non-blocking: false)` : finding.message
}

// GitHub shows at most 10 annotations of each type per step; keep room for
// advisories and say how many were folded into one.
const MAX_ANNOTATIONS = 8

/** The last phase: annotations, the failed step when enforcing, and the status and findings outputs. */
export function announce(run: RunState): Status {
  const { findings, redact } = run
  const nonBlocking = run.inputs.nonBlocking
  const status = statusOf(findings.findings, nonBlocking)
  const lines = findings.findings.map((f) => redact(describe(f, nonBlocking)))
  const annotate = nonBlocking ? core.warning : core.error
  for (const line of lines.slice(0, MAX_ANNOTATIONS)) annotate(line)
  if (lines.length > MAX_ANNOTATIONS) {
    annotate(`${lines.length - MAX_ANNOTATIONS} more coverage finding(s); see the job summary and the log.`)
    for (const line of lines.slice(MAX_ANNOTATIONS)) core.info(line)
  }
  const advisories = findings.advisories.map((a) => redact(a.message))
  for (const line of advisories.slice(0, MAX_ANNOTATIONS)) core.warning(line)
  for (const line of advisories.slice(MAX_ANNOTATIONS)) core.info(`warning: ${line}`)
  if (status === 'failed') {
    core.setFailed(`Coverage failed with ${lines.length} finding(s): ${lines[0]}${lines.length > 1 ? ' …' : ''}`)
  }
  core.setOutput('status', status)
  core.setOutput('findings', String(findings.findings.length))
  return status
}
