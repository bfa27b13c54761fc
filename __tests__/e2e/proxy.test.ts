// A self-hosted runner behind a proxy: HTTPS_PROXY / HTTP_PROXY point at a
// local CONNECT proxy, GITHUB_API_URL at a host name only that proxy knows
// (api.github.test, as a GitHub Enterprise host would be), so every REST call
// that succeeds went through it. The pull request run finds its baseline (runs,
// artifacts, the zip's redirect), reads the pull request's files (the workspace
// has not the base commit) and writes its comment that way. Artifact uploads
// still reach the local artifact service: its Twirp calls and the signed
// storage download go straight there (@actions/http-client never proxies
// loopback hosts), the Azure SDK's blob uploads through the proxy. Then
// NO_PROXY naming the API host: the same calls go straight to it.
import * as dns from 'node:dns'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startArtifactService, type ArtifactService } from '../../test-support/artifact-service.js'
import { startGitHubApi, type GitHubApiDouble } from '../../test-support/github-api.js'
import { startProxy, type Proxy, type ProxyRecord } from '../../test-support/proxy.js'
import { realReportFile } from '../../test-support/fixtures.js'
import { runActionAsync, standInInputs, type ActionRun } from './support/run-action.js'

const token = 'ghs_proxyTestToken0123456789abcdef'
const crafted = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-proxy-'))
/**
 * This machine as a non-loopback host (http-client never proxies loopback), reached directly in the NO_PROXY run:
 * its first external IPv4 address, else its name (which may resolve to 127.0.0.1 through /etc/hosts).
 */
const machine =
  Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address ?? os.hostname()

let mainRun: ArtifactService
let prRun: ArtifactService
let directRun: ArtifactService
let api: GitHubApiDouble
let proxy: Proxy
let apiPort: string
let event: string

function run(name: string, service: ArtifactService, env: Record<string, string>, extra: Record<string, string> = {}): Promise<ActionRun> {
  const dir = `target/e2e-proxy/${name}`
  return runActionAsync(
    {
      ...standInInputs(dir, { rust: realReportFile('rust.lcov'), python: realReportFile('python.xml') }),
      'summary-json': `${dir}/coverage-summary.json`,
      'github-token': token,
      ...extra
    },
    { ...service.env(), GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/ci.yml@refs/heads/main', ...env }
  )
}

beforeAll(async () => {
  mainRun = await startArtifactService({ runId: '100' })
  prRun = await startArtifactService({ runId: '200' })
  directRun = await startArtifactService({ runId: '201' })
  const pushed = await run(
    'main',
    mainRun,
    { GITHUB_RUN_ID: '100', GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'a'.repeat(40) },
    { 'patch-coverage': 'false' }
  )
  if (!/^\d+$/.test(pushed.outputs['summary-artifact-id'] ?? '')) throw new Error(`the push run uploaded no baseline:\n${pushed.stdout}`)
  // The double listens where that host points, so the NO_PROXY run can reach it by that name.
  const { address } = await dns.promises.lookup(machine, { family: 4 })
  api = await startGitHubApi({
    repository: 'owner/repo',
    workflow: 'ci.yml',
    token,
    listen: address,
    runs: [{ id: 100, branch: 'main', conclusion: 'success', headSha: 'a'.repeat(40), createdAt: '2026-11-20T10:00:00Z', artifacts: mainRun }]
  })
  apiPort = new URL(api.url).port
  // Lines 21-22 of stats.rs are new in the pull request.
  api.pullFiles.set(7, [{ filename: 'examples/mixed-project/src/stats.rs', status: 'modified', patch: '@@ -20,0 +21,2 @@\n+a\n+b' }])
  proxy = await startProxy({ 'api.github.test': address })
  event = path.join(crafted, 'event.json')
  fs.writeFileSync(
    event,
    JSON.stringify({ number: 7, pull_request: { number: 7, base: { ref: 'main', sha: 'a'.repeat(40) }, head: { ref: 'f', sha: 'e'.repeat(40) } } })
  )
}, 120_000)

afterAll(async () => {
  await Promise.all([mainRun.close(), prRun.close(), directRun.close(), api.close(), proxy.close()])
})

const prEnv = (apiUrl: string, noProxy: string): Record<string, string> => ({
  GITHUB_RUN_ID: '200',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: event,
  GITHUB_API_URL: apiUrl,
  GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/ci.yml@refs/pull/7/merge',
  HTTPS_PROXY: proxy.url,
  HTTP_PROXY: proxy.url,
  NO_PROXY: noProxy
})

/** The REST calls of one run: what the double recorded since `from`. */
const callsSince = (from: number): string[] => api.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/\?.*/, '')} ${r.status}`)

const expectedCalls = (comment: 'POST' | 'PATCH'): string[] => [
  'GET /repos/owner/repo/pulls/7/files 200',
  'GET /repos/owner/repo/actions/workflows/ci.yml/runs 200',
  'GET /repos/owner/repo/actions/runs/100/artifacts 200',
  'GET /repos/owner/repo/actions/artifacts/' + String(mainRun.artifacts().find((a) => a.name === 'coverage-summary')?.id) + '/zip 302',
  'GET /repos/owner/repo/issues/7/comments 200',
  ...(comment === 'PATCH' ? ['GET /user 403'] : []),
  `${comment} /repos/owner/repo/${comment === 'POST' ? 'issues/7/comments 201' : `issues/comments/${api.comments.get(7)?.[0]?.id} 200`}`
]

function expectRightResult(result: ActionRun, service: ArtifactService): void {
  expect(result.stdout).not.toMatch(/::(warning|error)/)
  expect(result.status).toBe(0)
  // The baseline was found and read: same reports, so no change.
  expect(result.outputs['rust-coverage-delta']).toBe('0')
  expect(result.outputs['python-coverage-delta']).toBe('0')
  // The changed lines came from the pull request's files.
  expect(result.summary).toContain("the pull request's files from the REST API")
  expect(result.outputs['rust-patch-coverage']).not.toBe('')
  // Uploads reached the local artifact service.
  expect(result.outputs['summary-artifact-id']).toMatch(/^\d+$/)
  expect(service.artifacts().map((a) => String(a.id))).toContain(result.outputs['summary-artifact-id'])
  expect(api.comments.get(7)?.filter((c) => c.body.startsWith('<!-- rust-python-coverage:'))).toHaveLength(1)
}

/** What the proxy saw besides the REST calls: only the Azure SDK's blob uploads to the artifact service (it proxies loopback hosts too), never its Twirp calls. */
function expectOnlyBlobUploads(records: ProxyRecord[], service: ArtifactService): void {
  const host = new URL(service.url).host
  expect(records.length).toBeGreaterThan(0)
  for (const record of records) {
    expect(record).toEqual({
      kind: 'forward',
      target: host,
      path: expect.stringMatching(/^\/devstoreaccount1\/artifacts\/\d+\?.*&comp=block(list|&)/)
    })
  }
}

it('every REST call goes through the proxy to a host only the proxy knows; Twirp calls and the storage download do not', async () => {
  const from = api.requests.length
  const downloadsBefore = mainRun.requests.filter((r) => r.path.startsWith('/devstoreaccount1/')).length
  const result = await run('through', prRun, prEnv(`http://api.github.test:${apiPort}`, ''), { comment: 'true' })
  expectRightResult(result, prRun)
  expect(callsSince(from)).toEqual(expectedCalls('POST'))
  // One tunnel per request (no keep-alive), each to the API host.
  const toApi = proxy.records.filter((r) => r.target.startsWith('api.github.test:'))
  expect(toApi).toEqual(callsSince(from).map(() => ({ kind: 'connect', target: `api.github.test:${apiPort}` })))
  expectOnlyBlobUploads(
    proxy.records.filter((r) => !toApi.includes(r)),
    prRun
  )
  // The signed download went straight to the (loopback) storage, without the token.
  const downloads = mainRun.requests.filter((r) => r.path.startsWith('/devstoreaccount1/'))
  expect(downloads.slice(downloadsBefore).map((r) => [r.method, r.status, r.authorization])).toEqual([['GET', 200, false]])
})

it('NO_PROXY naming the API host: the same calls go straight to it, the proxy sees none of them', async () => {
  const from = api.requests.length
  const seen = proxy.records.length
  const result = await run('direct', directRun, prEnv(`http://${machine}:${apiPort}`, `example.org,${machine}`), { comment: 'true' })
  expectRightResult(result, directRun)
  expect(callsSince(from)).toEqual(expectedCalls('PATCH'))
  expectOnlyBlobUploads(proxy.records.slice(seen), directRun)
})
