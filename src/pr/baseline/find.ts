// The baseline of a pull request: the coverage-summary.json of the latest
// successful run of the same workflow on the base branch, found and downloaded
// through GitHub's REST API (workflow runs, run artifacts, artifact zip).
// Needs `actions: read`. Only runs of this repository's own base branch count
// (a push or a scheduled run, never a pull request's, whatever its branch is
// called), and the summary is read as untrusted input (validate.ts).
import { type GitHubApi } from '../../github/api.js'
import { readZipEntry } from '../../zip/read.js'
import { ApiError, BaselineUnavailable, InvalidSummary } from '../../model/errors.js'
import type { BaselineRun } from '../../model/outcomes.js'
import { parseBaselineSummary, type BaselineSummary } from './validate.js'

export interface Baseline extends BaselineRun {
  summary: BaselineSummary
}

export interface BaselineQuery {
  repository: string
  /** The workflow file name (ci.yml), from GITHUB_WORKFLOW_REF. */
  workflow: string
  branch: string
  artifactName: string
  /** The summary's file name in the artifact (this run's summary-json name; coverage-summary.json by default). */
  fileName?: string
  /** This run, never its own baseline. */
  excludeRunId?: number
  /** Runs to look through for the artifact (latest first). */
  maxRuns?: number
}

/** "owner/repo/.github/workflows/ci.yml@refs/pull/1/merge" -> "ci.yml". */
export function workflowFile(workflowRef: string | undefined): string | null {
  return /\/\.github\/workflows\/([^@/]+)@/.exec(workflowRef ?? '')?.[1] ?? null
}

interface WorkflowRun {
  id: number
  html_url?: string
  head_sha?: string
  head_branch?: string
  created_at?: string
  conclusion?: string | null
  event?: string
  head_repository?: { full_name?: string } | null
}
interface RunsPage {
  workflow_runs?: WorkflowRun[]
}

/** Events whose runs are the base branch's own history (a pull request's run is never one, even from a branch called main). */
const BASE_EVENTS = new Set(['push', 'schedule'])

/** Why a listed run is not the base branch's own, or null when it is. */
export function notOwnRun(run: WorkflowRun, repository: string, branch: string): string | null {
  if (typeof run.id !== 'number' || !Number.isSafeInteger(run.id) || run.id <= 0) return 'its id is not a run id'
  const from = run.head_repository?.full_name
  if (typeof from !== 'string' || from.toLowerCase() !== repository.toLowerCase()) return `its head is in ${from ?? 'an unknown repository'}`
  if (!BASE_EVENTS.has(run.event ?? '')) return `it ran for a ${run.event ?? 'unknown'} event`
  if (run.head_branch !== branch) return `it ran on ${run.head_branch ?? 'an unknown branch'}`
  return null
}
interface ArtifactsPage {
  artifacts?: Array<{ id: number; name: string; expired?: boolean; size_in_bytes?: number }>
}

const MAX_SUMMARY_BYTES = 64 * 1024 * 1024
/** Runs listed at once: pull request runs of branches named like the base (forks) are among them and passed over. */
const LISTED_RUNS = 50

export async function findBaseline(api: GitHubApi, query: BaselineQuery, log: (line: string) => void): Promise<Baseline> {
  const repo = query.repository
  const where = `${query.workflow} on ${query.branch}`
  const runsPath =
    `/repos/${repo}/actions/workflows/${encodeURIComponent(query.workflow)}/runs` +
    `?branch=${encodeURIComponent(query.branch)}&status=success&exclude_pull_requests=true&per_page=${LISTED_RUNS}`
  let runs: RunsPage
  try {
    runs = await api.json<RunsPage>('GET', runsPath)
  } catch (error) {
    throw unavailable(error, 'listing the workflow runs')
  }
  const listed = (runs.workflow_runs ?? []).filter((r) => r.id !== query.excludeRunId)
  const list = listed.filter((r) => {
    const why = notOwnRun(r, repo, query.branch)
    if (why) log(`Run ${r.id} is not a baseline: ${why} (only push and scheduled runs of ${repo} on ${query.branch} are)`)
    return why === null
  })
  if (list.length === 0) {
    throw new BaselineUnavailable(
      listed.length === 0
        ? `no successful run of ${where} yet`
        : `no successful push or scheduled run of ${where} in ${repo} among the last ${listed.length} listed`
    )
  }
  for (const run of list.slice(0, query.maxRuns ?? 10)) {
    let artifacts: ArtifactsPage
    try {
      artifacts = await api.json<ArtifactsPage>(
        'GET',
        `/repos/${repo}/actions/runs/${run.id}/artifacts?name=${encodeURIComponent(query.artifactName)}&per_page=10`
      )
    } catch (error) {
      throw unavailable(error, `listing the artifacts of run ${run.id}`)
    }
    const artifact = (Array.isArray(artifacts.artifacts) ? artifacts.artifacts : []).find(
      (a) => a?.name === query.artifactName && !a.expired && Number.isSafeInteger(a.id) && a.id > 0
    )
    if (!artifact) {
      log(`Run ${run.id} of ${where} has no unexpired "${query.artifactName}" artifact; trying an older run`)
      continue
    }
    let zip: Buffer
    try {
      zip = await api.download(`/repos/${repo}/actions/artifacts/${artifact.id}/zip`, MAX_SUMMARY_BYTES)
    } catch (error) {
      throw unavailable(error, `downloading artifact ${artifact.id}`)
    }
    const names = [...new Set([query.fileName ?? 'coverage-summary.json', 'coverage-summary.json'])]
    const shown = `${names[0]} of run ${run.id}`
    let text: Buffer | null = null
    try {
      for (const name of names) if (!text) text = readZipEntry(zip, name, MAX_SUMMARY_BYTES)
    } catch (error) {
      throw new BaselineUnavailable(`artifact "${query.artifactName}" of run ${run.id}: ${(error as Error).message}`)
    }
    if (!text) throw new BaselineUnavailable(`artifact "${query.artifactName}" of run ${run.id} holds no ${names.join(' or ')}`)
    let summary: BaselineSummary
    try {
      summary = parseBaselineSummary(text.toString('utf8'))
    } catch (error) {
      if (!(error instanceof InvalidSummary)) throw error
      throw new BaselineUnavailable(`baseline ignored: ${shown}: ${error.message}`)
    }
    return {
      runId: run.id,
      url: typeof run.html_url === 'string' && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(run.html_url) ? run.html_url : null,
      commit: (typeof run.head_sha === 'string' && /^[0-9a-f]{40,64}$/.test(run.head_sha) ? run.head_sha : null) ?? summary.commit,
      branch: query.branch,
      createdAt: typeof run.created_at === 'string' && run.created_at.length <= 40 ? run.created_at : null,
      summary
    }
  }
  throw new BaselineUnavailable(
    `none of the last ${list.length} successful run(s) of ${where} has an unexpired "${query.artifactName}" artifact (coverage did not run there yet, or it expired)`
  )
}

function unavailable(error: unknown, doing: string): BaselineUnavailable {
  const message = (error as Error).message
  const hint = error instanceof ApiError && (error.status === 403 || error.status === 404) ? ' (the token needs `actions: read`)' : ''
  return new BaselineUnavailable(`${doing}: ${message}${hint}`)
}
