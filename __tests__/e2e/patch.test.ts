// Patch coverage end to end: a pull request on a copy of the example project
// in a real git repository, checked out as actions/checkout does (GitHub's merge
// commit, depth 1), the real reports of the example (paths moved to the copy),
// and the bundled action run with the pull_request event. The expected figures
// come straight from the reports' own per-line records for the changed lines.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { FIXTURES_MADE_IN, realReport } from '../../test-support/fixtures.js'
import { startGitHubApi } from '../../test-support/github-api.js'
import { summarySchemaErrors } from '../../test-support/summary-schema.js'
import { example, repo, runAction, runActionAsync, type ActionRun } from './support/run-action.js'
import { untrusted } from '../../src/safety/markdown.js'
import { git } from '../../test-support/git.js'

const real = path.join(repo, '__fixtures__/real')

const sources = [
  'src/lib.rs',
  'src/stats.rs',
  'src/text.rs',
  ...['__init__', 'cli', 'native', 'stats', 'textstats'].map((m) => `python/mixed_demo/${m}.py`)
]
/** Lines the pull request changes (1-based, inclusive): in the base commit they read differently. */
const changes: Record<string, Array<[number, number]>> = {
  'src/stats.rs': [
    [20, 40],
    [50, 55],
    [64, 65]
  ],
  'python/mixed_demo/cli.py': [[20, 35]]
}
const changedLines = (file: string): number[] => (changes[file] ?? []).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))

/** The reports' own per-line records: line -> hit count, per file. */
function recordedLines(): Record<string, Map<number, number>> {
  const out: Record<string, Map<number, number>> = {}
  let file = ''
  for (const line of fs.readFileSync(path.join(real, 'rust.lcov'), 'utf8').split('\n')) {
    if (line.startsWith('SF:')) file = path.relative(FIXTURES_MADE_IN, line.slice(3))
    const da = /^DA:(\d+),(\d+)/.exec(line)
    if (da) (out[file] ??= new Map()).set(Number(da[1]), Number(da[2]))
  }
  const xml = fs.readFileSync(path.join(real, 'python.xml'), 'utf8')
  for (const cls of xml.matchAll(/<class [^>]*filename="([^"]+)"[^]*?<\/class>/g)) {
    for (const l of (cls[0] as string).matchAll(/<line number="(\d+)" hits="(\d+)"/g))
      (out[cls[1] as string] ??= new Map()).set(Number(l[1]), Number(l[2]))
  }
  return out
}

function expectedPatch(file: string): { covered: number; total: number; missed: number[] } {
  const recorded = recordedLines()[file] ?? new Map<number, number>()
  const instrumented = changedLines(file).filter((n) => recorded.has(n))
  const missed = instrumented.filter((n) => recorded.get(n) === 0)
  return { covered: instrumented.length - missed.length, total: instrumented.length, missed }
}

interface PullRequest {
  work: string
  origin: string
  base: string
  head: string
  merge: string
  event: string
}

/** origin with main = base, feature = the change, refs/pull/1/merge = GitHub's merge commit; and the event payload. */
function makePullRequest(): PullRequest {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-pr-work-'))
  const origin = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-pr-origin-'))
  git(origin, 'init', '-q', '--bare')
  git(work, 'init', '-q')
  for (const file of sources) {
    const text = fs.readFileSync(path.join(example, file), 'utf8').split('\n')
    for (const n of changedLines(file)) text[n - 1] = `${file.endsWith('.py') ? '#' : '//'} base version of line ${n}`
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true })
    fs.writeFileSync(path.join(work, file), text.join('\n'))
  }
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'base')
  const base = git(work, 'rev-parse', 'HEAD')
  git(work, 'checkout', '-q', '-b', 'feature')
  for (const file of sources) fs.copyFileSync(path.join(example, file), path.join(work, file))
  git(work, 'commit', '-q', '-am', 'the pull request')
  const head = git(work, 'rev-parse', 'HEAD')
  git(work, 'checkout', '-q', 'main')
  git(work, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature')
  const merge = git(work, 'rev-parse', 'HEAD')
  git(work, 'push', '-q', origin, 'main', 'feature', `${merge}:refs/pull/1/merge`)
  git(origin, 'update-ref', 'refs/heads/main', base)
  const event = path.join(origin, 'event.json')
  fs.writeFileSync(
    event,
    JSON.stringify({ number: 1, pull_request: { number: 1, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } } })
  )
  return { work, origin, base, head, merge, event }
}

/** A workspace as actions/checkout leaves it for a pull_request event (the merge commit, depth 1). */
function checkoutMerge(pr: PullRequest, depth = 1): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-pr-ws-'))
  git(ws, 'init', '-q')
  git(ws, 'remote', 'add', 'origin', `file://${pr.origin}`)
  git(ws, 'fetch', '-q', '--no-tags', `--depth=${depth}`, 'origin', '+refs/pull/1/merge:refs/remotes/pull/1/merge')
  git(ws, 'checkout', '-q', 'refs/remotes/pull/1/merge')
  // The example's real reports, their absolute paths moved to this workspace.
  const reports = path.join(ws, '.reports')
  fs.mkdirSync(reports)
  fs.writeFileSync(path.join(reports, 'rust.lcov'), realReport('rust.lcov', ws))
  fs.writeFileSync(path.join(reports, 'python.xml'), realReport('python.xml', ws))
  return ws
}

function patchInputs(inputs: Record<string, string>): Record<string, string> {
  return {
    'rust-command':
      'mkdir -p target/coverage/html && echo "<html></html>" > target/coverage/html/index.html && cp .reports/rust.lcov target/coverage/rust.lcov',
    'rust-report-command': 'true',
    'rust-cobertura': 'false', // the stand-in report command writes none
    baseline: 'false', // this file is about the patch; baseline.test.ts covers the REST side
    'python-command': 'mkdir -p target/coverage && cp .reports/python.xml target/coverage/python.xml',
    ...inputs
  }
}

const prEnv = (ws: string, pr: PullRequest, env: Record<string, string>) => ({
  GITHUB_WORKSPACE: ws,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: pr.event,
  GITHUB_SHA: pr.merge,
  ...env
})

function runOnPullRequest(ws: string, pr: PullRequest, inputs: Record<string, string> = {}, env: Record<string, string> = {}): ActionRun {
  return runAction(patchInputs(inputs), prEnv(ws, pr, env))
}

const notices = (run: ActionRun): string[] => run.stdout.split('\n').filter((l) => l.startsWith('::notice'))
const pr = makePullRequest()

it('measures the changed lines of each suite from a depth-1 merge checkout, with annotations and JSON', () => {
  const ws = checkoutMerge(pr)
  const run = runOnPullRequest(ws, pr)
  expect(run.status).toBe(0)
  expect(run.stdout).not.toMatch(/::(warning|error)/)
  expect(run.stdout).toContain('git fetch --depth=2')

  const rust = expectedPatch('src/stats.rs')
  const python = expectedPatch('python/mixed_demo/cli.py')
  expect(rust.total).toBeGreaterThan(20)
  expect(rust.missed.length).toBeGreaterThan(5)
  expect(python.missed.length).toBeGreaterThan(3)
  expect(Number(run.outputs['rust-patch-coverage'])).toBe((rust.covered * 100) / rust.total)
  expect(Number(run.outputs['python-patch-coverage'])).toBe((python.covered * 100) / python.total)

  // One notice per range of uncovered changed lines, on the file and lines.
  const ranges = (missed: number[]): Array<[number, number]> =>
    missed.reduce<Array<[number, number]>>((acc, n) => {
      const last = acc[acc.length - 1]
      if (last && last[1] === n - 1) last[1] = n
      else acc.push([n, n])
      return acc
    }, [])
  const expectedNotices = [
    ...ranges(rust.missed).map(([a, b]) => ['src/stats.rs', a, b, 'Rust'] as const),
    ...ranges(python.missed).map(([a, b]) => ['python/mixed_demo/cli.py', a, b, 'Python'] as const)
  ].map(
    ([file, a, b, label]) =>
      `::notice title=Not covered by tests,file=${file},line=${a},endLine=${b}::${a === b ? `Line ${a} is` : `Lines ${a}–${b} are`} changed by this pull request and not run by the ${label} tests.`
  )
  expect(notices(run)).toEqual(expectedNotices)

  expect(run.summary).toContain('### Patch coverage')
  expect(run.summary).toContain(
    `Lines changed since ${untrusted(`${pr.base.slice(0, 12)}, the first parent of the pull request's merge commit`, 400)}; 2 changed file(s).`
  )
  expect(run.summary).toContain(
    `| Rust | **${((rust.covered * 100) / rust.total).toFixed(2)}%** (${rust.covered}/${rust.total}) | none | <code>src/stats.rs</code> `
  )

  const json = JSON.parse(fs.readFileSync(path.join(ws, 'target/coverage/coverage-summary.json'), 'utf8'))
  expect(summarySchemaErrors(json)).toEqual([])
  expect(json.patch).toMatchObject({ base: pr.base, changedFiles: 2, minPatch: null })
  expect(json.suites.rust.patch).toMatchObject({
    covered: rust.covered,
    total: rust.total,
    files: [{ path: 'src/stats.rs', uncovered: ranges(rust.missed) }]
  })
  expect(json.suites.python.patch).toMatchObject({ covered: python.covered, total: python.total })
})

it('min-patch is a finding like any other: a warning in non-blocking mode, a failure when enforced', () => {
  const ws = checkoutMerge(pr, 2)
  const rust = expectedPatch('src/stats.rs')
  const rustText = `Rust patch coverage ${((rust.covered * 100) / rust.total).toFixed(2)}% (${rust.covered}/${rust.total} changed lines) is below min-patch 95%`
  const warned = runOnPullRequest(ws, pr, { 'min-patch': '95', 'patch-annotations': 'false' })
  expect(warned.status).toBe(0)
  expect(warned.outputs['status']).toBe('warned')
  expect(warned.stdout).toContain(`::warning::${rustText} (would fail the step with non-blocking: false)`)
  expect(notices(warned)).toEqual([])
  expect(warned.stdout).not.toContain('git fetch --depth=2') // depth 2: the parents are there
  const failed = runOnPullRequest(ws, pr, { 'min-patch': '95', 'non-blocking': 'false' })
  expect(failed.status).toBe(1)
  expect(failed.stdout).toContain(`::error::${rustText}`)
  expect(failed.summary).toContain('| Rust |')
  expect(failed.summary).toContain('❌ patch coverage')
})

it('a base that cannot be reached: a notice with the fix, or a finding under min-patch; the rest of the run intact', () => {
  const ws = checkoutMerge(pr)
  git(ws, 'remote', 'remove', 'origin') // nothing to fetch the parents from
  const noticed = runOnPullRequest(ws, pr)
  expect(noticed.status).toBe(0)
  expect(noticed.outputs['status']).toBe('passed')
  expect(noticed.outputs['rust-patch-coverage']).toBe('')
  expect(noticed.outputs['rust-line-coverage']).toBe(String((186 * 100) / 227))
  const fix = `the base ${pr.base.slice(0, 12)} is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0`
  expect(notices(noticed)).toEqual([`::notice title=Patch coverage::Not measured: ${fix}`])
  expect(noticed.summary).toContain(`**Patch coverage** was not measured: ${untrusted(fix, 400)}.`)
  const gated = runOnPullRequest(ws, pr, { 'min-patch': '50' })
  expect(gated.outputs['status']).toBe('warned')
  expect(gated.stdout).toContain(`::warning::Patch coverage was not measured (min-patch 50%): ${fix} (would fail the step with non-blocking: false)`)
})

it('outside a pull request nothing is measured unless patch-base is given; patch-coverage: false turns it off', () => {
  const ws = checkoutMerge(pr, 2)
  const push = runOnPullRequest(ws, pr, {}, { GITHUB_EVENT_NAME: 'push' })
  expect(push.outputs['rust-patch-coverage']).toBe('')
  expect(push.summary).not.toContain('Patch coverage')
  expect(notices(push)).toEqual([])
  const based = runOnPullRequest(ws, pr, { 'patch-base': 'HEAD~1', 'patch-annotations': 'false' }, { GITHUB_EVENT_NAME: 'push' })
  expect(based.outputs['rust-patch-coverage']).toBe(String((expectedPatch('src/stats.rs').covered * 100) / expectedPatch('src/stats.rs').total))
  const off = runOnPullRequest(ws, pr, { 'patch-coverage': 'false' })
  expect(off.outputs['rust-patch-coverage']).toBe('')
  expect(off.summary).not.toContain('Patch coverage')
})

it("without the base commit in git, the pull request's files from the REST API give the same changed lines", async () => {
  const ws = checkoutMerge(pr)
  git(ws, 'remote', 'remove', 'origin')
  const token = 'ghs_patchFilesToken'
  const api = await startGitHubApi({ repository: 'owner/repo', workflow: 'ci.yml', token, runs: [] })
  try {
    // What GitHub lists: each file's unified diff against the merge base (3 lines of context), no headers.
    const patchOf = (file: string) => git(pr.work, 'diff', pr.base, pr.head, '--', file).replace(/^[^]*?(?=^@@)/m, '')
    api.pullFiles.set(1, [
      ...Object.keys(changes).map((filename) => ({ filename, status: 'modified', patch: patchOf(filename) })),
      { filename: 'docs/logo.png', status: 'added' }, // binary: no patch
      { filename: 'old.py', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-a\n-b' }
    ])
    const run = await runActionAsync(patchInputs({ 'github-token': token }), prEnv(ws, pr, { GITHUB_API_URL: api.url }))
    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(/::(warning|error)/)
    const rust = expectedPatch('src/stats.rs')
    const python = expectedPatch('python/mixed_demo/cli.py')
    expect(Number(run.outputs['rust-patch-coverage'])).toBe((rust.covered * 100) / rust.total)
    expect(Number(run.outputs['python-patch-coverage'])).toBe((python.covered * 100) / python.total)
    expect(run.summary).toContain(
      `Lines changed since ${untrusted(`the merge base with ${pr.base.slice(0, 12)} (the pull request's files from the REST API, as git could not give them: the base ${pr.base.slice(0, 12)} is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0; 1 file(s) without a diff there (binary or too large) not counted)`, 400)}; 2 changed file(s).`
    )
    expect(api.requests.map((r) => r.path)).toEqual(['/repos/owner/repo/pulls/1/files?per_page=100&page=1'])
  } finally {
    await api.close()
  }
})
