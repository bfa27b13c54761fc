// A small client for the few GitHub REST calls the action makes (workflow runs,
// run artifacts, artifact download, pull request files and comments, code
// coverage uploads), on @actions/http-client as the toolkit's own clients are:
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY of self-hosted runners apply, and the base
// URL comes from GITHUB_API_URL (GitHub Enterprise Server, or a local test double).
// The client module (with undici and tunnel) is imported on the first request,
// never on the skip path. Each attempt has one deadline (connect, answer, body);
// 429 and 5xx answers and dropped connections are tried again after a bounded,
// growing pause (Retry-After honoured up to the cap). Lists follow the Link
// header's next page on the API's own origin only. Every failure is an ApiError
// with one line: method, path, status, message.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { HttpClient } from '@actions/http-client'
import { firstLine } from '../model/findings.js'
import { ApiError } from '../model/errors.js'

export interface ApiOptions {
  /** GITHUB_API_URL, e.g. https://api.github.com or https://ghes.example.com/api/v3 */
  baseUrl: string
  token: string
  /** Per attempt: connecting, the answer and its whole body. */
  timeoutMs?: number
  userAgent?: string
  /** Attempts per request when the answer is 429/5xx or the connection fails (default 3). */
  attempts?: number
  /** The first pause before another attempt, doubled each time, never over 10 s (default 1 s). */
  pauseMs?: number
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

const RETRYABLE = new Set([429, 500, 502, 503, 504])

/** A failure before the request reached the server (no connection), so even a POST may be sent again. */
function neverSent(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)
}
const MAX_PAUSE_MS = 10_000
/** An API answer (a JSON page) larger than this is refused; artifact downloads pass their own cap. */
const MAX_JSON_BYTES = 64 * 1024 * 1024
/** What is read of an error answer for its message. */
const MAX_ERROR_BYTES = 64 * 1024
/** Same-origin redirects an API GET follows (a renamed repository answers 301). */
const MAX_REDIRECTS = 3

type Clients = { api: HttpClient; storage: HttpClient }

export class GitHubApi {
  private readonly base: string
  private readonly origin: string
  private clients: Promise<Clients> | undefined
  constructor(private readonly options: ApiOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '')
    this.origin = new URL(this.base).origin
  }

  static fromEnv(token: string, env: NodeJS.ProcessEnv = process.env): GitHubApi {
    return new GitHubApi({ baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com', token })
  }

  /** Two clients: one for the API (the token goes with each request) and one for storage, which never sees it. Redirects are ours to follow. */
  private http(): Promise<Clients> {
    this.clients ??= import('@actions/http-client').then(({ HttpClient }) => {
      const make = (): HttpClient =>
        new HttpClient(this.options.userAgent ?? 'rust-python-coverage', [], {
          allowRedirects: false,
          allowRetries: false,
          socketTimeout: this.timeoutMs
        })
      return { api: make(), storage: make() }
    })
    return this.clients
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 30_000
  }

  private apiHeaders(json: boolean): Record<string, string> {
    return {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${this.options.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      ...(json ? { 'Content-Type': 'application/json' } : {})
    }
  }

  /** The path as messages show it: relative to the base URL when under it. */
  private shown(url: string): string {
    return url.startsWith(`${this.base}/`) ? url.slice(this.base.length) : url
  }

  /** A URL on the API's own origin (and under its path, for GitHub Enterprise's /api/v3), the only place the token may go. */
  private onApi(url: URL): boolean {
    return url.origin === this.origin && `${url.origin}${url.pathname}`.startsWith(`${this.base}/`)
  }

  /**
   * One request, tried again on 429/5xx or a failed connection (a POST only when
   * it cannot have been done: 429, or no connection made). A 2xx body over
   * `maxBytes` is refused while it streams in (the connection dropped there);
   * other answers are returned as they are, for the caller to judge.
   */
  private async send(target: 'api' | 'storage', method: string, url: string, data: string | null, maxBytes: number, label: string): Promise<Answer> {
    const client = (await this.http())[target]
    const headers = target === 'api' ? this.apiHeaders(data !== null) : {}
    const attempts = Math.max(this.options.attempts ?? 3, 1)
    for (let attempt = 1; ; attempt++) {
      let answer: Answer
      try {
        answer = await this.exchange(client, method, url, headers, data, maxBytes, label)
      } catch (error) {
        if (error instanceof ApiError) throw error
        if (attempt < attempts && (method !== 'POST' || neverSent(error))) {
          await this.pause(attempt, undefined)
          continue
        }
        throw new ApiError(null, `${label} failed: ${reason(error)}`)
      }
      // A POST answered 5xx may have been done (a comment created under a 502): only a 429 says it was not.
      if (attempt < attempts && (method === 'POST' ? answer.status === 429 : RETRYABLE.has(answer.status))) {
        await this.pause(attempt, answer.headers['retry-after'])
        continue
      }
      return answer
    }
  }

  private pause(attempt: number, retryAfter: string | undefined): Promise<void> {
    const grown = (this.options.pauseMs ?? 1000) * 2 ** (attempt - 1)
    const asked = retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : 0
    const ms = Math.min(Math.max(grown, asked), MAX_PAUSE_MS)
    return new Promise((resolve) => setTimeout(resolve, ms))
  }

  /** One attempt within the deadline; throws a plain Error for a failed connection or the deadline, an ApiError for a body over the cap. */
  private async exchange(
    client: HttpClient,
    method: string,
    url: string,
    headers: Record<string, string>,
    data: string | null,
    maxBytes: number,
    label: string
  ): Promise<Answer> {
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs / 1000} s`)), this.timeoutMs)
    })
    deadline.catch(() => {})
    const pending = client.request(method, url, data, headers)
    let message: IncomingMessage
    try {
      message = (await Promise.race([pending, deadline])).message
    } catch (error) {
      clearTimeout(timer)
      // An answer that comes after the deadline is dropped unread.
      pending.then(
        (late) => late.message.destroy(),
        () => {}
      )
      throw error
    }
    try {
      const status = message.statusCode ?? 0
      const ok = status >= 200 && status < 300
      const declared = Number(message.headers['content-length'] ?? 0)
      const tooLarge = (bytes: number | string): ApiError => new ApiError(status, `${label}: ${bytes} bytes, more than the ${maxBytes} expected`)
      if (ok && declared > maxBytes) throw tooLarge(declared)
      const read = await Promise.race([readCapped(message, ok ? maxBytes : MAX_ERROR_BYTES), deadline])
      if (ok && read.over !== null) throw tooLarge(`at least ${read.over}`)
      return { status, headers: message.headers, body: read.body }
    } finally {
      clearTimeout(timer)
      message.destroy()
    }
  }

  /** An API request (same-origin redirects of a GET followed); any answer but 2xx is an ApiError. */
  private async call(method: string, path: string, body?: unknown): Promise<{ answer: Answer; url: string }> {
    let url = `${this.base}${path}`
    const data = body === undefined ? null : JSON.stringify(body)
    for (let redirects = 0; ; redirects++) {
      const answer = await this.send('api', method, url, data, MAX_JSON_BYTES, `${method} ${this.shown(url)}`)
      const location = answer.headers.location
      if (method === 'GET' && [301, 302, 307, 308].includes(answer.status) && location && redirects < MAX_REDIRECTS) {
        const next = new URL(location, url)
        if (this.onApi(next)) {
          url = next.href
          continue
        }
      }
      if (answer.status < 200 || answer.status >= 300) throw errorOf(method, this.shown(url), answer)
      return { answer, url }
    }
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { answer, url } = await this.call(method, path, body)
    return parseJson<T>(method, this.shown(url), answer)
  }

  /**
   * The pages of a list, from `path` (page 1) on, following the Link header's
   * next page while it stays on the API's origin, at most `maxPages` pages.
   */
  async *pages<T>(path: string, maxPages: number): AsyncGenerator<T[]> {
    let next: string | null = path
    for (let page = 1; next !== null && page <= maxPages; page++) {
      const { answer, url } = await this.call('GET', next)
      const items = parseJson<unknown>('GET', this.shown(url), answer)
      if (!Array.isArray(items))
        throw new ApiError(answer.status, `GET ${this.shown(url)} answered ${answer.status} with something that is not a list`)
      yield items as T[]
      const link = nextLink([answer.headers.link ?? []].flat().join(','), url)
      next = link && this.onApi(link) ? this.shown(link.href) : null
    }
  }

  /**
   * Downloads what `path` redirects to (an artifact zip): the signed storage
   * URL is fetched by the client without the token, which must not leave the
   * API host, and the body is refused as soon as it passes `maxBytes`.
   */
  async download(path: string, maxBytes: number): Promise<Buffer> {
    const first = await this.send('api', 'GET', `${this.base}${path}`, null, MAX_JSON_BYTES, `GET ${path}`)
    const location = first.headers.location
    if (first.status >= 400) throw errorOf('GET', path, first)
    if (first.status < 300 || first.status >= 400 || !location) {
      throw new ApiError(first.status, `GET ${path} answered ${first.status} without a download location`)
    }
    const storage = new URL(location, `${this.base}${path}`)
    if (storage.protocol !== 'https:' && storage.protocol !== 'http:') {
      throw new ApiError(first.status, `GET ${path} redirected to a ${storage.protocol} URL`)
    }
    // Messages name the API path, never the signed URL.
    const answer = await this.send('storage', 'GET', storage.href, null, maxBytes, `downloading ${path}`)
    if (answer.status !== 200) throw new ApiError(answer.status, `downloading ${path} from storage answered ${answer.status}`)
    return answer.body
  }
}

/** Reads a body up to `max` bytes; past it the connection is dropped and `over` says how much had come. */
function readCapped(message: IncomingMessage, max: number): Promise<{ body: Buffer; over: number | null }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    message.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > max) {
        message.destroy()
        resolve({ body: Buffer.concat(chunks), over: received })
        return
      }
      chunks.push(chunk)
    })
    message.on('end', () => resolve({ body: Buffer.concat(chunks, received), over: null }))
    message.on('error', reject)
    message.on('close', () => reject(new Error('the connection closed before the end of the answer')))
  })
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown }
  const text = firstLine(String(message ?? '')).trim()
  if (typeof code === 'string' && !text.includes(code)) return text ? `${code} (${text})` : code
  return text || String(error)
}

function parseJson<T>(method: string, shown: string, answer: Answer): T {
  const text = answer.body.toString('utf8')
  try {
    return (text === '' ? {} : JSON.parse(text)) as T
  } catch {
    throw new ApiError(answer.status, `${method} ${shown} answered ${answer.status} with a body that is not JSON`)
  }
}

/** rel="next" of a Link header, resolved against the URL asked. */
function nextLink(header: string, url: string): URL | null {
  for (const part of header.split(',')) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (m && /(^|;)\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/.test(m[2] as string)) {
      try {
        return new URL(m[1] as string, url)
      } catch {
        return null
      }
    }
  }
  return null
}

function errorOf(method: string, shown: string, answer: Answer): ApiError {
  const text = answer.body.toString('utf8')
  let message: string
  try {
    message = String((JSON.parse(text) as { message?: unknown }).message ?? '')
  } catch {
    message = text.slice(0, 200)
  }
  const line = firstLine(message).trim()
  return new ApiError(answer.status, `${method} ${shown} answered ${answer.status}${line ? `: ${line}` : ''}`)
}
