// Baseline and deltas end to end: a push run on main uploads its
// coverage-summary artifact to one local artifact service; a pull request run
// (another run, another service) finds that run through the REST double (runs
// list, artifacts list, 302 to the signed zip), reads the summary out of the
// zip, and shows the deltas; max-drop follows the non-blocking rule.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startArtifactService, type ArtifactService } from '../../test-support/artifact-service.js'
import { summarySchemaErrors } from '../../test-support/summary-schema.js'
import { startGitHubApi, type GitHubApiDouble, type RunRecord } from '../../test-support/github-api.js'
import { realReport, realReportFile } from '../../test-support/fixtures.js'
import { zipDirectory } from '../../src/zip/write.js'
import { commentMarker } from '../../src/pr/comment.js'
import { formatBytes } from '../../src/publish/costs.js'
import { repo, runActionAsync, standInInputs, type ActionRun } from './support/run-action.js'

const token = 'ghs_baselineTestToken0123456789'
const crafted = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-baseline-'))
const realLcov = realReport('rust.lcov')

/** The real Rust report with `n` run lines of src/stats.rs turned into missed ones (DA and LH kept consistent). */
function worseLcov(n: number): string {
  const sections = realLcov.split('end_of_record\n')
  return sections
    .map((section) => {
      if (!/^SF:.*\/src\/stats\.rs$/m.test(section)) return section
      let left = n
      return section
        .replace(/^DA:(\d+),([1-9]\d*)$/gm, (line, ln: string) => (left-- > 0 ? `DA:${ln},0` : line))
        .replace(/^LH:(\d+)$/m, (_l, lh: string) => `LH:${Number(lh) - n}`)
    })
    .join('end_of_record\n')
}

/** cargo-llvm-cov's figure from a report: the sums of LF and LH. */
function lfLh(text: string): number {
  const sum = (tag: string): number => [...text.matchAll(new RegExp(`^${tag}:(\\d+)$`, 'gm'))].reduce((s, m) => s + Number(m[1]), 0)
  return (sum('LH') * 100) / sum('LF')
}

function run(
  name: string,
  lcov: string,
  service: ArtifactService,
  env: Record<string, string>,
  extra: Record<string, string> = {}
): Promise<ActionRun> {
  const dir = `target/e2e-baseline/${name}`
  const file = path.join(crafted, `${name}.lcov`)
  fs.writeFileSync(file, lcov)
  return runActionAsync(
    {
      ...standInInputs(dir, { rust: file, python: realReportFile('python.xml') }),
      'summary-json': `${dir}/coverage-summary.json`,
      'patch-coverage': 'false',
      'github-token': token,
      ...extra
    },
    { ...service.env(), GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/ci.yml@refs/heads/main', ...env }
  )
}

let mainRun: ArtifactService
let newerRun: ArtifactService
let prRun: ArtifactService
let api: GitHubApiDouble
let runs: RunRecord[]
let event: string

beforeAll(async () => {
  mainRun = await startArtifactService({ runId: '100' })
  newerRun = await startArtifactService({ runId: '101' })
  prRun = await startArtifactService({ runId: '200' })
  // The push run on main: uploads the baseline.
  const pushed = await run('main', realLcov, mainRun, { GITHUB_RUN_ID: '100', GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'a'.repeat(40) })
  if (!/^\d+$/.test(pushed.outputs['summary-artifact-id'] ?? '')) throw new Error(`the push run uploaded no baseline:\n${pushed.stdout}`)
  runs = [
    { id: 100, branch: 'main', conclusion: 'success', headSha: 'a'.repeat(40), createdAt: '2026-11-20T10:00:00Z', artifacts: mainRun },
    // A newer successful run whose coverage summary has expired, and a failed one: both passed over.
    {
      id: 101,
      branch: 'main',
      conclusion: 'success',
      headSha: 'b'.repeat(40),
      createdAt: '2026-11-21T10:00:00Z',
      artifacts: newerRun,
      expired: ['coverage-summary']
    },
    { id: 102, branch: 'main', conclusion: 'failure', headSha: 'c'.repeat(40), createdAt: '2026-11-22T10:00:00Z' },
    { id: 103, branch: 'other', conclusion: 'success', headSha: 'd'.repeat(40), createdAt: '2026-11-23T10:00:00Z', artifacts: newerRun }
  ]
  await run('newer', realLcov, newerRun, { GITHUB_RUN_ID: '101', GITHUB_EVENT_NAME: 'push' })
  api = await startGitHubApi({ repository: 'owner/repo', workflow: 'ci.yml', token, runs })
  event = path.join(crafted, 'event.json')
  fs.writeFileSync(
    event,
    JSON.stringify({ number: 7, pull_request: { number: 7, base: { ref: 'main', sha: 'a'.repeat(40) }, head: { ref: 'f', sha: 'e'.repeat(40) } } })
  )
}, 120_000)

afterAll(async () => {
  await Promise.all([mainRun.close(), newerRun.close(), prRun.close(), api.close()])
})

const prEnv = () => ({
  GITHUB_RUN_ID: '200',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: event,
  GITHUB_API_URL: api.url,
  GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/ci.yml@refs/pull/7/merge'
})

it('a pull request compares with the last run on main that has a summary: deltas per suite and file, outputs, JSON', async () => {
  const worse = worseLcov(6)
  const pr = await run('pr', worse, prRun, prEnv())
  expect(pr.status).toBe(0)
  expect(pr.stdout).not.toMatch(/::(warning|error)/)
  expect(pr.stdout).toContain('Run 101 of ci.yml on main has no unexpired "coverage-summary" artifact; trying an older run')
  const expected = lfLh(worse) - lfLh(realLcov)
  expect(expected).toBeLessThan(-2)
  expect(Number(pr.outputs['rust-coverage-delta'])).toBe(expected)
  expect(pr.outputs['python-coverage-delta']).toBe('0')
  expect(pr.summary).toContain(`▼−${Math.abs(expected).toFixed(2)} pp |`)
  expect(pr.summary).toContain('| Python | **83.33%** (105/126 statements; coverage.py prints 83%) ±0.00 pp |')
  expect(pr.summary).toContain('Changes are against main ([run 100](https://github.com/owner/repo/actions/runs/100), commit `aaaaaaaaaaaa`).')
  expect(pr.summary).toContain('Rust: 1 file(s) changed coverage since the baseline')
  expect(pr.summary).toMatch(/\| <code>examples\/mixed-project\/src\/stats\.rs<\/code> \| \d+\.\d\d% \| \d+\.\d\d% \| −\d+\.\d\d pp \|/)
  // The token went to the API only: the storage download carried no Authorization header.
  const download = mainRun.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/devstoreaccount1/'))
  expect(download).toHaveLength(1)
  expect(download[0]?.authorization).toBe(false)
  expect(pr.stdout.replace(`::add-mask::${token}`, '')).not.toContain(token) // masked at once, never printed

  const json = JSON.parse(fs.readFileSync(path.join(repo, 'examples/mixed-project/target/e2e-baseline/pr/coverage-summary.json'), 'utf8'))
  expect(summarySchemaErrors(json)).toEqual([])
  expect(json.baseline.run).toMatchObject({ runId: 100, branch: 'main', commit: 'a'.repeat(40) })
  expect(json.suites.rust.delta.delta).toBe(expected)
  expect(json.suites.rust.delta.files).toEqual([expect.objectContaining({ path: 'examples/mixed-project/src/stats.rs' })])

  // Runtime and size beside the coverage change: each suite's seconds and its artifacts' bytes together (Rust: the
  // reports and the zipped HTML report, each its own artifact), against the figures the main run recorded.
  const base = mainSummary()
  const bytes = (service: ArtifactService, ...names: string[]): number =>
    names.reduce((sum, name) => sum + (service.artifacts().find((a) => a.name === name)?.size as number), 0)
  const rustBefore = bytes(mainRun, 'rust-coverage', 'rust-coverage-html.zip')
  const rustAfter = bytes(prRun, 'rust-coverage', 'rust-coverage-html.zip')
  const pythonBefore = bytes(mainRun, 'python-coverage')
  const pythonAfter = bytes(prRun, 'python-coverage')
  expect(base.suites.rust.htmlArtifact).toMatchObject({ name: 'rust-coverage-html.zip', size: bytes(mainRun, 'rust-coverage-html.zip') })
  expect(json.suites.rust.delta.artifactBytes).toEqual({ before: rustBefore, after: rustAfter, delta: rustAfter - rustBefore })
  expect(json.suites.python.delta.artifactBytes).toEqual({ before: pythonBefore, after: pythonAfter, delta: pythonAfter - pythonBefore })
  const seconds = (suite: 'rust' | 'python') => json.suites[suite].delta.durationSeconds
  expect(seconds('rust')).toEqual({
    before: base.suites.rust.durationSeconds,
    after: json.suites.rust.durationSeconds,
    delta: Math.round((json.suites.rust.durationSeconds - base.suites.rust.durationSeconds) * 10) / 10
  })
  const signed = (v: number, show: (m: number) => string) =>
    show(Math.abs(v)) === show(0) ? `±${show(0)}` : `${v > 0 ? '+' : '−'}${show(Math.abs(v))}`
  const secs = (m: number) => `${m.toFixed(1)} s`
  const change = (suite: 'rust' | 'python', label: string, pp: string, before: number, after: number, artifacts: string) =>
    `${label} ${pp}, ${secs(seconds(suite).after)} (${signed(seconds(suite).delta, secs)}), ${artifacts} ${formatBytes(after)} (${signed(after - before, formatBytes)})`
  const line = `<sub>Since the baseline: ${change('rust', 'Rust', `−${Math.abs(expected).toFixed(2)} pp`, rustBefore, rustAfter, 'artifacts')}; ${change('python', 'Python', '±0.00 pp', pythonBefore, pythonAfter, 'artifact')}.</sub>`
  expect(pr.summary).toContain(line)
  expect(pr.summary).toMatch(/<sub>Since the baseline: Rust −\d+\.\d\d pp, \d+\.\d s \([+−±]\d+\.\d s\), artifacts \d+\.\d KiB \([+−±]/)
  // The page says the same beside the coverage change, and links the HTML report's artifact.
  const page = fs.readFileSync(path.join(repo, 'examples/mixed-project/target/e2e-baseline/pr/coverage-report.html'), 'utf8')
  expect(page).toContain(`; ${change('rust', 'Rust', '', rustBefore, rustAfter, 'artifacts').replace(/^Rust , /, '')}</p>`)
  const htmlId = prRun.artifacts().find((a) => a.name === 'rust-coverage-html.zip')?.id
  expect(page).toContain(`<p>HTML report: <a href="https://github.com/owner/repo/actions/runs/200/artifacts/${htmlId}">rust-coverage-html.zip</a>`)
})

it('a baseline written before runtime and sizes were compared shows them without a change', async () => {
  const older = await startArtifactService({ runId: '109' })
  const summary = mainSummary()
  for (const suite of [summary.suites.rust, summary.suites.python]) {
    delete suite.durationSeconds
    delete suite.artifact
    delete suite.htmlArtifact
  }
  older.put('coverage-summary', await summaryZip(summary))
  const record: RunRecord = {
    id: 109,
    branch: 'older',
    conclusion: 'success',
    headSha: '9'.repeat(40),
    createdAt: '2026-11-30T10:00:00Z',
    artifacts: older
  }
  runs.push(record)
  try {
    const pr = await run('pr-older', worseLcov(6), prRun, { ...prEnv(), GITHUB_EVENT_PATH: writeEvent('older') }, { upload: 'false' })
    expect(pr.stdout).not.toMatch(/::(warning|error|notice)/)
    expect(Number(pr.outputs['rust-coverage-delta'])).toBe(lfLh(worseLcov(6)) - lfLh(realLcov))
    // Nothing uploaded here, so no sizes; the runtime without a change.
    expect(pr.summary).toMatch(/<sub>Since the baseline: Rust −\d+\.\d\d pp, \d+\.\d s; Python ±0\.00 pp, \d+\.\d s\.<\/sub>/)
  } finally {
    runs.splice(runs.indexOf(record), 1)
    await older.close()
  }
})

it('max-drop: a drop beyond it is a warning in non-blocking mode and fails the step when enforced', async () => {
  const worse = worseLcov(6)
  const drop = Math.abs(lfLh(worse) - lfLh(realLcov)).toFixed(2)
  const message = `Rust coverage dropped ${drop} pp (${lfLh(realLcov).toFixed(2)}% on main to ${lfLh(worse).toFixed(2)}%), more than max-drop 1 pp`
  const warned = await run('pr-warn', worse, prRun, prEnv(), { 'max-drop': '1', upload: 'false' })
  expect(warned.status).toBe(0)
  expect(warned.stdout).toContain(`::warning::${message} (would fail the step with non-blocking: false)`)
  const failed = await run('pr-fail', worse, prRun, prEnv(), { 'max-drop': '1', 'non-blocking': 'false', upload: 'false' })
  expect(failed.status).toBe(1)
  expect(failed.stdout).toContain(`::error::${message}`)
  expect(failed.summary).toContain('❌ coverage dropped')
  const within = await run('pr-within', worse, prRun, prEnv(), { 'max-drop': '5', 'non-blocking': 'false', upload: 'false' })
  expect(within.stdout).not.toMatch(/::(warning|error)/)
  expect(within.status).toBe(0)
})

it('no baseline (none yet, no permission) is a notice, never a finding, even with max-drop', async () => {
  const noRuns = await run(
    'pr-none',
    realLcov,
    prRun,
    { ...prEnv(), GITHUB_WORKFLOW_REF: 'owner/repo/.github/workflows/ci.yml@refs/pull/7/merge', GITHUB_EVENT_PATH: writeEvent('release') },
    { 'max-drop': '1', 'non-blocking': 'false', upload: 'false' }
  )
  expect(noRuns.status).toBe(0)
  expect(noRuns.stdout).toContain(
    '::notice title=Coverage baseline::Nothing to compare with on release: no successful run of ci.yml on release yet; max-drop is not judged.'
  )
  expect(noRuns.outputs['rust-coverage-delta']).toBe('')
  expect(noRuns.summary).toContain('No baseline to compare with: no successful run of ci.yml on release yet.')

  api.failWith = { status: 403, message: 'Resource not accessible by integration' }
  try {
    const denied = await run('pr-denied', realLcov, prRun, prEnv(), { 'non-blocking': 'false', upload: 'false' })
    expect(denied.status).toBe(0)
    expect(denied.stdout).toContain(
      '::notice title=Coverage baseline::Nothing to compare with on main: listing the workflow runs: GET /repos/owner/repo/actions/workflows/ci.yml/runs?branch=main&status=success&exclude_pull_requests=true&per_page=50 answered 403: Resource not accessible by integration (the token needs `actions: read`).'
    )
  } finally {
    api.failWith = null
  }
})

function writeEvent(baseRef: string): string {
  const file = path.join(crafted, `event-${baseRef}.json`)
  fs.writeFileSync(file, JSON.stringify({ pull_request: { number: 7, base: { ref: baseRef, sha: 'a'.repeat(40) }, head: { sha: 'e'.repeat(40) } } }))
  return file
}

describe('sticky pull request comment (comment: true)', () => {
  it('is created once, then updated in place (found again past the first page), and stays one comment', async () => {
    // Someone else's comments fill the first page.
    api.comments.set(
      7,
      Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: `review remark ${i}`, user: { login: 'someone', type: 'User' } }))
    )
    const first = await run('pr-comment-1', realLcov, prRun, prEnv(), { comment: 'true', upload: 'false' })
    expect(first.stdout).not.toMatch(/::(warning|error|notice)/)
    const ours = () => (api.comments.get(7) ?? []).filter((c) => c.body.startsWith('<!-- rust-python-coverage:'))
    expect(ours()).toHaveLength(1)
    const id = ours()[0]?.id
    expect(ours()[0]?.body).toContain('| Rust | **81.94%** (186/227 lines) ±0.00 pp |')
    const second = await run('pr-comment-2', worseLcov(6), prRun, prEnv(), { comment: 'true', upload: 'false' })
    expect(second.status).toBe(0)
    expect(ours()).toHaveLength(1)
    expect(ours()[0]?.id).toBe(id)
    expect(ours()[0]?.body).toContain('▼−2.64 pp')
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it("never edits another user's comment that starts with the marker: only the token's own identity's", async () => {
    const marker = commentMarker('//coverage-summary')
    const prEvent = path.join(crafted, 'event-9.json')
    fs.writeFileSync(
      prEvent,
      JSON.stringify({ pull_request: { number: 9, base: { ref: 'main', sha: 'a'.repeat(40) }, head: { sha: 'e'.repeat(40) } } })
    )
    const planted = () => [
      { id: 501, body: `${marker}\nplanted by a reviewer`, user: { login: 'mallory', type: 'User' } },
      // A user who named themselves like the bot is still a User.
      { id: 502, body: `${marker}\nplanted too`, user: { login: 'github-actions[bot]', type: 'User' } }
    ]
    api.comments.set(9, planted())
    const env = { ...prEnv(), GITHUB_EVENT_PATH: prEvent }
    const patches = () => api.requests.filter((r) => r.method === 'PATCH').length
    const before = patches()
    // GITHUB_TOKEN: GET /user answers 403, so only github-actions[bot] (a Bot) is us.
    const first = await run('pr-comment-planted', realLcov, prRun, env, { comment: 'true', upload: 'false' })
    expect(first.stdout).not.toMatch(/::(warning|error|notice)/)
    const list = () => api.comments.get(9) ?? []
    expect(list().slice(0, 2)).toEqual(planted())
    expect(list()).toHaveLength(3)
    expect(list()[2]?.user).toEqual({ login: 'github-actions[bot]', type: 'Bot' })
    await run('pr-comment-planted-2', worseLcov(6), prRun, env, { comment: 'true', upload: 'false' })
    expect(list().slice(0, 2)).toEqual(planted())
    expect(list()).toHaveLength(3)
    expect(list()[2]?.body).toContain('▼−2.64 pp')
    expect(patches()).toBe(before + 1)

    // A personal access token: its own login (GET /user), and the bot's comment is not ours either.
    api.viewer = { login: 'octo-maintainer', type: 'User' }
    try {
      await run('pr-comment-pat', realLcov, prRun, env, { comment: 'true', upload: 'false' })
      expect(list()).toHaveLength(4)
      expect(list()[2]?.body).toContain('▼−2.64 pp')
      expect(list()[3]?.user.login).toBe('octo-maintainer')
      await run('pr-comment-pat-2', worseLcov(6), prRun, env, { comment: 'true', upload: 'false' })
      expect(list()).toHaveLength(4)
      expect(list()[3]?.body).toContain('▼−2.64 pp')
      expect(list().slice(0, 2)).toEqual(planted())
    } finally {
      api.viewer = null
    }
  })

  it('a read-only token (fork pull request) gives a notice, the step and the summary unharmed', async () => {
    api.readOnly = true
    try {
      const forkEvent = path.join(crafted, 'event-fork.json')
      fs.writeFileSync(
        forkEvent,
        JSON.stringify({
          pull_request: {
            number: 8,
            base: { ref: 'main', sha: 'a'.repeat(40), repo: { full_name: 'owner/repo' } },
            head: { sha: 'e'.repeat(40), repo: { full_name: 'forker/repo' } }
          }
        })
      )
      const fork = await run(
        'pr-fork',
        realLcov,
        prRun,
        { ...prEnv(), GITHUB_EVENT_PATH: forkEvent },
        { comment: 'true', upload: 'false', 'non-blocking': 'false' }
      )
      expect(fork.status).toBe(0)
      expect(fork.outputs['status']).toBe('passed')
      expect(fork.stdout).toContain(
        '::notice title=Coverage comment::Not posted: POST /repos/owner/repo/issues/8/comments answered 403: Resource not accessible by integration. A pull request from a fork gets a read-only token; the results are in the job summary.'
      )
      expect(fork.summary).toContain('| Rust | **81.94%** (186/227 lines) ±0.00 pp |')
    } finally {
      api.readOnly = false
    }
  })
})

it("the summary is found under this run's summary-json name; an artifact without it is a notice naming what it lacks", async () => {
  const custom = await startArtifactService({ runId: '105' })
  try {
    const dir = 'target/e2e-baseline/custom-main'
    await run('custom-main', realLcov, custom, { GITHUB_RUN_ID: '105', GITHUB_EVENT_NAME: 'push' }, { 'summary-json': `${dir}/my-summary.json` })
    runs.push({ id: 105, branch: 'custom', conclusion: 'success', headSha: 'f'.repeat(40), createdAt: '2026-11-24T10:00:00Z', artifacts: custom })
    const event = writeEvent('custom')
    const found = await run(
      'pr-custom',
      worseLcov(6),
      prRun,
      { ...prEnv(), GITHUB_EVENT_PATH: event },
      { 'summary-json': 'target/e2e-baseline/pr-custom/my-summary.json', upload: 'false' }
    )
    expect(found.stdout).not.toMatch(/::(warning|error|notice)/)
    expect(Number(found.outputs['rust-coverage-delta'])).toBe(lfLh(worseLcov(6)) - lfLh(realLcov))
    const lacking = await run('pr-lacking', realLcov, prRun, { ...prEnv(), GITHUB_EVENT_PATH: event }, { upload: 'false' })
    expect(lacking.stdout).toContain(
      '::notice title=Coverage baseline::Nothing to compare with on custom: artifact "coverage-summary" of run 105 holds no coverage-summary.json.'
    )
  } finally {
    await custom.close()
  }
})

/** A coverage-summary artifact's zip holding `summary` as coverage-summary.json (another run's upload, as it is). */
async function summaryZip(summary: unknown): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(crafted, 'zip-'))
  fs.mkdirSync(path.join(dir, 'in'))
  fs.writeFileSync(path.join(dir, 'in', 'coverage-summary.json'), typeof summary === 'string' ? summary : JSON.stringify(summary))
  await zipDirectory(path.join(dir, 'in'), path.join(dir, 'a.zip'), { level: 6 })
  return fs.readFileSync(path.join(dir, 'a.zip'))
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a summary edited field by field into a hostile one
type Loose = Record<string, any>
const mainSummary = (): Loose =>
  JSON.parse(fs.readFileSync(path.join(repo, 'examples/mixed-project/target/e2e-baseline/main/coverage-summary.json'), 'utf8'))

describe('untrusted baseline', () => {
  it("a fork's pull request run on a branch called main is never the baseline", async () => {
    const fork = await startArtifactService({ runId: '106' })
    // The fork's run is the newest, successful, on "main", with a summary claiming 100%.
    const forged = mainSummary()
    forged.suites.rust.headline.percent = 100
    fork.put('coverage-summary', await summaryZip(forged))
    const forkRuns: RunRecord[] = [
      {
        id: 106,
        branch: 'main',
        conclusion: 'success',
        headSha: '6'.repeat(40),
        createdAt: '2026-11-30T10:00:00Z',
        artifacts: fork,
        event: 'pull_request',
        headRepository: 'forker/repo'
      },
      // A pull request from a branch of this repository called main is no baseline either.
      {
        id: 108,
        branch: 'main',
        conclusion: 'success',
        headSha: '8'.repeat(40),
        createdAt: '2026-11-29T10:00:00Z',
        artifacts: fork,
        event: 'pull_request'
      }
    ]
    runs.push(...forkRuns)
    try {
      const pr = await run('pr-fork-main', worseLcov(6), prRun, prEnv(), { upload: 'false' })
      expect(pr.stdout).toContain('Run 106 is not a baseline: its head is in forker/repo (only push and scheduled runs of owner/repo on main are)')
      expect(pr.stdout).toContain('Run 108 is not a baseline: it ran for a pull_request event')
      expect(pr.stdout).toContain('Baseline: run 100 ')
      expect(Number(pr.outputs['rust-coverage-delta'])).toBe(lfLh(worseLcov(6)) - lfLh(realLcov))
      expect(api.requests.some((r) => r.path.includes('/runs/106/') || r.path.includes('/runs/108/'))).toBe(false)
    } finally {
      runs.splice(runs.indexOf(forkRuns[0] as RunRecord), 2)
      await fork.close()
    }
  })

  const hostile: Array<[string, (s: Loose) => unknown, string]> = [
    [
      'a string percent',
      (s) => ((s.suites.rust.headline.percent = '80'), s),
      'suites.rust.headline.percent must be a number from 0 to 100, got "80"'
    ],
    ['files that are an object', (s) => ((s.suites.python.files = {}), s), 'suites.python.files must be a list, got {}'],
    [
      'a string runtime',
      (s) => ((s.suites.rust.durationSeconds = '41'), s),
      'suites.rust.durationSeconds must be a number of seconds from 0 to 31622400, got "41"'
    ],
    [
      'a negative HTML artifact size',
      (s) => ((s.suites.rust.htmlArtifact = { ...s.suites.rust.htmlArtifact, size: -1 }), s),
      'suites.rust.htmlArtifact.size must be a whole number from 0, got -1'
    ],
    ['a null file', (s) => ((s.suites.rust.files = [null]), s), 'suites.rust.files[0] must be an object, got null'],
    [
      'a percent of 1e999',
      (s) => JSON.stringify(s).replace(/"percent":[0-9.e+-]+/, '"percent":1e999'),
      'suites.rust.headline.percent must be a number from 0 to 100, got null'
    ]
  ]
  it.each(hostile)('a summary with %s is one notice "baseline ignored", never an internal error', async (_what, change, why) => {
    const other = await startArtifactService({ runId: '107' })
    other.put('coverage-summary', await summaryZip(change(mainSummary())))
    const record: RunRecord = {
      id: 107,
      branch: 'hostile',
      conclusion: 'success',
      headSha: '7'.repeat(40),
      createdAt: '2026-11-30T10:00:00Z',
      artifacts: other
    }
    runs.push(record)
    try {
      const pr = await run(
        'pr-hostile',
        worseLcov(6),
        prRun,
        { ...prEnv(), GITHUB_EVENT_PATH: writeEvent('hostile') },
        {
          upload: 'false',
          'max-drop': '1',
          'non-blocking': 'false'
        }
      )
      expect(pr.stdout).not.toContain('Internal error')
      expect(pr.stdout).not.toMatch(/::(warning|error)/)
      expect(pr.status).toBe(0)
      expect(pr.stdout).toContain(
        `::notice title=Coverage baseline::Nothing to compare with on hostile: baseline ignored: coverage-summary.json of run 107: ${why}; max-drop is not judged.`
      )
      expect(pr.outputs['rust-coverage-delta']).toBe('')
      expect(pr.outputs['python-coverage-delta']).toBe('')
    } finally {
      runs.splice(runs.indexOf(record), 1)
      await other.close()
    }
  })
})
