// Turns findings into the step's outcome: warnings that say what enforcement
// would do (non-blocking mode), or errors and a failed step.
import * as core from '@actions/core'
import type { Finding, Findings } from '../model/findings.js'

export type Status = 'passed' | 'warned' | 'failed'

export function statusOf(findings: readonly Finding[], nonBlocking: boolean): Status {
  if (findings.length === 0) return 'passed'
  return nonBlocking ? 'warned' : 'failed'
}

/** The line shown for one finding in the given mode. */
export function describe(finding: Finding, nonBlocking: boolean): string {
  return nonBlocking ? `${finding.message} (would fail the step with non-blocking: false)` : finding.message
}

// GitHub shows at most 10 annotations of each type per step; keep room for
// advisories and say how many were folded into one.
const MAX_ANNOTATIONS = 8

export function announce(findings: Findings, nonBlocking: boolean, redact: (s: string) => string): Status {
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
  return status
}
