// Faults of the artifact service, injected in the local service that speaks the
// real protocol, met by the real @actions/artifact client inside the bundled
// action. The client retries 429/5xx and dropped connections on its own
// schedule (about 3 s for a first retry, 25-35 s before it gives up); each case
// must end in an upload, or a warning (non-blocking) / an error (enforced) that
// names the artifact, within the step's time, with no unhandled rejection, and
// with the other artifact, the outputs and the summary still produced. 4xx, 409
// and a finalize that never answers are in artifacts.test.ts.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { realReportFile } from '../../test-support/fixtures.js'
import { startArtifactService, type ArtifactService, type Fault } from '../../test-support/artifact-service.js'
import { example, runActionAsync, standInInputs, type ActionRun } from './support/run-action.js'

let service: ArtifactService
beforeEach(async () => {
  service = await startArtifactService()
})
afterEach(async () => {
  await service.close()
})

/** Both suites' reports copied from the real fixtures by the suites' commands (no test run needed here). */
function run(name: string, faults: Fault[], extra: Record<string, string> = {}): Promise<ActionRun> {
  for (const fault of faults) service.inject(fault)
  const dir = `target/e2e-faults/${name}`
  fs.rmSync(path.join(example, dir), { recursive: true, force: true })
  return runActionAsync(
    { ...standInInputs(dir, { rust: realReportFile('rust.lcov'), python: realReportFile('python.xml') }), ...extra },
    service.env()
  )
}

function expectCleanRun(result: ActionRun): void {
  expect(result.stdout).not.toMatch(/UnhandledPromiseRejection|\n\s+at |ECONNRESET.*\n\s+at /)
  expect(result.outputs['rust-line-coverage']).toBe(String((186 * 100) / 227))
  expect(result.outputs['python-line-coverage']).toBe(String((105 * 100) / 126))
  expect(result.summary).toContain('| Rust |')
  expect(result.summary).toContain('| Python |')
}

const stored = (): string[] =>
  service
    .artifacts()
    .map((a) => a.name)
    .sort()

it.each([
  ['500', { kind: 'status', status: 500, code: 'internal', msg: 'injected server error' }],
  ['429', { kind: 'status', status: 429, code: 'resource_exhausted', msg: 'slow down' }],
  ['a dropped connection', { kind: 'drop' }]
] as const)(
  'CreateArtifact answering %s once: retried, and both artifacts upload',
  async (_, fault) => {
    // The client retries 429/5xx itself; its Twirp client does not retry a dropped connection, so the action does, once.
    const result = await run(`create-${fault.kind}`, [{ method: 'CreateArtifact', name: 'rust-coverage', ...fault }])
    expect(result.stdout).not.toMatch(/::(warning|error)/)
    expect(result.status).toBe(0)
    expect(stored()).toEqual(['coverage-report.html', 'coverage-summary', 'python-coverage', 'rust-coverage', 'rust-coverage-html.zip'])
    expect(result.outputs['rust-artifact-id']).toMatch(/^\d+$/)
    const retried = result.stdout.includes('rust-coverage: Failed to CreateArtifact: Unable to make request: ECONNRESET; trying once more')
    expect(retried).toBe(fault.kind === 'drop')
    expectCleanRun(result)
  },
  60_000
)

it('a connection dropped in the middle of a block upload is retried and the artifact arrives intact', async () => {
  const result = await run('drop-once', [{ method: 'PutBlock', name: 'rust-coverage', kind: 'drop' }])
  expect(service.requests.some((r) => r.path === 'PutBlock (dropped)')).toBe(true)
  expect(result.stdout).not.toContain('trying once more') // the storage client retried the block itself
  expect(result.stdout).not.toMatch(/::(warning|error)/)
  expect(stored()).toEqual(['coverage-report.html', 'coverage-summary', 'python-coverage', 'rust-coverage', 'rust-coverage-html.zip'])
  expectCleanRun(result)
}, 60_000)

it('a service that keeps answering 500: a warning naming the artifact once the client gives up; the other artifact uploads', async () => {
  const started = Date.now()
  const result = await run('create-500-always', [
    { method: 'CreateArtifact', name: 'rust-coverage', kind: 'status', status: 500, code: 'internal', msg: 'injected server error', times: 100 }
  ])
  expect(result.status).toBe(0)
  expect(result.outputs['status']).toBe('warned')
  const warning = result.stdout.split('\n').filter((l) => l.startsWith('::warning::Rust artifact "rust-coverage" was not uploaded: '))
  expect(warning).toHaveLength(1)
  expect(warning[0]).toMatch(/injected server error.*\(would fail the step with non-blocking: false\)$/)
  expect(stored()).toEqual(['coverage-report.html', 'coverage-summary', 'python-coverage', 'rust-coverage-html.zip'])
  expect(Date.now() - started).toBeLessThan(120_000) // a correctness bound (the step ends), not a speed target
  expectCleanRun(result)
}, 150_000)

it('block uploads that keep dropping, enforced: the step fails naming the artifact, within upload-timeout-minutes', async () => {
  const result = await run('drop-always', [{ method: 'PutBlock', name: 'rust-coverage', kind: 'drop', times: 100 }], {
    'non-blocking': 'false',
    'upload-timeout-minutes': '0.5'
  })
  expect(result.status).toBe(1)
  expect(result.outputs['status']).toBe('failed')
  expect(result.stdout).toMatch(/::error::Rust artifact "rust-coverage" was not uploaded: /)
  expect(stored()).toEqual(['coverage-report.html', 'coverage-summary', 'python-coverage', 'rust-coverage-html.zip'])
  expectCleanRun(result)
}, 150_000)
