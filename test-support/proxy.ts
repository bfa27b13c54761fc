// A small HTTP proxy on 127.0.0.1, as self-hosted runners sit behind: CONNECT
// tunnels (what @actions/http-client's tunnel agent opens, for http and https
// targets alike) and absolute-URI forwarding (GET http://host/path, what plain
// HTTP proxy clients send). Host names can be mapped to addresses only the proxy
// knows (api.github.test -> 127.0.0.1), so a request that reaches the target at
// all went through the proxy; loopback addresses are reached as they are (the
// Azure SDK under @actions/artifact proxies even those). Every tunnel and
// forwarded request is recorded.
import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface ProxyRecord {
  kind: 'connect' | 'forward'
  /** host:port as the client asked for it. */
  target: string
  /** The request line's path, for forwarded requests. */
  path?: string
}

export interface Proxy {
  /** http://127.0.0.1:<port>, for HTTPS_PROXY / HTTP_PROXY. */
  url: string
  records: ProxyRecord[]
  close(): Promise<void>
}

/** `hosts` maps names to the addresses the proxy connects to; 127.x.x.x is reached as it is; other names are refused (502), as no network is assumed. */
export async function startProxy(hosts: Record<string, string>): Promise<Proxy> {
  const records: ProxyRecord[] = []
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket): void => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }
  const resolve = (host: string): string | null => hosts[host.toLowerCase()] ?? (/^127\.\d+\.\d+\.\d+$/.test(host) ? host : null)

  const server = http.createServer((req, res) => {
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('a proxy request needs an absolute URI')
      return
    }
    const address = target.protocol === 'http:' ? resolve(target.hostname) : null
    const port = Number(target.port || 80)
    records.push({ kind: 'forward', target: `${target.hostname}:${port}`, path: `${target.pathname}${target.search}` })
    if (!address) {
      res.writeHead(502).end(`no route to ${target.host}`)
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-connection']
    delete headers['proxy-authorization']
    const upstream = http.request({ host: address, port, method: req.method, path: `${target.pathname}${target.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    track(client)
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '')
    const address = m ? resolve(m[1] as string) : null
    records.push({ kind: 'connect', target: req.url ?? '' })
    if (!m || !address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = net.connect(Number(m[2]), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    track(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    records,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    }
  }
}
