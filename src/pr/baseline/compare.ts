// The baseline phase: on a pull request (or with baseline-branch), the base
// branch's latest coverage-summary.json, the deltas per suite and file, and the
// max-drop gate (a finding like any other). No baseline is never a finding: a
// first pull request after adopting the action has none; it is a notice.
import * as core from '@actions/core'
import * as log from '../../safety/log.js'
import { suitesOf, type RunState } from '../../model/run-state.js'
import * as path from 'node:path'
import { pullRequestOf } from '../../github/event.js'
import { GitHubApi } from '../../github/api.js'
import { formatPercent } from '../../reports/headline.js'
import { formatDelta, suiteDelta } from './delta.js'
import { findBaseline, workflowFile, type Baseline } from './find.js'
import { BaselineUnavailable } from '../../model/errors.js'
import type { BaselineOutcome } from '../../model/outcomes.js'

/** The baseline phase; null when the baseline is off or there is no branch to compare with. */
export async function compareWithBaseline(run: RunState): Promise<BaselineOutcome | null> {
  const { inputs, findings, env } = run
  const suites = suitesOf(run)
  if (!inputs.baseline.enabled) return null
  const branch = inputs.baseline.branch || pullRequestOf(env)?.baseRef
  if (!branch) return null
  const maxDrop = inputs.baseline.maxDrop
  const none = (why: string): BaselineOutcome => {
    log.notice(`Nothing to compare with on ${branch}: ${why}${maxDrop !== null ? '; max-drop is not judged' : ''}.`, { title: 'Coverage baseline' })
    return { run: null, unavailable: why, maxDrop }
  }
  const repository = env['GITHUB_REPOSITORY']
  const workflow = workflowFile(env['GITHUB_WORKFLOW_REF'])
  if (!inputs.githubToken) return none('github-token is empty')
  if (!repository || !workflow) return none('GITHUB_REPOSITORY or GITHUB_WORKFLOW_REF is not set (not running in GitHub Actions)')

  core.startGroup(`Coverage baseline: ${workflow} on ${branch}`)
  let baseline: Baseline | undefined
  try {
    baseline = await findBaseline(
      GitHubApi.fromEnv(inputs.githubToken, env),
      {
        repository,
        workflow,
        branch,
        artifactName: inputs.summaryArtifactName,
        fileName: path.basename(inputs.summaryJson),
        excludeRunId: Number(env['GITHUB_RUN_ID'] ?? 0)
      },
      (line) => log.info(line)
    )
  } catch (error) {
    if (!(error instanceof BaselineUnavailable)) throw error
    return none(error.message)
  } finally {
    core.endGroup()
  }
  if (!baseline) return none('not found')
  log.info(`Baseline: run ${baseline.runId} (commit ${baseline.commit?.slice(0, 12) ?? 'unknown'})`)
  for (const suite of suites) {
    const delta = suiteDelta(suite, baseline.summary.suites?.[suite.suite])
    suite.delta = delta
    if (!delta || delta.delta === null) continue
    log.info(`${suite.label}: ${formatPercent(delta.before as number)} -> ${formatPercent(delta.after as number)} (${formatDelta(delta.delta)})`)
    // Rounded to hundredths of a point, so float noise never trips the gate.
    if (maxDrop !== null && Math.round(-delta.delta * 100) / 100 > maxDrop) {
      findings.add(
        suite.suite,
        'drop',
        `${suite.label} coverage dropped ${formatDelta(delta.delta).replace(/^−/, '')} (${formatPercent(delta.before as number)} on ${branch} to ${formatPercent(delta.after as number)}), more than max-drop ${maxDrop} pp`
      )
    }
  }
  const { summary: _summary, ...baselineRun } = baseline
  return { run: baselineRun, maxDrop }
}
