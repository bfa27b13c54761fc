// The baseline of a pull request: the coverage-summary.json of the latest
// successful run of the same workflow on the base branch, found and downloaded
// through GitHub's REST API (workflow runs, run artifacts, artifact zip).
// Needs `actions: read`.
import { parseCoverageSummary } from '../../publish/coverage-summary.js'
import { type GitHubApi } from '../../github/api.js'
import { readZipEntry } from '../../zip/read.js'
import { ApiError, BaselineUnavailable } from '../../model/errors.js'
import type { BaselineRun } from '../../model/outcomes.js'
import type { CoverageSummaryJson } from '../../model/coverage-summary.js'

export interface Baseline extends BaselineRun {
  summary: CoverageSummaryJson
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

interface RunsPage {
  workflow_runs?: Array<{ id: number; html_url?: string; head_sha?: string; head_branch?: string; created_at?: string; conclusion?: string | null }>
}
interface ArtifactsPage {
  artifacts?: Array<{ id: number; name: string; expired?: boolean; size_in_bytes?: number }>
}

const MAX_SUMMARY_BYTES = 64 * 1024 * 1024

export async function findBaseline(api: GitHubApi, query: BaselineQuery, log: (line: string) => void): Promise<Baseline> {
  const repo = query.repository
  const where = `${query.workflow} on ${query.branch}`
  const runsPath =
    `/repos/${repo}/actions/workflows/${encodeURIComponent(query.workflow)}/runs` +
    `?branch=${encodeURIComponent(query.branch)}&status=success&exclude_pull_requests=true&per_page=${query.maxRuns ?? 10}`
  let runs: RunsPage
  try {
    runs = await api.json<RunsPage>('GET', runsPath)
  } catch (error) {
    throw unavailable(error, 'listing the workflow runs')
  }
  const list = (runs.workflow_runs ?? []).filter((r) => r.id !== query.excludeRunId)
  if (list.length === 0) throw new BaselineUnavailable(`no successful run of ${where} yet`)
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
    const artifact = (artifacts.artifacts ?? []).find((a) => a.name === query.artifactName && !a.expired)
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
    let summary: CoverageSummaryJson
    try {
      summary = parseCoverageSummary(text.toString('utf8'), shown)
    } catch (error) {
      throw new BaselineUnavailable((error as Error).message)
    }
    return {
      runId: run.id,
      url: run.html_url ?? null,
      commit: run.head_sha ?? summary.run.commit,
      branch: query.branch,
      createdAt: run.created_at ?? null,
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
