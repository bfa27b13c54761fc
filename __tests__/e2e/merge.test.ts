// Merge mode end to end: two matrix jobs of one run upload shard artifacts
// (rust-coverage-<shard>, python-coverage-<shard>) to the local artifact
// service; a final job in merge mode downloads them through the real client,
// merges the reports and judges, uploads and summarises the merged result. The
// expected union is computed here straight from the shards' own records.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { summarySchemaErrors } from '../../test-support/summary-schema.js'
import { startArtifactService, type ArtifactService } from '../../test-support/artifact-service.js'
import { realReport } from '../../test-support/fixtures.js'
import { repo, runActionAsync, standInInputs, type ActionRun } from './support/run-action.js'

const crafted = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-merge-'))
const realLcov = realReport('rust.lcov')
const realXml = realReport('python.xml')

/** Shard B ran other parts: every third run line of A is missed in B, and every other missed line of A is run in B. */
const flipEveryThird = (text: string, hit: RegExp, missed: RegExp, toMissed: (m: string) => string, toHit: (m: string) => string): string => {
  let n = 0
  let k = 0
  // Missed lines first (so lines just turned to missed are not turned back).
  return text
    .replace(missed, (m) => (k++ % 2 === 0 ? toHit(`${m}`) + '\u0000' : m))
    .replace(hit, (m) => (n++ % 3 === 0 ? toMissed(m) : m))
    .replaceAll('\u0000', '')
}
const lcovB = flipEveryThird(
  realLcov,
  /^DA:\d+,[1-9]\d*$/gm,
  /^DA:\d+,0$/gm,
  (m) => m.replace(/,\d+$/, ',0'),
  (m) => m.replace(/,0$/, ',1')
).replace(/^LH:\d+$/gm, 'LH:0') // LF/LH of a shard are not used once merged
const xmlB = flipEveryThird(
  realXml,
  /<line number="\d+" hits="[1-9]\d*"/g,
  /<line number="\d+" hits="0"/g,
  (m) => m.replace(/hits="\d+"/, 'hits="0"'),
  (m) => m.replace('hits="0"', 'hits="1"')
)

/** Per file and line, run in any shard: { covered, total } over all files. */
function union(records: Array<Array<[string, number, number]>>): { covered: number; total: number } {
  const lines = new Map<string, boolean>()
  for (const shard of records)
    for (const [file, line, hits] of shard) lines.set(`${file}:${line}`, (lines.get(`${file}:${line}`) ?? false) || hits > 0)
  return { covered: [...lines.values()].filter(Boolean).length, total: lines.size }
}
const lcovRecords = (text: string): Array<[string, number, number]> => {
  let file = ''
  const out: Array<[string, number, number]> = []
  for (const line of text.split('\n')) {
    if (line.startsWith('SF:')) file = line.slice(3)
    const m = /^DA:(\d+),(\d+)/.exec(line)
    if (m) out.push([file, Number(m[1]), Number(m[2])])
  }
  return out
}
const xmlRecords = (text: string): Array<[string, number, number]> =>
  [...text.matchAll(/<class [^>]*filename="([^"]+)"[^]*?<\/class>/g)].flatMap((c) =>
    [...(c[0] as string).matchAll(/<line number="(\d+)" hits="(\d+)"/g)].map((l): [string, number, number] => [
      c[1] as string,
      Number(l[1]),
      Number(l[2])
    ])
  )

let service: ArtifactService
beforeAll(async () => {
  service = await startArtifactService({ runId: '777' })
})
afterAll(async () => {
  await service.close()
})

function shard(name: string, lcov: string, xml: string): Promise<ActionRun> {
  const dir = `target/e2e-merge/${name}`
  fs.writeFileSync(path.join(crafted, `${name}.lcov`), lcov)
  fs.writeFileSync(path.join(crafted, `${name}.xml`), xml)
  return runActionAsync(
    {
      ...standInInputs(dir, { rust: `${crafted}/${name}.lcov`, python: `${crafted}/${name}.xml` }),
      'summary-json': `${dir}/coverage-summary.json`,
      'rust-artifact-name': `rust-coverage-${name}`,
      'python-artifact-name': `python-coverage-${name}`,
      'summary-artifact-name': `coverage-summary-${name}`
    },
    { ...service.env(), GITHUB_RUN_ID: '777' }
  )
}

it('merges the shards of the run into one report, figure, summary and artifact', async () => {
  for (const [name, lcov, xml] of [
    ['py312', realLcov, realXml],
    ['py313', lcovB, xmlB]
  ] as const) {
    const run = await shard(name, lcov, xml)
    expect(run.outputs['status']).toBe('passed')
  }
  const merged = await runActionAsync(
    {
      mode: 'merge',
      'working-directory': 'examples/mixed-project',
      'rust-lcov': 'target/e2e-merge/all/rust.lcov',
      'python-xml': 'target/e2e-merge/all/python.xml',
      'summary-json': 'target/e2e-merge/all/coverage-summary.json',
      'rust-min-lines': '99.99'
    },
    { ...service.env(), GITHUB_RUN_ID: '777' }
  )
  expect(merged.status).toBe(0)
  const rust = union([lcovRecords(realLcov), lcovRecords(lcovB)])
  const python = union([xmlRecords(realXml), xmlRecords(xmlB)])
  expect(rust.covered).toBeGreaterThan(lcovRecords(realLcov).filter((r) => r[2] > 0).length)
  expect(Number(merged.outputs['rust-line-coverage'])).toBe((rust.covered * 100) / rust.total)
  expect(Number(merged.outputs['python-line-coverage'])).toBe((python.covered * 100) / python.total)
  // The only finding is the gate on the merged figure; no note about files repeated across shards.
  expect(merged.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([
    `::warning::Rust coverage ${((rust.covered * 100) / rust.total).toFixed(2)}% is below rust-min-lines 99.99% (would fail the step with non-blocking: false)`
  ])
  expect(merged.summary).toContain(
    'Merged from 4 shard artifact(s) of this run. Rust: rust-coverage-py312, rust-coverage-py313. Python: python-coverage-py312, python-coverage-py313.'
  )
  expect(merged.summary).toContain(
    `| Python | **${((python.covered * 100) / python.total).toFixed(2)}%** (${python.covered}/${python.total} statements; coverage.py prints ${Math.round((python.covered * 100) / python.total)}%) | none | ✅ passed |`
  )

  // The merged artifacts, under the base names, next to the shards'.
  const names = service
    .artifacts()
    .map((a) => a.name)
    .sort()
  expect(names).toEqual([
    'coverage-report-py312.html',
    'coverage-report-py313.html',
    'coverage-report.html',
    'coverage-summary',
    'coverage-summary-py312',
    'coverage-summary-py313',
    'python-coverage',
    'python-coverage-py312',
    'python-coverage-py313',
    'rust-coverage',
    'rust-coverage-py312',
    'rust-coverage-py312-html.zip',
    'rust-coverage-py313',
    'rust-coverage-py313-html.zip'
  ])
  // The shards' HTML reports (unzipped artifacts sharing the rust-coverage- prefix) are passed over, never read as shards.
  expect(merged.stdout).toContain('Rust: rust-coverage-py312-html.zip, rust-coverage-py313-html.zip passed over (unzipped files, not shard reports)')
  // The merged Cobertura reports (Python, and Rust from the merged lcov) read as the tools' own.
  const all = path.join(repo, 'examples/mixed-project/target/e2e-merge/all')
  const pythonXml = fs.readFileSync(path.join(all, 'python.xml'), 'utf8')
  expect(pythonXml).toContain(`lines-valid="${python.total}" lines-covered="${python.covered}"`)
  expect(fs.readFileSync(path.join(all, 'rust.cobertura.xml'), 'utf8')).toContain(`lines-valid="${rust.total}" lines-covered="${rust.covered}"`)
  const json = JSON.parse(fs.readFileSync(path.join(all, 'coverage-summary.json'), 'utf8'))
  expect(summarySchemaErrors(json)).toEqual([])
  expect(json.merge.shards.map((s: { artifact: string }) => s.artifact)).toEqual([
    'rust-coverage-py312',
    'rust-coverage-py313',
    'python-coverage-py312',
    'python-coverage-py313'
  ])
})

it('without shard artifacts it says what to name them; the summary still has both rows', async () => {
  const empty = await startArtifactService({ runId: '778' })
  try {
    const run = await runActionAsync(
      {
        mode: 'merge',
        'working-directory': 'examples/mixed-project',
        'summary-json': 'target/e2e-merge/none/coverage-summary.json',
        upload: 'false'
      },
      { ...empty.env(), GITHUB_RUN_ID: '778' }
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(
      "::warning::No Rust shard artifacts (rust-coverage-*) in this run: give each matrix job's rust-artifact-name a suffix, e.g. rust-coverage-${{ matrix.shard }}, and make this job need them (would fail the step with non-blocking: false)"
    )
    expect(run.summary).toContain('| Rust |')
    expect(run.summary).toContain('| Python |')
  } finally {
    await empty.close()
  }
})
