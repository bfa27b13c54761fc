// The job summary phase: the rendered summary, redacted, to GITHUB_STEP_SUMMARY,
// or to the terminal on a local run.
import * as core from '@actions/core'
import { suitesOf, type RunState } from '../model/run-state.js'
import { renderSummary, type SummaryInput } from './summary.js'
import { summaryForTerminal } from './terminal.js'
import { statusOf } from './verdict.js'

/** What the summary (and the pull request comment) is rendered from. */
export function summaryInput(run: RunState): SummaryInput {
  const { inputs, findings } = run
  return {
    suites: suitesOf(run),
    findings: findings.findings,
    advisories: findings.advisories,
    status: statusOf(findings.findings, inputs.nonBlocking),
    nonBlocking: inputs.nonBlocking,
    filesPerSuite: inputs.summaryFiles,
    patch: run.patch,
    baseline: run.baseline,
    merge: run.merge,
    page: run.page?.artifact?.url ? { name: run.inputs.pageName, url: run.page.artifact.url } : null,
    serverUrl: run.env['GITHUB_SERVER_URL'] || 'https://github.com',
    // Before escaping: the escaping would split a secret (a <wbr> in hex) and hide it from a later pass.
    redact: run.redact
  }
}

export async function writeJobSummary(run: RunState): Promise<void> {
  const text = run.redact(renderSummary(summaryInput(run)))
  if (run.env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(text, true).write()
  else process.stdout.write(`\n${summaryForTerminal(text)}\n`)
}
