// github-code-coverage: true sends each suite's report to GitHub code coverage
// (Code Quality) as GitHub's own upload-code-coverage action does: a
// gzip+base64 Cobertura report with repository-relative file names, the pull
// request's head commit and number, then its processing status polled. Against
// the REST double; a repository without Code Quality, or a token without
// `code-quality: write`, is a notice and the step passes.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseCoberturaBuffer } from '../../src/reports/cobertura.js'
import { parseLcovFile } from '../../src/reports/lcov.js'
import { realReportFile } from '../../test-support/fixtures.js'
import { startGitHubApi, type GitHubApiDouble } from '../../test-support/github-api.js'
import { example, repo, runActionAsync, standInInputs } from './support/run-action.js'

const token = 'ghs_codecoveragetoken000000000000000000'
const head = 'e'.repeat(40)
let api: GitHubApiDouble
let event: string
beforeAll(async () => {
  api = await startGitHubApi({ repository: 'owner/repo', workflow: 'ci.yml', token, runs: [] })
  event = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-cc-')), 'event.json')
  fs.writeFileSync(
    event,
    JSON.stringify({ number: 5, pull_request: { number: 5, base: { ref: 'main', sha: 'a'.repeat(40) }, head: { ref: 'f', sha: head } } })
  )
})
afterAll(() => api.close())

function run(name: string) {
  const dir = `target/e2e-code-coverage/${name}`
  return runActionAsync(
    {
      ...standInInputs(dir, { rust: realReportFile('rust.lcov'), python: realReportFile('python.xml') }),
      'summary-json': `${dir}/coverage-summary.json`,
      'patch-coverage': 'false',
      baseline: 'false',
      upload: 'false',
      'github-token': token,
      'github-code-coverage': 'true'
    },
    {
      GITHUB_API_URL: api.url,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_REF: 'refs/pull/5/merge'
    }
  )
}

it('sends both reports for the pull request head, with the same lines as the reports and repository-relative names', async () => {
  api.codeCoverage.mode = 'enabled'
  api.codeCoverage.uploads.length = 0
  const result = await run('sent')
  expect(result.status).toBe(0)
  expect(result.outputs['status']).toBe('passed')
  const uploads = api.codeCoverage.uploads
  expect(uploads.map((u) => [u.languageName, u.commitOid, u.pullRequestNumber, u.ref])).toEqual([
    ['Rust', head, 5, null],
    ['Python', head, 5, null]
  ])
  expect(uploads.every((u) => u.polls === 2)).toBe(true)
  // The workspace is the repository's root: names relative to it are what GitHub places on the diff.
  const rust = parseCoberturaBuffer(Buffer.from(uploads[0]!.xml), 'rust upload', { root: repo })
  const lcov = await parseLcovFile(realReportFile('rust.lcov'), { root: repo })
  expect(rust.files.map((f) => [f.path, f.lines])).toEqual(lcov.files.map((f) => [f.path, f.lines]))
  expect(uploads[0]!.xml).toContain('<source>.</source>')
  expect([...uploads[0]!.xml.matchAll(/filename="([^"]*)"/g)].map((m) => m[1])).toEqual([
    'examples/mixed-project/src/lib.rs',
    'examples/mixed-project/src/stats.rs',
    'examples/mixed-project/src/text.rs'
  ])
  const python = parseCoberturaBuffer(Buffer.from(uploads[1]!.xml), 'python upload')
  expect(python.totals.lines).toEqual({ covered: 105, total: 126 })
  const summary = JSON.parse(fs.readFileSync(path.join(example, 'target/e2e-code-coverage/sent/coverage-summary.json'), 'utf8'))
  expect(summary.suites.rust.codeCoverage).toEqual({ id: uploads[0]!.id, status: 'succeeded' })
  expect(result.stdout).toContain('Rust: succeeded')
})

it.each([
  ['not-enabled', /Rust report not shown: Code Quality is not enabled for this repository/],
  ['forbidden', /Rust report not shown: PUT \/repos\/owner\/repo\/code-coverage\/report answered 403.*code-quality: write/]
] as const)('Code Quality %s: a notice, no finding', async (mode, notice) => {
  api.codeCoverage.mode = mode
  const result = await run(mode)
  expect(result.status).toBe(0)
  expect(result.outputs['status']).toBe('passed')
  expect(result.stdout).toMatch(new RegExp(`^::notice title=GitHub code coverage::${notice.source}`, 'm'))
  expect(result.stdout).not.toMatch(/^::(warning|error)/m)
})
