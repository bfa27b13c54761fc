// A small client for the few GitHub REST calls the action makes (workflow runs,
// run artifacts, artifact download, pull request comments), on Node's fetch.
// Base URL from GITHUB_API_URL (GitHub Enterprise, or a local test double).
// Every failure is an ApiError with one line: method, path, status, message.
import { firstLine } from '../model/findings.js'
import { ApiError } from '../model/errors.js'

export interface ApiOptions {
  /** GITHUB_API_URL, e.g. https://api.github.com */
  baseUrl: string
  token: string
  /** Per request. */
  timeoutMs?: number
  userAgent?: string
}

const RETRYABLE = new Set([429, 500, 502, 503, 504])

export class GitHubApi {
  private readonly base: string
  constructor(private readonly options: ApiOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '')
  }

  static fromEnv(token: string, env: NodeJS.ProcessEnv = process.env): GitHubApi {
    return new GitHubApi({ baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com', token })
  }

  private headers(): Record<string, string> {
    return {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${this.options.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': this.options.userAgent ?? 'rust-python-coverage'
    }
  }

  /** One request; a 429/5xx or a dropped connection is tried once more after a second. */
  private async send(method: string, path: string, body?: unknown, redirect: 'follow' | 'manual' = 'follow'): Promise<Response> {
    const url = `${this.base}${path}`
    for (let attempt = 1; ; attempt++) {
      let response: Response
      try {
        response = await fetch(url, {
          method,
          headers: { ...this.headers(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          redirect,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
      } catch (error) {
        if (attempt < 2) {
          await new Promise((r) => setTimeout(r, 1000))
          continue
        }
        const cause = (error as { cause?: { code?: string; message?: string } }).cause
        throw new ApiError(null, `${method} ${path} failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`)
      }
      if (RETRYABLE.has(response.status) && attempt < 2) {
        await response.body?.cancel()
        await new Promise((r) => setTimeout(r, 1000))
        continue
      }
      if (response.status >= 400) throw await errorOf(method, path, response)
      return response
    }
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body)
    const text = await response.text()
    try {
      return (text === '' ? {} : JSON.parse(text)) as T
    } catch {
      throw new ApiError(response.status, `${method} ${path} answered ${response.status} with a body that is not JSON`)
    }
  }

  /**
   * Downloads what `path` redirects to (an artifact zip): the signed storage
   * URL is fetched without the token, which must not leave the API host.
   */
  async download(path: string, maxBytes: number): Promise<Buffer> {
    const first = await this.send('GET', path, undefined, 'manual')
    const location = first.headers.get('location')
    await first.body?.cancel()
    if (first.status < 300 || first.status >= 400 || !location) {
      throw new ApiError(first.status, `GET ${path} answered ${first.status} without a download location`)
    }
    // One controller for the timeout and for stopping at the cap: the connection is dropped there, never read to its end.
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new Error('timed out')), this.options.timeoutMs ?? 30_000)
    try {
      let response: Response
      try {
        response = await fetch(location, { signal: controller.signal })
      } catch (error) {
        throw new ApiError(null, `downloading ${path} failed: ${(error as Error).message}`)
      }
      if (!response.ok) {
        await response.body?.cancel()
        throw new ApiError(response.status, `downloading ${path} from storage answered ${response.status}`)
      }
      const tooLarge = (bytes: number | string): ApiError =>
        new ApiError(response.status, `downloading ${path}: ${bytes} bytes, more than the ${maxBytes} expected`)
      const declared = Number(response.headers.get('content-length') ?? 0)
      if (declared > maxBytes) {
        controller.abort()
        throw tooLarge(declared)
      }
      const chunks: Uint8Array[] = []
      let received = 0
      const reader = response.body?.getReader()
      try {
        for (;;) {
          const { done, value } = reader ? await reader.read() : { done: true, value: undefined }
          if (done) break
          received += value.length
          if (received > maxBytes) {
            controller.abort()
            throw tooLarge(`at least ${received}`)
          }
          chunks.push(value)
        }
      } catch (error) {
        if (error instanceof ApiError) throw error
        throw new ApiError(null, `downloading ${path} failed: ${(error as Error).message}`)
      }
      return Buffer.concat(chunks, received)
    } finally {
      clearTimeout(timer)
    }
  }
}

async function errorOf(method: string, path: string, response: Response): Promise<ApiError> {
  let message = ''
  try {
    const text = await response.text()
    try {
      message = String((JSON.parse(text) as { message?: unknown }).message ?? '')
    } catch {
      message = text.slice(0, 200)
    }
  } catch {
    // the status says enough
  }
  const line = firstLine(message).trim()
  return new ApiError(response.status, `${method} ${path} answered ${response.status}${line ? `: ${line}` : ''}`)
}
