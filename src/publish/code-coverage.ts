// GitHub's own coverage view (Code Quality): each suite's report uploaded as
// Cobertura (`PUT /repos/{owner}/{repo}/code-coverage/report`), then its
// processing status polled within a bounded wait. File names are the report's
// workspace-relative paths (the checkout's root is the repository's), so GitHub
// places them on the diff. Code Quality not enabled, or a token without
// `code-quality: write`, is a notice: the summary and artifacts hold everything.
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { promisify } from 'node:util'
import * as zlib from 'node:zlib'
import { GitHubApi } from '../github/api.js'
import { pullRequestOf } from '../github/event.js'
import { ApiError } from '../model/errors.js'
import { firstLine } from '../model/findings.js'
import { suitesOf, type RunState } from '../model/run-state.js'
import type { CodeCoverageUpload, SuiteResult } from '../model/suite.js'
import { repositoryRoot } from '../pr/patch/git.js'
import { coberturaXml } from '../reports/cobertura-write.js'

const gzip = promisify(zlib.gzip)

/** How long to wait for GitHub to process one report, and the first pause between polls (doubled each time, at most 10 s). */
const PROCESSING_WAIT_MS = 120_000
const FIRST_POLL_MS = 1_000

interface UploadAnswer {
  id?: number
  message?: string
}
interface StatusAnswer {
  processing_status?: string
  errors?: unknown
}

export async function uploadCodeCoverage(run: RunState): Promise<void> {
  const { inputs, env, findings } = run
  if (!inputs.githubCodeCoverage) return
  const repository = env['GITHUB_REPOSITORY']
  const pr = pullRequestOf(env)
  const commit = pr?.headSha ?? env['GITHUB_SHA']
  const ref = env['GITHUB_REF']
  if (!repository || !commit || (!pr && !ref)) {
    core.notice(
      'github-code-coverage: true, but GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_REF is not set (not running in GitHub Actions); nothing sent.',
      {
        title: 'GitHub code coverage'
      }
    )
    return
  }
  if (!inputs.githubToken) {
    core.notice('github-code-coverage: true, but github-token is empty; nothing sent.', { title: 'GitHub code coverage' })
    return
  }
  const api = GitHubApi.fromEnv(inputs.githubToken, env)
  const toRepository = await repositoryPaths(inputs.workspace)
  core.startGroup('GitHub code coverage')
  try {
    for (const suite of suitesOf(run)) {
      if (!suite.report || suite.report.files.length === 0) continue
      const target = pr ? { pull_request_number: pr.number } : { ref: ref as string }
      suite.codeCoverage = await uploadOne(api, repository, commit, target, suite, toRepository)
      const outcome = suite.codeCoverage
      core.info(`${suite.label}: ${outcome.status}${outcome.message ? ` (${outcome.message})` : ''}`)
      if (outcome.status === 'failed') {
        findings.add(
          suite.suite,
          'upload-failed',
          `GitHub code coverage could not process the ${suite.label} report: ${outcome.message ?? 'no reason given'}`
        )
      } else if (outcome.status === 'not-sent' || outcome.status === 'skipped') {
        core.notice(`${suite.label} report not shown: ${outcome.message}`, { title: 'GitHub code coverage' })
      }
    }
  } finally {
    core.endGroup()
  }
}

async function uploadOne(
  api: GitHubApi,
  repository: string,
  commit: string,
  target: { pull_request_number: number } | { ref: string },
  suite: SuiteResult,
  toRepository: (workspacePath: string) => string | null
): Promise<CodeCoverageUpload> {
  const report = suite.report as NonNullable<SuiteResult['report']>
  const note = `${suite.label} coverage from ${suite.reportPath}, written by rust-python-coverage for GitHub code coverage: hits are 1 or 0.`
  // Files outside the repository (a dependency's sources) have no place on the diff.
  const files = report.files.flatMap((f) => {
    const repoPath = toRepository(f.path)
    return repoPath === null ? [] : [{ ...f, path: repoPath }]
  })
  const xml = coberturaXml(files, '.', note)
  const body = {
    commit_oid: commit,
    coverage_report: (await gzip(xml)).toString('base64'),
    language_name: suite.label,
    label: `rust-python-coverage ${suite.label}`,
    ...target
  }
  let answer: UploadAnswer
  try {
    answer = await api.json<UploadAnswer>('PUT', `/repos/${repository}/code-coverage/report`, body)
  } catch (error) {
    const message = firstLine((error as Error).message)
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      return {
        status: 'not-sent',
        message: `${message} (the job needs \`permissions: code-quality: write\`, and Code Quality enabled for the repository)`
      }
    }
    return { status: 'failed', message }
  }
  if (typeof answer.id !== 'number') return { status: 'skipped', message: firstLine(answer.message ?? 'GitHub did not process the report') }
  return waitForProcessing(api, repository, answer.id)
}

/** Workspace-relative report paths made relative to the repository's root (the checkout may be a folder of the workspace). */
async function repositoryPaths(workspace: string): Promise<(workspacePath: string) => string | null> {
  const root = await repositoryRoot(workspace)
  const realWorkspace = fs.realpathSync(workspace)
  return (workspacePath) => {
    const relative = path.relative(root, path.resolve(realWorkspace, workspacePath))
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? null : relative.split(path.sep).join('/')
  }
}

async function waitForProcessing(api: GitHubApi, repository: string, id: number): Promise<CodeCoverageUpload> {
  const deadline = Date.now() + PROCESSING_WAIT_MS
  for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, 10_000)) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(deadline - Date.now(), 0))))
    let status: StatusAnswer
    try {
      status = await api.json<StatusAnswer>('GET', `/repos/${repository}/code-coverage/reports/${id}`)
    } catch (error) {
      return { id, status: 'pending', message: `its status could not be read: ${firstLine((error as Error).message)}` }
    }
    if (status.processing_status === 'succeeded') return { id, status: 'succeeded' }
    if (status.processing_status === 'failed') {
      const errors = Array.isArray(status.errors) ? status.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ') : ''
      return { id, status: 'failed', message: firstLine(errors || 'processing failed') }
    }
    if (Date.now() >= deadline)
      return { id, status: 'pending', message: `still ${status.processing_status ?? 'processing'} after ${PROCESSING_WAIT_MS / 1000} s` }
  }
}
