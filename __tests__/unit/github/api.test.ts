// The artifact download stops at its cap while the body streams in: a body
// without Content-Length is never read whole before the check (a 1.5 GB body
// once took 4.6 GB of memory), and the connection is dropped there.
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { GitHubApi } from '../../../src/github/api.js'
import { ApiError } from '../../../src/model/errors.js'

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
