// The REST client on @actions/http-client. The artifact download stops at its
// cap while the body streams in: a body without Content-Length is never read
// whole before the check (a 1.5 GB body once took 4.6 GB of memory), and the
// connection is dropped there. Then: retries, deadline, pages (Link header,
// own origin only), GitHub Enterprise base paths, the token kept from storage,
// and proxy routing through a real local proxy.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { GitHubApi } from '../../../src/github/api.js'
import { ApiError } from '../../../src/model/errors.js'
import { startProxy } from '../../../test-support/proxy.js'

interface Served {
  url: string
  sent: () => number
  closedEarly: Promise<boolean>
  close: () => Promise<void>
}

/** /zip redirects to /blob, which streams `total` bytes in 64 KiB writes (chunked, no Content-Length unless `declare`), as fast as the client reads. */
async function serve(total: number, declare = false): Promise<Served> {
  let sent = 0
  let resolveClosed: (early: boolean) => void = () => {}
  const closedEarly = new Promise<boolean>((resolve) => (resolveClosed = resolve))
  const server = http.createServer((req, res) => {
    if (req.url === '/zip') {
      res.writeHead(302, { Location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/blob` })
      return void res.end()
    }
    res.writeHead(200, { 'Content-Type': 'application/zip', ...(declare ? { 'Content-Length': String(total) } : {}) })
    const chunk = Buffer.alloc(64 << 10, 0x61)
    let finished = false
    res.on('close', () => resolveClosed(!finished))
    const pump = (): void => {
      while (sent < total) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      finished = true
      res.end()
    }
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent: () => sent,
    closedEarly,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

it('stops reading a body without Content-Length at the cap and drops the connection', async () => {
  const total = 256 << 20
  const served = await serve(total)
  try {
    const api = new GitHubApi({ baseUrl: served.url, token: 't' })
    const error = await api.download('/zip', 1 << 20).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as Error).message).toMatch(/^downloading \/zip: at least \d+ bytes, more than the 1048576 expected$/)
    expect(await served.closedEarly).toBe(true)
    // Socket buffers hold a few MiB at most; never the whole body.
    expect(served.sent()).toBeLessThan(total / 4)
  } finally {
    await served.close()
  }
})

it('refuses a declared Content-Length over the cap before reading', async () => {
  const served = await serve(8 << 20, true)
  try {
    const api = new GitHubApi({ baseUrl: served.url, token: 't' })
    await expect(api.download('/zip', 1 << 20)).rejects.toThrow(`downloading /zip: ${8 << 20} bytes, more than the 1048576 expected`)
    expect(await served.closedEarly).toBe(true)
  } finally {
    await served.close()
  }
})

it('gives a body within the cap whole', async () => {
  const served = await serve(3 * (64 << 10))
  try {
    const data = await new GitHubApi({ baseUrl: served.url, token: 't' }).download('/zip', 1 << 20)
    expect(data.length).toBe(3 * (64 << 10))
    expect(data.every((b) => b === 0x61)).toBe(true)
  } finally {
    await served.close()
  }
})

/** A server answering each request with the next of `answers` (the last one repeated), recording what came. */
async function scripted(
  answers: Array<{ status: number; body?: unknown; headers?: Record<string, string> } | 'hang'>
): Promise<{ url: string; seen: Array<{ path: string; authorization: string | undefined; host: string | undefined }>; close: () => Promise<void> }> {
  const seen: Array<{ path: string; authorization: string | undefined; host: string | undefined }> = []
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization, host: req.headers.host })
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)]
    if (answer === 'hang' || answer === undefined) return
    const port = (text: string): string => text.replace('{port}', String((server.address() as AddressInfo).port))
    const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([k, v]) => [k, port(v)]))
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...headers })
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

describe('requests', () => {
  it('tries a 503, a 429 and a 502 again, then gives the answer; each attempt carries the token', async () => {
    const s = await scripted([{ status: 503 }, { status: 429, headers: { 'Retry-After': '0' } }, { status: 502 }, { status: 200, body: { ok: 1 } }])
    try {
      const api = new GitHubApi({ baseUrl: s.url, token: 't', attempts: 4, pauseMs: 1 })
      expect(await api.json('GET', '/x')).toEqual({ ok: 1 })
      expect(s.seen.map((r) => r.authorization)).toEqual(['Bearer t', 'Bearer t', 'Bearer t', 'Bearer t'])
    } finally {
      await s.close()
    }
  })

  it('gives up after its attempts with one line naming the request and what GitHub said', async () => {
    const s = await scripted([{ status: 502, body: { message: 'Server Error\nsecond line' } }])
    try {
      const api = new GitHubApi({ baseUrl: s.url, token: 't', attempts: 3, pauseMs: 1 })
      const error = await api.json('PATCH', '/repos/o/r/issues/comments/1', { body: 'x' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).status).toBe(502)
      expect((error as Error).message).toBe('PATCH /repos/o/r/issues/comments/1 answered 502: Server Error')
      expect(s.seen).toHaveLength(3)
    } finally {
      await s.close()
    }
  })

  it('sends a POST answered 5xx once (the comment may exist), and again after a 429 (it was not done)', async () => {
    const failing = await scripted([{ status: 502, body: { message: 'Server Error' } }])
    const limited = await scripted([
      { status: 429, headers: { 'Retry-After': '0' } },
      { status: 201, body: { id: 9 } }
    ])
    try {
      const post = (url: string): Promise<unknown> =>
        new GitHubApi({ baseUrl: url, token: 't', attempts: 3, pauseMs: 1 }).json('POST', '/repos/o/r/issues/1/comments', { body: 'x' })
      await expect(post(failing.url)).rejects.toThrow('POST /repos/o/r/issues/1/comments answered 502: Server Error')
      expect(failing.seen).toHaveLength(1)
      expect(await post(limited.url)).toEqual({ id: 9 })
      expect(limited.seen).toHaveLength(2)
    } finally {
      await Promise.all([failing.close(), limited.close()])
    }
  })

  it('does not try a 4xx again', async () => {
    const s = await scripted([{ status: 403, body: { message: 'Resource not accessible by integration' } }])
    try {
      const api = new GitHubApi({ baseUrl: s.url, token: 't', pauseMs: 1 })
      await expect(api.json('GET', '/user')).rejects.toThrow('GET /user answered 403: Resource not accessible by integration')
      expect(s.seen).toHaveLength(1)
    } finally {
      await s.close()
    }
  })

  it('stops waiting for an answer at the deadline, and says so in one line', async () => {
    const s = await scripted(['hang'])
    try {
      const api = new GitHubApi({ baseUrl: s.url, token: 't', timeoutMs: 300, attempts: 2, pauseMs: 1 })
      await expect(api.json('GET', '/slow')).rejects.toThrow('GET /slow failed: timed out after 0.3 s')
      expect(s.seen).toHaveLength(2)
    } finally {
      await s.close()
    }
  })

  it('names a refused connection', async () => {
    const s = await scripted([{ status: 200 }])
    await s.close()
    const api = new GitHubApi({ baseUrl: s.url, token: 't', attempts: 1 })
    await expect(api.json('GET', '/x')).rejects.toThrow(/^GET \/x failed: .*ECONNREFUSED/)
  })

  it('keeps a GitHub Enterprise base path (/api/v3) in every request and in the pages it follows', async () => {
    const s = await scripted([
      { status: 200, body: [1, 2], headers: { Link: '<http://127.0.0.1:{port}/api/v3/items?page=2>; rel="next"' } },
      { status: 200, body: [3] }
    ])
    try {
      const api = new GitHubApi({ baseUrl: `${s.url}/api/v3/`, token: 't' })
      const pages: number[][] = []
      for await (const page of api.pages<number>('/items?page=1', 10)) pages.push(page)
      expect(pages).toEqual([[1, 2], [3]])
      expect(s.seen.map((r) => r.path)).toEqual(['/api/v3/items?page=1', '/api/v3/items?page=2'])
    } finally {
      await s.close()
    }
  })

  it('follows a next page on the API only: a Link to another origin ends the list, and the token never goes there', async () => {
    const elsewhere = await scripted([{ status: 200, body: ['not ours'] }])
    const s = await scripted([{ status: 200, body: [1], headers: { Link: `<${elsewhere.url}/items?page=2>; rel="next"` } }])
    try {
      const pages: number[][] = []
      for await (const page of new GitHubApi({ baseUrl: s.url, token: 't' }).pages<number>('/items', 10)) pages.push(page)
      expect(pages).toEqual([[1]])
      expect(elsewhere.seen).toEqual([])
    } finally {
      await Promise.all([s.close(), elsewhere.close()])
    }
  })

  it('reads at most maxPages pages', async () => {
    const s = await scripted([{ status: 200, body: [0], headers: { Link: '<http://127.0.0.1:{port}/items?page=9>; rel="next"' } }])
    try {
      let pages = 0
      for await (const page of new GitHubApi({ baseUrl: s.url, token: 't' }).pages<number>('/items', 3)) pages += page.length
      expect(pages).toBe(3)
      expect(s.seen).toHaveLength(3)
    } finally {
      await s.close()
    }
  })

  it('downloads from storage without the token, whatever host the storage is on', async () => {
    const storage = await scripted([{ status: 200, body: 'zip bytes' }])
    const s = await scripted([{ status: 302, headers: { Location: `${storage.url}/blob?sig=secret` } }])
    try {
      const data = await new GitHubApi({ baseUrl: s.url, token: 't' }).download('/zip', 1 << 20)
      expect(data.toString()).toBe('"zip bytes"')
      expect(s.seen[0]?.authorization).toBe('Bearer t')
      expect(storage.seen).toEqual([{ path: '/blob?sig=secret', authorization: undefined, host: expect.any(String) }])
    } finally {
      await Promise.all([s.close(), storage.close()])
    }
  })
})

describe('through a proxy (HTTP_PROXY / NO_PROXY, read as @actions/http-client reads them)', () => {
  const saved = { HTTP_PROXY: process.env['HTTP_PROXY'], NO_PROXY: process.env['NO_PROXY'] }
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('reaches an API host only the proxy knows, through a CONNECT tunnel', async () => {
    const s = await scripted([{ status: 200, body: { via: 'proxy' } }])
    const proxy = await startProxy({ 'api.github.test': '127.0.0.1' })
    try {
      process.env['HTTP_PROXY'] = proxy.url
      delete process.env['NO_PROXY']
      const port = new URL(s.url).port
      const api = new GitHubApi({ baseUrl: `http://api.github.test:${port}`, token: 't' })
      expect(await api.json('GET', '/user')).toEqual({ via: 'proxy' })
      expect(proxy.records).toEqual([{ kind: 'connect', target: `api.github.test:${port}` }])
      expect(s.seen).toEqual([{ path: '/user', authorization: 'Bearer t', host: `api.github.test:${port}` }])
    } finally {
      await Promise.all([s.close(), proxy.close()])
    }
  })

  it('goes straight to a host NO_PROXY names', async () => {
    const s = await scripted([{ status: 200, body: { via: 'direct' } }])
    const proxy = await startProxy({})
    try {
      process.env['HTTP_PROXY'] = proxy.url
      process.env['NO_PROXY'] = 'example.org,loopback.test'
      // Not a loopback name (http-client never proxies those), yet it points at this machine.
      const api = new GitHubApi({ baseUrl: s.url.replace('127.0.0.1', 'loopback.test'), token: 't', attempts: 1 })
      const error = await api.json('GET', '/user').catch((e: unknown) => e)
      // Direct means resolving the name here, which only the proxy could have mapped.
      expect((error as Error).message).toMatch(/^GET \/user failed: .*(ENOTFOUND|EAI_AGAIN)/)
      expect(proxy.records).toEqual([])
    } finally {
      await Promise.all([s.close(), proxy.close()])
    }
  })
})
