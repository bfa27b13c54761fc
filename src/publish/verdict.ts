// Turns findings into the step's outcome: warnings that say what enforcement
// would do (non-blocking mode), or errors and a failed step.
import type { Finding, Findings, Status } from '../model/findings.js'
import type { RunState } from '../model/run-state.js'
import type { Headline, SuiteResult } from '../model/suite.js'
import { passesLikeCoveragePy } from '../reports/coverage-gate.js'
import { formatPercent } from '../reports/headline.js'
import * as log from '../safety/log.js'

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

/**
 * The last phase: annotations, the failed step when enforcing, and the status
 * and findings outputs. Findings and advisories share the step's annotation
 * budget per type (GitHub shows 10): past it the rest go to the log and one
 * annotation points to the job summary.
 */
export function announce(run: RunState): Status {
  const { findings, redact } = run
  const nonBlocking = run.inputs.nonBlocking
  const status = statusOf(findings.findings, nonBlocking)
  const lines = findings.findings.map((f) => redact(describe(f, nonBlocking)))
  const annotate = nonBlocking ? log.warning : log.error
  for (const line of lines) annotate(line)
  for (const advisory of findings.advisories) log.warning(redact(advisory.message))
  log.flushAnnotations()
  if (status === 'failed') {
    log.setFailed(`Coverage failed with ${lines.length} finding(s): ${lines[0]}${lines.length > 1 ? ' …' : ''}`)
  }
  log.setOutput('status', status)
  log.setOutput('findings', String(findings.findings.length))
  return status
}
