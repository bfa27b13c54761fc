// Uploads through the local artifact service (real protocol), downloaded back
// with the real @actions/artifact client and compared byte for byte.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { summarySchemaErrors } from '../../test-support/summary-schema.js'
import { startArtifactService, type ArtifactService } from '../../test-support/artifact-service.js'
import { example, repo, runActionAsync } from './support/run-action.js'

let service: ArtifactService
beforeEach(async () => {
  service = await startArtifactService()
})
afterEach(async () => {
  await service.close()
})

const inputs = (dir: string, extra: Record<string, string> = {}) => ({
  'working-directory': 'examples/mixed-project',
  'rust-lcov': `${dir}/rust.lcov`,
  'rust-html-dir': `${dir}/html`,
  'python-xml': `${dir}/python.xml`,
  'python-package': 'mixed_demo',
  'python-tests': 'tests/python',
  ...extra
})

/** Downloads an artifact with the real client: a zipped one unzipped; with `raw`, a .zip uploaded unzipped kept as the file. */
async function download(id: number, raw = false): Promise<string> {
  const saved = { ...process.env }
  Object.assign(process.env, service.env(), { GITHUB_WORKSPACE: repo })
  delete process.env['GITHUB_SERVER_URL']
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-download-'))
    await new DefaultArtifactClient().downloadArtifact(id, { path: target, ...(raw ? { skipDecompress: true } : {}) })
    return target
  } finally {
    process.env = saved
  }
}

it('uploads rust-coverage and python-coverage; the downloads equal the reports byte for byte', async () => {
  const dir = 'target/e2e-artifacts'
  const run = await runActionAsync(inputs(dir, { 'retention-days': '5' }), service.env())
  expect(run.stdout).not.toMatch(/::(warning|error)/)
  expect(run.status).toBe(0)
  const rustId = Number(run.outputs['rust-artifact-id'])
  expect(run.outputs['rust-artifact-url']).toBe(`https://github.com/owner/repo/actions/runs/4242/artifacts/${rustId}`)
  const stored = service.artifacts()
  expect(stored.map((a) => a.name).sort()).toEqual([
    'coverage-report.html',
    'coverage-summary',
    'python-coverage',
    'rust-coverage',
    'rust-coverage-html.zip'
  ])
  expect(Number(run.outputs['rust-artifact-size'])).toBe(stored.find((a) => a.name === 'rust-coverage')?.size)
  expect(Math.round((Date.parse(stored[0]?.expiresAt ?? '') - Date.now()) / 86_400_000)).toBe(5)

  // The Rust artifact holds the reports; the HTML report is no longer a zip inside it.
  const rust = await download(rustId)
  expect(fs.readdirSync(rust).sort()).toEqual(['rust.cobertura.xml', 'rust.lcov'])
  expect(fs.readFileSync(path.join(rust, 'rust.lcov')).equals(fs.readFileSync(path.join(example, dir, 'rust.lcov')))).toBe(true)

  // The zipped HTML report: its own artifact, uploaded unzipped (version 7, application/zip), named after its file,
  // so the download is that one zip, byte for byte the file written; unzipped once, it is the HTML report.
  const html = stored.find((a) => a.name === 'rust-coverage-html.zip')
  expect(html).toMatchObject({ version: 7, mimeType: 'application/zip', contentType: 'application/zip' })
  expect(run.outputs['rust-html-artifact-id']).toBe(String(html?.id))
  expect(run.outputs['rust-html-artifact-url']).toBe(`https://github.com/owner/repo/actions/runs/4242/artifacts/${html?.id}`)
  const written = path.join(example, dir, 'rust-coverage-html.zip')
  const htmlDir = await download(html?.id as number, true)
  expect(fs.readdirSync(htmlDir)).toEqual(['rust-coverage-html.zip'])
  expect(fs.readFileSync(path.join(htmlDir, 'rust-coverage-html.zip')).equals(fs.readFileSync(written))).toBe(true)
  expect(html?.size).toBe(fs.statSync(written).size)
  const unzipped = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-html-'))
  execFileSync('unzip', ['-q', path.join(htmlDir, 'rust-coverage-html.zip'), '-d', unzipped])
  expect(fs.existsSync(path.join(unzipped, 'index.html'))).toBe(true)
  execFileSync('diff', ['-r', unzipped, path.join(example, dir, 'html')])
  expect(run.summary).toContain(`[rust-coverage-html.zip](${run.outputs['rust-html-artifact-url']}) (`)

  const python = await download(Number(run.outputs['python-artifact-id']))
  expect(fs.readdirSync(python).sort()).toEqual(['python-coverage.txt', 'python.xml'])
  expect(fs.readFileSync(path.join(python, 'python.xml')).equals(fs.readFileSync(path.join(example, dir, 'python.xml')))).toBe(true)
  // coverage-summary.json: the same figures as the outputs, the artifacts it sits beside, the tools that ran.
  const summaryDir = await download(Number(run.outputs['summary-artifact-id']))
  expect(fs.readdirSync(summaryDir)).toEqual(['coverage-summary.json'])
  const json = JSON.parse(fs.readFileSync(path.join(summaryDir, 'coverage-summary.json'), 'utf8'))
  expect(summarySchemaErrors(json)).toEqual([]) // as published in schema/
  expect(json.schema).toBe('rust-python-coverage/coverage-summary@1')
  expect(json.run).toMatchObject({ repository: 'owner/repo', runId: '4242' })
  expect(json.status).toBe('passed')
  expect(json.suites.rust.headline.percent).toBe(Number(run.outputs['rust-line-coverage']))
  expect(json.suites.python.headline.percent).toBe(Number(run.outputs['python-line-coverage']))
  expect(json.suites.rust.artifact).toMatchObject({ name: 'rust-coverage', id: rustId, error: null })
  expect(json.suites.rust.htmlArtifact).toMatchObject({ name: 'rust-coverage-html.zip', id: html?.id, size: html?.size, error: null })
  expect(json.suites.rust.htmlZip).toMatchObject({ path: `examples/mixed-project/${dir}/rust-coverage-html.zip`, bytes: html?.size })
  expect(json.suites.python.htmlArtifact).toBeNull()
  expect(json.suites.rust.tools['cargo-llvm-cov']).toMatch(/^\d+\.\d+\.\d+/)
  expect(json.suites.rust.tools['rustc']).toMatch(/^1\.\d+/)
  expect(json.suites.python.tools['coverage.py']).toMatch(/^7\./)
  expect(json.suites.python.files.map((f: { path: string }) => f.path)).toContain('examples/mixed-project/python/mixed_demo/__init__.py')
  expect(json.suites.rust.files.reduce((n: number, f: { lines: { total: number } }) => n + f.lines.total, 0)).toBe(
    json.suites.rust.totals.lines.total
  )
  expect(run.outputs['summary-json']).toBe(`examples/mixed-project/target/coverage/coverage-summary.json`)
  expect(run.summary).toMatch(/\[rust-coverage\]\(https:\/\/github\.com\/owner\/repo\/actions\/runs\/4242\/artifacts\/\d+\) \(\d/)

  // The coverage page: its own artifact, uploaded unzipped (version 7, text/html), named after its file, linked from
  // the summary, and downloaded back byte for byte as the file itself.
  const page = stored.find((a) => a.name === 'coverage-report.html')
  expect(page).toMatchObject({ version: 7, mimeType: 'text/html', contentType: 'text/html' })
  expect(run.outputs['coverage-page-url']).toBe(`https://github.com/owner/repo/actions/runs/4242/artifacts/${page?.id}`)
  expect(run.summary).toContain(`📄 [Open the coverage page in the browser](${run.outputs['coverage-page-url']})`)
  const pageDir = await download(page?.id as number)
  expect(fs.readdirSync(pageDir)).toEqual(['coverage-report.html'])
  expect(
    fs.readFileSync(path.join(pageDir, 'coverage-report.html')).equals(fs.readFileSync(path.join(example, 'target/coverage/coverage-report.html')))
  ).toBe(true)
})

it('an upload the service refuses is a warning naming the artifact; the other still uploads', async () => {
  service.inject({
    method: 'CreateArtifact',
    name: 'rust-coverage',
    kind: 'status',
    status: 403,
    code: 'permission_denied',
    msg: 'uploads are not allowed for this token'
  })
  const run = await runActionAsync(inputs('target/e2e-refused'), service.env())
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('warned')
  expect(run.stdout).toMatch(
    /::warning::Rust artifact "rust-coverage" was not uploaded: .*\(403\).*uploads are not allowed for this token \(would fail the step with non-blocking: false\)/
  )
  expect(
    service
      .artifacts()
      .map((a) => a.name)
      .sort()
  ).toEqual(['coverage-report.html', 'coverage-summary', 'python-coverage', 'rust-coverage-html.zip'])
  expect(run.summary).toContain('not uploaded')
})

it('a duplicate artifact name (409) fails the step when enforced, with a hint to name artifacts per job', async () => {
  await runActionAsync(inputs('target/e2e-dup1'), service.env())
  const run = await runActionAsync(inputs('target/e2e-dup2', { 'non-blocking': 'false' }), service.env())
  expect(run.status).toBe(1)
  expect(run.stdout).toContain(
    '::error::Rust artifact "rust-coverage" was not uploaded: an artifact named "rust-coverage" already exists in this run'
  )
  expect(run.outputs['status']).toBe('failed')
})

it('a finalize that never answers ends in a warning after upload-timeout-minutes, not a hung step', async () => {
  service.inject({ method: 'FinalizeArtifact', name: 'rust-coverage', kind: 'hang' })
  const run = await runActionAsync(inputs('target/e2e-hang', { 'upload-timeout-minutes': '0.05' }), service.env())
  expect(run.status).toBe(0)
  expect(run.stdout).toContain(
    '::warning::Rust artifact "rust-coverage" was not uploaded: the artifact service did not finish within 3 s (would fail the step with non-blocking: false)'
  )
  expect(
    service
      .artifacts()
      .map((a) => a.name)
      .sort()
  ).toEqual(['coverage-report.html', 'coverage-summary', 'python-coverage', 'rust-coverage-html.zip'])
})
