// The patch phase: the lines the pull request changes, the coverage of those
// lines per suite, the min-patch gate (a finding like any other) and notice
// annotations on the changed lines no test runs, within GitHub's cap.
import * as core from '@actions/core'
import * as log from '../../safety/log.js'
import { suitesOf, type RunState } from '../../model/run-state.js'
import { formatPercent } from '../../reports/headline.js'
import { GitHubApi } from '../../github/api.js'
import { pullRequestOf } from '../../github/event.js'
import { findPatch, inWorkspace, repositoryRoot, type PatchSource } from './git.js'
import { patchCoverage } from './patch-coverage.js'
import type { Inputs } from '../../model/inputs.js'
import { PatchUnavailable } from '../../model/errors.js'
import type { PatchCoverage, PatchOutcome } from '../../model/outcomes.js'

/**
 * GitHub shows at most 10 notice annotations per step: 7 for lines, one for
 * "N more", and room for the baseline and comment notices of the same step.
 */
export const MAX_LINE_ANNOTATIONS = 7

export interface LineAnnotation {
  file: string
  startLine: number
  endLine: number
  message: string
}

/** The notices for uncovered changed lines, least covered files first, and how many were left out. Pure. */
export function lineAnnotations(
  suites: ReadonlyArray<{ label: string; patch?: PatchCoverage | null }>,
  repoPath: (p: string) => string,
  limit = MAX_LINE_ANNOTATIONS
): { annotations: LineAnnotation[]; leftOut: number } {
  const all: LineAnnotation[] = []
  for (const suite of suites) {
    for (const file of suite.patch?.files ?? []) {
      for (const [start, end] of file.uncovered) {
        const lines = start === end ? `Line ${start} is` : `Lines ${start}–${end} are`
        all.push({
          file: repoPath(file.path),
          startLine: start,
          endLine: end,
          message: `${lines} changed by this pull request and not run by the ${suite.label} tests.`
        })
      }
    }
  }
  return { annotations: all.slice(0, limit), leftOut: Math.max(0, all.length - limit) }
}

/** The changed lines from the pull request's files (REST API), when git cannot give them; null when this is no pull request or there is no token. */
async function patchFromApi(inputs: Inputs, env: NodeJS.ProcessEnv, gitProblem: string): Promise<PatchSource | null> {
  const pr = pullRequestOf(env)
  const repository = env['GITHUB_REPOSITORY']
  if (!pr || !repository || !inputs.githubToken) return null
  log.info(`git cannot give the changes (${gitProblem}); reading the pull request's files from the REST API`)
  const { changedLinesFromApi } = await import('./api-files.js')
  const api = await changedLinesFromApi(GitHubApi.fromEnv(inputs.githubToken, env), repository, pr.number)
  const root = await repositoryRoot(inputs.workspace)
  const skipped = api.withoutPatch > 0 ? `; ${api.withoutPatch} file(s) without a diff there (binary or too large) not counted` : ''
  return {
    base: pr.baseSha,
    how: `the merge base with ${pr.baseSha.slice(0, 12)} (the pull request's files from the REST API, as git could not give them: ${gitProblem}${skipped})`,
    ...inWorkspace(api.changed, root, inputs.workspace)
  }
}

/** The patch phase; null when patch coverage is off or this is no pull request and no patch-base is given. */
export async function measurePatch(run: RunState): Promise<PatchOutcome | null> {
  const { inputs, findings, env } = run
  const suites = suitesOf(run)
  if (!inputs.patch.enabled) return null
  const minPatch = inputs.patch.minPatch
  let source: PatchSource
  core.startGroup('Patch coverage')
  try {
    source = await findPatch(inputs.workspace, inputs.patch.base, env, (line) => log.info(line))
  } catch (error) {
    if (!(error instanceof PatchUnavailable)) throw error
    if (error.message.startsWith('not a pull request')) {
      log.info(`Patch coverage not measured: ${error.message}`)
      core.endGroup()
      return null
    }
    let why = error.message
    const fromApi =
      inputs.patch.base === ''
        ? await patchFromApi(inputs, env, why).catch((apiError: unknown) => {
            why = `${why}; the pull request's files could not be read from the REST API either (${(apiError as Error).message})`
            return null
          })
        : null
    if (!fromApi) {
      log.info(`Patch coverage not measured: ${why}`)
      core.endGroup()
      if (minPatch !== null) findings.add('action', 'patch', `Patch coverage was not measured (min-patch ${minPatch}%): ${why}`)
      else log.notice(`Not measured: ${why}`, { title: 'Patch coverage' }) // the title says what; the message does not repeat it
      return { base: null, how: '', unavailable: why, changedFiles: 0, minPatch }
    }
    source = fromApi
  }
  log.info(`Base: ${source.how}; ${source.changed.size} changed file(s) in the workspace`)
  for (const suite of suites) {
    if (!suite.report) continue
    const patch = patchCoverage(suite.report, source.changed)
    suite.patch = patch
    // coverage.py records statements only: a changed comment or blank line is no changed statement.
    const unit = suite.report.producer === 'coverage.py' ? 'statements' : 'lines'
    log.info(
      `${suite.label}: ${patch.percent === null ? `no instrumented ${unit.slice(0, -1)} changed` : `${formatPercent(patch.percent)} of ${patch.total} changed ${unit} run`}`
    )
    if (minPatch !== null && patch.percent !== null && patch.percent < minPatch) {
      findings.add(
        suite.suite,
        'patch',
        `${suite.label} patch coverage ${formatPercent(patch.percent)} (${patch.covered}/${patch.total} changed ${unit}) is below min-patch ${minPatch}%`
      )
    }
  }
  core.endGroup()
  if (inputs.patch.annotate) {
    const { annotations, leftOut } = lineAnnotations(suites, source.repoPath)
    for (const a of annotations) {
      log.notice(a.message, { title: 'Not covered by tests', file: a.file, startLine: a.startLine, endLine: a.endLine })
    }
    if (leftOut > 0) {
      log.notice(`${leftOut} more uncovered range(s) of changed lines are not annotated (GitHub shows 10 notices per step); see the job summary.`, {
        title: 'Not covered by tests'
      })
    }
  }
  return { base: source.base, how: source.how, changedFiles: source.changed.size, minPatch }
}
