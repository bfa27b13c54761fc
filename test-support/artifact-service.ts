// A local artifacts v4 service, faithful to what @actions/artifact speaks:
// Twirp JSON (snake_case, int64 as strings) with Bearer JWT auth whose `scp`
// claim names the run and job, 409 on a duplicate name, pending -> finalized
// states with sha256/size checks, and Azure block-blob PUTs (comp=block, then
// comp=blocklist assembled in <Latest> order) behind signed URLs.
// The protocol as @actions/artifact's Twirp client speaks it (ArtifactService: CreateArtifact, FinalizeArtifact,
// ListArtifacts, GetSignedArtifactURL, DeleteArtifact; Azure block-blob PUTs).
import { createHash, createHmac, randomBytes } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StoredArtifact {
  id: number
  name: string
  size: number
  sha256: string
  contentType: string
  mimeType?: string
  /** CreateArtifact's version: 7 for an artifact uploaded unzipped (skipArchive), one file named after itself. */
  version?: number
  expiresAt?: string
  createdAt: string
  data: Buffer
  status: 'pending' | 'final'
  blocks: Map<string, Buffer>
}

/**
 * A fault for the next `times` (default 1) requests of `method` (a Twirp
 * method, or 'PutBlock' for the block upload), for one artifact name or any:
 * answer with a status, never answer ('hang'), or cut the connection ('drop';
 * on PutBlock, once part of the block has arrived).
 */
export type Fault = { method: string; name?: string; times?: number } & (
  { kind: 'status'; status: number; code?: string; msg?: string } | { kind: 'hang' } | { kind: 'drop' }
)

export interface ArtifactService {
  url: string
  token: string
  runId: string
  jobId: string
  env(): Record<string, string>
  inject(fault: Fault): void
  artifacts(): StoredArtifact[]
  /** Stores a finalized artifact with these zip bytes as they are (another run's upload, possibly hostile); gives its id. */
  put(name: string, zip: Buffer): number
  /** A signed read URL of a stored artifact's zip (what the REST API's /zip answer redirects to). */
  downloadUrl(id: number): string
  requests: Array<{ method: string; path: string; status: number; authorization?: boolean }>
  close(): Promise<void>
}

const PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'
/** Artifact ids are unique across runs, as GitHub's are (the REST API addresses an artifact by id alone). */
let lastArtifactId = 1000
const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')

export async function startArtifactService(opts: { runId?: string; jobId?: string } = {}): Promise<ArtifactService> {
  const runId = opts.runId ?? '4242'
  const jobId = opts.jobId ?? '17'
  const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ scp: `Actions.ExampleScope Actions.Results:${runId}:${jobId}` })}.x`
  const key = randomBytes(32)
  const byName = new Map<string, StoredArtifact>()
  const faults: Fault[] = []
  const requests: ArtifactService['requests'] = []
  const hanging = new Set<http.ServerResponse>()
  let base = ''

  const sign = (id: number, perm: string): string => encodeURIComponent(createHmac('sha256', key).update(`${id}|${perm}`).digest('base64'))
  const fault = (method: string, name?: string, kind?: Fault['kind']): Fault | undefined => {
    const index = faults.findIndex((f) => f.method === method && (f.name === undefined || f.name === name) && (kind === undefined || f.kind === kind))
    if (index < 0) return undefined
    const f = faults[index] as Fault
    f.times = (f.times ?? 1) - 1
    if (f.times <= 0) faults.splice(index, 1)
    return f
  }

  const blockOf = (req: http.IncomingMessage): StoredArtifact | undefined => {
    const url = new URL(req.url ?? '/', base)
    const id = /^\/devstoreaccount1\/artifacts\/(\d+)$/.exec(url.pathname)?.[1]
    if (req.method !== 'PUT' || url.searchParams.get('comp') !== 'block' || !id) return undefined
    return [...byName.values()].find((a) => a.id === Number(id))
  }

  const server = http.createServer((req, res) => {
    // A block upload cut off in the middle: part of the body arrives, then the connection drops.
    const block = blockOf(req)
    if (block && fault('PutBlock', block.name, 'drop')) {
      requests.push({ method: 'PUT', path: 'PutBlock (dropped)', status: 0 })
      req.once('data', () => req.socket.destroy())
      req.once('end', () => req.socket.destroy())
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base)
      const body = Buffer.concat(chunks)
      const send = (status: number, payload: object | string, type = 'application/json'): void => {
        requests.push({ method: req.method ?? '', path: url.pathname, status })
        res.writeHead(status, { 'Content-Type': type })
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload))
      }
      const twirpError = (status: number, code: string, msg: string): void => send(status, { code, msg })
      if (req.method === 'POST' && url.pathname.startsWith(PREFIX)) {
        const method = url.pathname.slice(PREFIX.length)
        const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
        let scp: string
        try {
          scp = JSON.parse(Buffer.from(auth?.split('.')[1] ?? '', 'base64url').toString()).scp ?? ''
        } catch {
          return twirpError(401, 'unauthenticated', 'invalid token')
        }
        const scope = scp
          .split(' ')
          .find((s: string) => s.startsWith('Actions.Results:'))
          ?.split(':')
        let msg: Record<string, string>
        try {
          msg = JSON.parse(body.toString() || '{}')
        } catch {
          return twirpError(400, 'malformed', 'body is not JSON')
        }
        if (!scope || scope[1] !== msg['workflow_run_backend_id'] || scope[2] !== msg['workflow_job_run_backend_id']) {
          return twirpError(403, 'permission_denied', 'backend ids do not match the token')
        }
        const f = fault(method, msg['name'])
        if (f?.kind === 'hang') return void hanging.add(res)
        if (f?.kind === 'drop') {
          requests.push({ method, path: url.pathname, status: 0 })
          return void req.socket.destroy()
        }
        if (f?.kind === 'status') return twirpError(f.status, f.code ?? 'internal', f.msg ?? 'injected fault')
        const name = msg['name'] ?? ''
        switch (method) {
          case 'CreateArtifact': {
            if (!name || /[":<>|*?\r\n\\/]/.test(name)) return twirpError(400, 'invalid_argument', 'invalid artifact name')
            if (byName.get(name)?.status === 'final') {
              return twirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run')
            }
            const id = ++lastArtifactId
            byName.set(name, {
              id,
              name,
              size: 0,
              sha256: '',
              contentType: '',
              ...(msg['mime_type'] ? { mimeType: msg['mime_type'] } : {}),
              ...(msg['version'] !== undefined ? { version: Number(msg['version']) } : {}),
              ...(msg['expires_at'] ? { expiresAt: msg['expires_at'] } : {}),
              createdAt: new Date().toISOString(),
              data: Buffer.alloc(0),
              status: 'pending',
              blocks: new Map()
            })
            return send(200, { ok: true, signed_upload_url: `${base}/devstoreaccount1/artifacts/${id}?sig=${sign(id, 'cw')}&sp=cw` })
          }
          case 'FinalizeArtifact': {
            const a = byName.get(name)
            if (!a || a.status !== 'pending') return twirpError(404, 'not_found', 'no pending artifact with this name')
            const hash = createHash('sha256').update(a.data).digest('hex')
            if (msg['hash'] !== `sha256:${hash}` || Number(msg['size'] ?? 0) !== a.data.length) {
              return twirpError(400, 'invalid_argument', 'size or hash does not match the uploaded data')
            }
            Object.assign(a, { status: 'final', sha256: hash, size: a.data.length })
            return send(200, { ok: true, artifact_id: String(a.id) })
          }
          case 'ListArtifacts': {
            const list = [...byName.values()]
              .filter((a) => a.status === 'final')
              .filter((a) => msg['name_filter'] === undefined || a.name === msg['name_filter'])
              .filter((a) => msg['id_filter'] === undefined || String(a.id) === String(msg['id_filter']))
              .map((a) => ({
                workflow_run_backend_id: runId,
                workflow_job_run_backend_id: jobId,
                database_id: String(a.id),
                name: a.name,
                size: String(a.size),
                created_at: a.createdAt,
                digest: `sha256:${a.sha256}`
              }))
            return send(200, { artifacts: list })
          }
          case 'GetSignedArtifactURL': {
            const a = byName.get(name)
            if (!a || a.status !== 'final') return twirpError(404, 'not_found', 'artifact not found')
            return send(200, { signed_url: `${base}/devstoreaccount1/artifacts/${a.id}?sig=${sign(a.id, 'r')}&sp=r` })
          }
          case 'DeleteArtifact': {
            const a = byName.get(name)
            if (!a) return twirpError(404, 'not_found', 'artifact not found')
            byName.delete(name)
            return send(200, { ok: true, artifact_id: String(a.id) })
          }
          default:
            return twirpError(404, 'bad_route', `no method ${method}`)
        }
      }
      const blob = /^\/devstoreaccount1\/artifacts\/(\d+)$/.exec(url.pathname)
      const artifact = blob ? [...byName.values()].find((a) => a.id === Number(blob[1])) : undefined
      const perm = url.searchParams.get('sp') ?? ''
      if (!artifact || encodeURIComponent(url.searchParams.get('sig') ?? '') !== sign(artifact.id, perm)) {
        return send(403, '<Error><Code>AuthenticationFailed</Code></Error>', 'application/xml')
      }
      const comp = url.searchParams.get('comp')
      if (req.method === 'PUT' && perm === 'cw' && comp === 'block') {
        const f = fault('PutBlock', artifact.name)
        if (f?.kind === 'status')
          return send(f.status, `<Error><Code>${f.code ?? 'Injected'}</Code><Message>${f.msg ?? ''}</Message></Error>`, 'application/xml')
        artifact.blocks.set(url.searchParams.get('blockid') ?? '', body)
        return send(201, '')
      }
      if (req.method === 'PUT' && perm === 'cw' && comp === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) => m[1] ?? '')
        if (ids.some((id) => !artifact.blocks.has(id))) return send(400, '<Error><Code>InvalidBlockList</Code></Error>', 'application/xml')
        artifact.data = Buffer.concat(ids.map((id) => artifact.blocks.get(id) as Buffer))
        artifact.contentType = String(req.headers['x-ms-blob-content-type'] ?? 'application/octet-stream')
        return send(201, '')
      }
      if (req.method === 'GET' && perm === 'r' && artifact.status === 'final') {
        requests.push({ method: 'GET', path: url.pathname, status: 200, authorization: req.headers.authorization !== undefined })
        // An unzipped artifact (version 7) is served as the file itself, under its own name (a .zip one too), as GitHub
        // does; a zipped one as <name>.zip.
        const file = artifact.version === 7 ? artifact.name : `${artifact.name}.zip`
        res.writeHead(200, {
          'Content-Type': artifact.contentType,
          'Content-Length': artifact.data.length,
          'Content-Disposition': `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`
        })
        return void res.end(artifact.data)
      }
      return send(400, '<Error><Code>UnsupportedOperation</Code></Error>', 'application/xml')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${base}/`,
    token,
    runId,
    jobId,
    requests,
    env: () => ({ ACTIONS_RESULTS_URL: `${base}/`, ACTIONS_RUNTIME_TOKEN: token }),
    inject: (f) => void faults.push({ ...f }),
    artifacts: () => [...byName.values()].filter((a) => a.status === 'final'),
    put: (name, zip) => {
      const id = ++lastArtifactId
      const sha256 = createHash('sha256').update(zip).digest('hex')
      byName.set(name, {
        id,
        name,
        size: zip.length,
        sha256,
        contentType: 'application/zip',
        createdAt: new Date().toISOString(),
        data: zip,
        status: 'final',
        blocks: new Map()
      })
      return id
    },
    downloadUrl: (id) => `${base}/devstoreaccount1/artifacts/${id}?sig=${sign(id, 'r')}&sp=r`,
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
