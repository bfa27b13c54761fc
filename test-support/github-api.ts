// A local double of the GitHub REST API, serving the shapes the action uses:
// workflow runs of a workflow (branch, status filters, latest first), a run's
// artifacts (name filter, expired flag), an artifact's zip (302 to the signed
// storage URL of the local artifact service that holds it, 410 once expired),
// and a pull request's comments (list with pages and Link headers, create, update, the 65,536
// character limit, 403 for a read-only token as on fork pull requests).
// Bearer/token auth is required; every request is recorded.
import * as http from 'node:http'
import * as zlib from 'node:zlib'
import type { AddressInfo } from 'node:net'
import type { ArtifactService } from './artifact-service.js'

export interface RunRecord {
  id: number
  branch: string
  conclusion: 'success' | 'failure' | null
  headSha: string
  createdAt: string
  /** The artifact service of that run (its stored artifacts are the run's). */
  artifacts?: ArtifactService
  /** Artifact names reported as expired. */
  expired?: string[]
  /** The event that started the run (default push); a pull request's run lists its head branch, whatever it is called. */
  event?: string
  /** The repository of the run's head commit (default the repository itself; a fork for a fork's pull request). */
  headRepository?: string
}

export interface Comment {
  id: number
  body: string
  user: { login: string; type: string }
}

/** A coverage report received by GitHub Code Quality (code-coverage/report), the XML unzipped. */
export interface CodeCoverageUpload {
  id: number
  commitOid: string
  languageName: string
  label: string
  pullRequestNumber: number | null
  ref: string | null
  xml: string
  /** GETs of its status so far: the first answers "processing", the next "succeeded" (or "failed" for a report with no <class>). */
  polls: number
}

export interface GitHubApiDouble {
  url: string
  requests: Array<{ method: string; path: string; status: number }>
  comments: Map<number, Comment[]>
  /** A pull request's files (pulls/{n}/files): name, status and the unified diff GitHub shows (absent for binary files). */
  pullFiles: Map<number, Array<{ filename: string; status: string; patch?: string }>>
  /** Reports uploaded to Code Quality, and how it answers: as enabled, as not enabled for the repository (200 without an id), or 403 without `code-quality: write`. */
  codeCoverage: { uploads: CodeCoverageUpload[]; mode: 'enabled' | 'not-enabled' | 'forbidden' }
  /** Answer every write with 403, as for a fork pull request's read-only token. */
  readOnly: boolean
  /** Who the token is (`GET /user`, and the author of the comments it writes); null answers /user with 403, as for GITHUB_TOKEN, whose comments are github-actions[bot]'s. */
  viewer: { login: string; type: string } | null
  /** Answer every request with this status (e.g. 403 without actions: read). */
  failWith: { status: number; message: string } | null
  close(): Promise<void>
}

const MAX_COMMENT = 65_536

export async function startGitHubApi(opts: {
  repository: string
  workflow: string
  token: string
  runs: RunRecord[]
  /** The IPv4 address to listen on (default 127.0.0.1). */
  listen?: string
}): Promise<GitHubApiDouble> {
  const requests: GitHubApiDouble['requests'] = []
  const comments = new Map<number, Comment[]>()
  const pullFiles: GitHubApiDouble['pullFiles'] = new Map()
  const codeCoverage: GitHubApiDouble['codeCoverage'] = { uploads: [], mode: 'enabled' }
  let nextComment = 9000
  const state = { readOnly: false, failWith: null as GitHubApiDouble['failWith'], viewer: null as GitHubApiDouble['viewer'] }
  let base = ''
  const repoPrefix = `/repos/${opts.repository}`

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base)
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, status })
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
        res.end(payload === undefined ? '' : JSON.stringify(payload))
      }
      const auth = req.headers.authorization ?? ''
      if (auth !== `Bearer ${opts.token}` && auth !== `token ${opts.token}`) return send(401, { message: 'Bad credentials' })
      if (state.failWith) return send(state.failWith.status, { message: state.failWith.message })
      if (req.method === 'GET' && url.pathname === '/user') {
        return state.viewer ? send(200, { ...state.viewer, id: 1 }) : send(403, { message: 'Resource not accessible by integration' })
      }
      if (!url.pathname.startsWith(`${repoPrefix}/`)) return send(404, { message: 'Not Found' })
      const rest = url.pathname.slice(repoPrefix.length)
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
      const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1)
      /** One page of a list, with GitHub's Link header (next and last, on the host the request was sent to) when more pages follow. */
      const sendPage = (items: unknown[]): void => {
        const last = Math.max(Math.ceil(items.length / perPage), 1)
        const at = (n: number): string => {
          const next = new URL(url.pathname + url.search, `http://${req.headers.host ?? new URL(base).host}`)
          next.searchParams.set('page', String(n))
          return next.href
        }
        const link: Record<string, string> = page < last ? { Link: `<${at(page + 1)}>; rel="next", <${at(last)}>; rel="last"` } : {}
        send(200, items.slice((page - 1) * perPage, page * perPage), link)
      }
      let m: RegExpExecArray | null

      if (req.method === 'GET' && (m = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest))) {
        if (decodeURIComponent(m[1] as string) !== opts.workflow) return send(404, { message: 'Not Found' })
        const branch = url.searchParams.get('branch')
        const status = url.searchParams.get('status')
        const runs = opts.runs
          .filter((r) => branch === null || r.branch === branch)
          .filter((r) => status === null || r.conclusion === status)
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        return send(200, {
          total_count: runs.length,
          workflow_runs: runs.slice((page - 1) * perPage, page * perPage).map((r) => ({
            id: r.id,
            name: 'CI',
            head_branch: r.branch,
            head_sha: r.headSha,
            event: r.event ?? 'push',
            head_repository: { full_name: r.headRepository ?? opts.repository },
            repository: { full_name: opts.repository },
            status: 'completed',
            conclusion: r.conclusion,
            created_at: r.createdAt,
            html_url: `https://github.com/${opts.repository}/actions/runs/${r.id}`
          }))
        })
      }
      if (req.method === 'GET' && (m = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(rest))) {
        const run = opts.runs.find((r) => r.id === Number(m?.[1]))
        if (!run) return send(404, { message: 'Not Found' })
        const name = url.searchParams.get('name')
        const list = (run.artifacts?.artifacts() ?? []).filter((a) => name === null || a.name === name)
        return send(200, {
          total_count: list.length,
          artifacts: list.map((a) => ({
            id: a.id,
            name: a.name,
            size_in_bytes: a.size,
            url: `${base}${repoPrefix}/actions/artifacts/${a.id}`,
            archive_download_url: `${base}${repoPrefix}/actions/artifacts/${a.id}/zip`,
            expired: (run.expired ?? []).includes(a.name),
            digest: `sha256:${a.sha256}`,
            created_at: a.createdAt,
            workflow_run: { id: run.id, head_branch: run.branch, head_sha: run.headSha }
          }))
        })
      }
      if (req.method === 'GET' && (m = /^\/actions\/artifacts\/(\d+)\/zip$/.exec(rest))) {
        const id = Number(m[1])
        for (const run of opts.runs) {
          const artifact = run.artifacts?.artifacts().find((a) => a.id === id)
          if (!artifact || !run.artifacts) continue
          if ((run.expired ?? []).includes(artifact.name)) return send(410, { message: 'Artifact has expired' })
          return send(302, undefined, { Location: run.artifacts.downloadUrl(id) })
        }
        return send(404, { message: 'Not Found' })
      }
      if (req.method === 'PUT' && rest === '/code-coverage/report') {
        if (codeCoverage.mode === 'forbidden') return send(403, { message: 'Resource not accessible by integration' })
        if (codeCoverage.mode === 'not-enabled')
          return send(200, { message: 'Code Quality is not enabled for this repository; the report was not processed.' })
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>
        const problem = codeCoverageProblem(body)
        if (problem) return send(422, { message: 'Validation Failed', errors: [{ message: problem }] })
        const upload: CodeCoverageUpload = {
          id: 7000 + codeCoverage.uploads.length + 1,
          commitOid: body['commit_oid'] as string,
          languageName: body['language_name'] as string,
          label: body['label'] as string,
          pullRequestNumber: typeof body['pull_request_number'] === 'number' ? body['pull_request_number'] : null,
          ref: typeof body['ref'] === 'string' ? body['ref'] : null,
          xml: zlib.gunzipSync(Buffer.from(body['coverage_report'] as string, 'base64')).toString('utf8'),
          polls: 0
        }
        codeCoverage.uploads.push(upload)
        return send(200, { id: upload.id })
      }
      if (req.method === 'GET' && (m = /^\/code-coverage\/reports\/(\d+)$/.exec(rest))) {
        const upload = codeCoverage.uploads.find((u) => u.id === Number(m?.[1]))
        if (!upload) return send(404, { message: 'Not Found' })
        upload.polls++
        if (upload.polls === 1) return send(200, { id: upload.id, processing_status: 'processing' })
        if (!upload.xml.includes('<class ')) return send(200, { id: upload.id, processing_status: 'failed', errors: ['The report has no files.'] })
        return send(200, { id: upload.id, processing_status: 'succeeded' })
      }
      if (req.method === 'GET' && (m = /^\/pulls\/(\d+)\/files$/.exec(rest))) {
        const files = pullFiles.get(Number(m[1]))
        if (!files) return send(404, { message: 'Not Found' })
        return sendPage(files.map((f) => ({ sha: '0'.repeat(40), additions: 0, deletions: 0, changes: 0, ...f })))
      }
      if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
        const list = comments.get(Number(m[1])) ?? []
        if (req.method === 'GET') return sendPage(list)
        if (req.method === 'POST') {
          if (state.readOnly) return send(403, { message: 'Resource not accessible by integration' })
          const body = String(JSON.parse(Buffer.concat(chunks).toString() || '{}').body ?? '')
          if (body.length > MAX_COMMENT) return send(422, tooLong())
          const comment: Comment = { id: ++nextComment, body, user: state.viewer ?? { login: 'github-actions[bot]', type: 'Bot' } }
          comments.set(Number(m[1]), [...list, comment])
          return send(201, comment)
        }
      }
      if (req.method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
        if (state.readOnly) return send(403, { message: 'Resource not accessible by integration' })
        const comment = [...comments.values()].flat().find((c) => c.id === Number(m?.[1]))
        if (!comment) return send(404, { message: 'Not Found' })
        const body = String(JSON.parse(Buffer.concat(chunks).toString() || '{}').body ?? '')
        if (body.length > MAX_COMMENT) return send(422, tooLong())
        comment.body = body
        return send(200, comment)
      }
      return send(404, { message: 'Not Found' })
    })
  })
  const address = opts.listen ?? '127.0.0.1'
  await new Promise<void>((resolve) => server.listen(0, address, resolve))
  base = `http://${address}:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    requests,
    comments,
    pullFiles,
    codeCoverage,
    get readOnly() {
      return state.readOnly
    },
    set readOnly(value: boolean) {
      state.readOnly = value
    },
    get viewer() {
      return state.viewer
    },
    set viewer(value) {
      state.viewer = value
    },
    get failWith() {
      return state.failWith
    },
    set failWith(value) {
      state.failWith = value
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** What GitHub checks of a code-coverage upload: a commit, a gzip+base64 Cobertura report, a language, a label, and a pull request or a ref. */
function codeCoverageProblem(body: Record<string, unknown>): string | null {
  if (typeof body['commit_oid'] !== 'string' || !/^[0-9a-f]{40}$/.test(body['commit_oid'])) return 'commit_oid must be a commit SHA'
  if (typeof body['language_name'] !== 'string' || body['language_name'] === '') return 'language_name is required'
  if (typeof body['label'] !== 'string') return 'label must be a string'
  if ((body['pull_request_number'] === undefined) === (body['ref'] === undefined)) return 'give exactly one of pull_request_number and ref'
  if (typeof body['coverage_report'] !== 'string') return 'coverage_report is required'
  let xml: string
  try {
    xml = zlib.gunzipSync(Buffer.from(body['coverage_report'], 'base64')).toString('utf8')
  } catch {
    return 'coverage_report must be a gzip-compressed, base64-encoded Cobertura report'
  }
  return /<coverage[\s>]/.test(xml) ? null : 'coverage_report is not a Cobertura report'
}

const tooLong = () => ({
  message: 'Validation Failed',
  errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }]
})
