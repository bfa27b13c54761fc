// What the action needs from the event payload (GITHUB_EVENT_PATH) of a
// pull_request or pull_request_target run. Anything else gives null.
import * as fs from 'node:fs'

export interface PullRequestEvent {
  number: number
  baseSha: string
  baseRef: string
  headSha: string | null
  /** True when the head branch lives in another repository (a fork): its token is read-only. */
  fromFork: boolean
}

export function pullRequestOf(env: NodeJS.ProcessEnv): PullRequestEvent | null {
  const event = env['GITHUB_EVENT_NAME'] ?? ''
  const file = env['GITHUB_EVENT_PATH']
  if (!/^pull_request(_target)?$/.test(event) || !file) return null
  let payload: unknown
  try {
    payload = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
  const pr = (payload as { pull_request?: Record<string, unknown> }).pull_request
  const base = pr?.['base'] as { sha?: unknown; ref?: unknown; repo?: { full_name?: unknown } } | undefined
  const head = pr?.['head'] as { sha?: unknown; repo?: { full_name?: unknown } } | undefined
  const number = pr?.['number']
  if (typeof number !== 'number' || typeof base?.sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(base.sha) || typeof base.ref !== 'string') return null
  const baseRepo = base.repo?.full_name
  const headRepo = head?.repo?.full_name
  return {
    number,
    baseSha: base.sha,
    baseRef: base.ref,
    headSha: typeof head?.sha === 'string' ? head.sha : null,
    fromFork: typeof baseRepo === 'string' && typeof headRepo === 'string' && baseRepo !== headRepo
  }
}
