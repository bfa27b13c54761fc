// Merge mode with untrusted shards: artifacts stored in this run as another
// job (or an attacker with the run's token) could have uploaded them. A name
// that is no plain folder name is left out; a Cobertura shard whose line
// numbers run far beyond its records is a finding for Python alone (the Rust
// merge goes on); the workspace's own folders are never deleted.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startArtifactService, type ArtifactService } from '../../test-support/artifact-service.js'
import { realReport } from '../../test-support/fixtures.js'
import { zipDirectory } from '../../src/zip/write.js'
import { repo, runActionAsync } from './support/run-action.js'

const crafted = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-merge-untrusted-'))

/** An artifact zip holding `files` (name -> text). */
async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(crafted, 'zip-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'in', name)), { recursive: true })
    fs.writeFileSync(path.join(dir, 'in', name), text)
  }
  await zipDirectory(path.join(dir, 'in'), path.join(dir, 'a.zip'), { level: 6 })
  return fs.readFileSync(path.join(dir, 'a.zip'))
}

/** Coverage of the <line> records of a Cobertura text, per file and line. */
function xmlFigure(text: string): number {
  let covered = 0
  let total = 0
  for (const c of text.matchAll(/<class [^>]*filename="([^"]+)"[^]*?<\/class>/g)) {
    for (const l of (c[0] as string).matchAll(/<line number="(\d+)" hits="(\d+)"/g)) {
      total++
      if (Number(l[2]) > 0) covered++
    }
  }
  return (covered * 100) / total
}

let service: ArtifactService
beforeAll(async () => {
  service = await startArtifactService({ runId: '779' })
})
afterAll(async () => {
  await service.close()
})

it('untrusted shards: unsafe names left out, a far-line shard is a Python finding only, our own folders kept', async () => {
  const realLcov = realReport('rust.lcov')
  const realXml = realReport('python.xml')
  // A 100 KB report of 1,500 files, each with one line at 9,999,999.
  const far = [
    '<?xml version="1.0" ?>',
    '<coverage version="7.6.1" line-rate="1" branch-rate="0" lines-covered="1500" lines-valid="1500"><packages><package name="p"><classes>',
    ...Array.from(
      { length: 1500 },
      (_, i) => `<class name="f${i}" filename="pkg/far${i}.py"><lines><line number="9999999" hits="1"/></lines></class>`
    ),
    '</classes></package></packages></coverage>'
  ].join('\n')
  service.put('rust-coverage-a', await zipOf({ 'rust.lcov': realLcov }))
  service.put('python-coverage-a', await zipOf({ 'python.xml': realXml }))
  service.put('python-coverage-far', await zipOf({ 'python.xml': far }))
  service.put('rust-coverage-x/../../escape', await zipOf({ 'rust.lcov': realLcov.replace(/,\d+$/gm, ',0') }))
  service.put('rust-coverage-ctl\u0007', await zipOf({ 'rust.lcov': realLcov }))

  // The workspace's own shards/ folder beside the summary: never the action's to delete.
  const dir = 'target/e2e-merge-untrusted'
  const own = path.join(repo, 'examples/mixed-project', dir, 'shards')
  fs.mkdirSync(own, { recursive: true })
  fs.writeFileSync(path.join(own, 'keep.txt'), 'mine')

  const merged = await runActionAsync(
    {
      mode: 'merge',
      'working-directory': 'examples/mixed-project',
      'rust-lcov': `${dir}/rust.lcov`,
      'python-xml': `${dir}/python.xml`,
      'summary-json': `${dir}/coverage-summary.json`,
      upload: 'false'
    },
    { ...service.env(), GITHUB_RUN_ID: '779' }
  )
  expect(merged.stdout).not.toContain('Internal error')
  const warnings = merged.stdout.split('\n').filter((l) => l.startsWith('::warning'))
  expect(warnings).toContain(
    '::warning::Shard artifact "rust-coverage-x/../../escape" is left out: its name holds a path separator (would fail the step with non-blocking: false)'
  )
  expect(warnings).toContain(
    '::warning::Shard artifact "rust-coverage-ctl\\u0007" is left out: its name holds a control character (would fail the step with non-blocking: false)'
  )
  // The reader itself refuses it before the merge sees it: its line states would pass the report's memory budget.
  expect(warnings.filter((w) => w.includes('far beyond'))).toEqual([
    expect.stringMatching(
      /^::warning::Shard report examples\/mixed-project\/target\/e2e-merge-untrusted\/\.rpc-shards-779-\w+\/python-coverage-far\/python\.xml: line numbers run far beyond the lines recorded \(line 9999999 among others\)/
    )
  ])
  // Rust merged from its one good shard, Python from its good shard (the far files left out).
  const lf = (tag: string): number => [...realLcov.matchAll(new RegExp(`^${tag}:(\\d+)$`, 'gm'))].reduce((s, m) => s + Number(m[1]), 0)
  expect(Number(merged.outputs['rust-line-coverage'])).toBe((lf('LH') * 100) / lf('LF'))
  expect(Number(merged.outputs['python-line-coverage'])).toBe(xmlFigure(realXml))
  // Nothing outside the download folder; the workspace's folder intact.
  expect(fs.existsSync(path.join(repo, 'examples/mixed-project/escape'))).toBe(false)
  expect(fs.readFileSync(path.join(own, 'keep.txt'), 'utf8')).toBe('mine')
  const downloads = fs.readdirSync(path.join(repo, 'examples/mixed-project', dir)).filter((n) => n.startsWith('.rpc-shards-779-'))
  expect(downloads.length).toBeGreaterThanOrEqual(1)
})
