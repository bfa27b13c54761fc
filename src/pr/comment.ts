// The optional sticky pull request comment: one comment per job, found again by
// a hidden marker and updated in place, kept under GitHub's 65,536-character
// limit. A token that may not write (a fork's pull request) is no failure: the
// results stay in the job summary and a notice says why there is no comment.
import * as core from '@actions/core'
import { ApiError, type GitHubApi } from '../github/api.js'

export const COMMENT_LIMIT = 65_536

export interface CommentResult {
  id: number
  url: string | null
  created: boolean
}

export function commentMarker(key: string): string {
  return `<!-- rust-python-coverage: ${key.replace(/--+/g, '-').replace(/>/g, '')} -->`
}

/** The body: marker first, then the summary, cut with a note when it would pass the limit. Pure. */
export function commentBody(marker: string, summary: string, detailsUrl: string | null): string {
  const footer = detailsUrl ? `\n<sub>From [this run](${detailsUrl}): job summary, annotations and artifacts.</sub>\n` : ''
  const body = `${marker}\n${summary}${footer}`
  if (body.length <= COMMENT_LIMIT) return body
  const note = `\n\n… cut to fit GitHub's comment limit; the whole summary is ${detailsUrl ? `in [the job summary](${detailsUrl})` : 'in the job summary'}.\n`
  let cut = body.slice(0, COMMENT_LIMIT - note.length)
  // Never end inside a line (a half table row, a half tag).
  const lastLine = cut.lastIndexOf('\n')
  if (lastLine > marker.length) cut = cut.slice(0, lastLine)
  return `${cut}${note}`
}

interface IssueComment {
  id: number
  body?: string
  html_url?: string
  user?: { type?: string; login?: string }
}

/** Creates or updates the pull request's comment that carries `marker`. */
export async function upsertComment(api: GitHubApi, repository: string, pr: number, marker: string, body: string): Promise<CommentResult> {
  let existing: IssueComment | undefined
  for (let page = 1; page <= 50 && !existing; page++) {
    const list = await api.json<IssueComment[]>('GET', `/repos/${repository}/issues/${pr}/comments?per_page=100&page=${page}`)
    existing = list.find((c) => c.body?.startsWith(marker))
    if (list.length < 100) break
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

export function noticeNoComment(why: string): void {
  core.notice(`No pull request comment: ${why}.`, { title: 'Coverage comment' })
}
