// The optional sticky pull request comment: one comment per job, found again by
// a hidden marker written by the token's own identity (never another user's
// comment that starts with the marker) and updated in place, kept under GitHub's 65,536-character
// limit. A token that may not write (a fork's pull request) is no failure: the
// results stay in the job summary and a notice says why there is no comment.
import * as core from '@actions/core'
import * as log from '../safety/log.js'
import { GitHubApi } from '../github/api.js'
import { pullRequestOf } from '../github/event.js'
import type { RunState } from '../model/run-state.js'
import { runUrl } from '../publish/artifacts.js'
import { summaryInput } from '../publish/job-summary.js'
import { renderSummary } from '../publish/summary.js'
import { ApiError } from '../model/errors.js'
import { safeUrl } from '../safety/markdown.js'

export const COMMENT_LIMIT = 65_536

export interface CommentResult {
  id: number
  url: string | null
  created: boolean
}

export function commentMarker(key: string): string {
  return `<!-- rust-python-coverage: ${key.replace(/--+/g, '-').replace(/>/g, '')} -->`
}

/**
 * The body: marker first, then the summary (already made safe by renderSummary),
 * cut with a note when it would pass the limit. `detailsUrl` is the run page we
 * build; it becomes a link only as an https URL, its destination encoded. Pure.
 */
export function commentBody(marker: string, summary: string, detailsUrl: string | null): string {
  const url = detailsUrl ? safeUrl(detailsUrl, detailsUrl) : null
  const footer = url ? `\n<sub>From [this run](${url}): job summary, annotations and artifacts.</sub>\n` : ''
  const body = `${marker}\n${summary}${footer}`
  if (body.length <= COMMENT_LIMIT) return body
  const note = `\n\n… cut to fit GitHub's comment limit; the whole summary is ${url ? `in [the job summary](${url})` : 'in the job summary'}.\n`
  const room = COMMENT_LIMIT - note.length - CLOSE_DETAILS.length * MAX_OPEN_DETAILS
  let cut = body.slice(0, room)
  // Never end inside a line (a half table row, a half tag or entity).
  const lastLine = cut.lastIndexOf('\n')
  if (lastLine > marker.length) cut = cut.slice(0, lastLine)
  // Nor inside a <details>: the note would be folded away in it.
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length
  const close = Math.min(Math.max(open, 0), MAX_OPEN_DETAILS)
  return `${cut}${CLOSE_DETAILS.repeat(close)}${note}`
}

const CLOSE_DETAILS = '\n\n</details>'
const MAX_OPEN_DETAILS = 4

interface IssueComment {
  id: number
  body?: string
  html_url?: string
  user?: { type?: string; login?: string }
}

/** Who GITHUB_TOKEN writes as. */
export const ACTIONS_BOT = 'github-actions[bot]'

/**
 * The login the token writes comments as: `GET /user` for a personal access
 * token; GITHUB_TOKEN (and an app's installation token) get 403 there, and
 * then only github-actions[bot]'s comments are ours.
 */
export async function tokenLogin(api: GitHubApi): Promise<string> {
  try {
    const me = await api.json<{ login?: unknown }>('GET', '/user')
    if (typeof me.login === 'string' && me.login !== '') return me.login
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
  }
  return ACTIONS_BOT
}

/** A comment written by `login` (github-actions[bot] only as the Bot account). */
const writtenBy = (comment: IssueComment, login: string): boolean =>
  comment.user?.login === login && (login !== ACTIONS_BOT || comment.user?.type === 'Bot')

/** Creates or updates the pull request's comment that carries `marker` and was written by the token's own identity. */
export async function upsertComment(api: GitHubApi, repository: string, pr: number, marker: string, body: string): Promise<CommentResult> {
  let existing: IssueComment | undefined
  let login: string | undefined
  for await (const list of api.pages<IssueComment>(`/repos/${repository}/issues/${pr}/comments?per_page=100&page=1`, 50)) {
    const marked = list.filter((c) => typeof c?.id === 'number' && typeof c.body === 'string' && c.body.startsWith(marker))
    // Who we are is asked only when a marked comment is there to tell apart.
    if (marked.length > 0) login ??= await tokenLogin(api)
    existing = marked.find((c) => writtenBy(c, login as string))
    if (existing) break
  }
  if (existing) {
    const updated = await api.json<IssueComment>('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body })
    return { id: updated.id ?? existing.id, url: updated.html_url ?? null, created: false }
  }
  const created = await api.json<IssueComment>('POST', `/repos/${repository}/issues/${pr}/comments`, { body })
  return { id: created.id, url: created.html_url ?? null, created: true }
}

/** Why there is no comment, as one line, for a notice. */
export function commentProblem(error: unknown, fromFork: boolean): string {
  const message = (error as Error).message
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return `${message}. ${fromFork ? 'A pull request from a fork gets a read-only token' : 'The token needs `pull-requests: write`'}; the results are in the job summary`
  }
  return `${message}; the results are in the job summary`
}

/** The comment phase: the same summary as the job's, within the comment limit. Never a finding: without it the summary still holds everything. */
export async function commentOnPullRequest(run: RunState): Promise<void> {
  const { inputs, env } = run
  const pr = pullRequestOf(env)
  const repository = env['GITHUB_REPOSITORY']
  if (!pr || !repository) {
    log.info('comment: true, but this run is not for a pull request; no comment')
    return
  }
  if (!inputs.githubToken) return noticeNoComment('github-token is empty; the results are in the job summary')
  const marker = commentMarker(`${env['GITHUB_WORKFLOW'] ?? ''}/${env['GITHUB_JOB'] ?? ''}/${inputs.summaryArtifactName}`)
  const body = commentBody(marker, run.redact(renderSummary(summaryInput(run), COMMENT_LIMIT - 4096)), runUrl(env) ?? null)
  try {
    const result = await upsertComment(GitHubApi.fromEnv(inputs.githubToken, env), repository, pr.number, marker, body)
    log.info(`${result.created ? 'Created' : 'Updated'} the pull request comment ${result.url ?? result.id}`)
    core.setOutput('comment-url', result.url ?? '')
  } catch (error) {
    noticeNoComment(commentProblem(error, pr.fromFork))
  }
}

export function noticeNoComment(why: string): void {
  log.notice(`Not posted: ${why}.`, { title: 'Coverage comment' })
}
