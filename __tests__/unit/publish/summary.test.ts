import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseCoberturaFile } from '../../../src/reports/cobertura.js'
import { pythonHeadline, rustHeadline } from '../../../src/reports/headline.js'
import { realReportFile, repoRoot } from '../../../test-support/fixtures.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import { lowestCovered, renderSummary, SUMMARY_LIMIT_BYTES } from '../../../src/publish/summary.js'
import type { Finding } from '../../../src/model/findings.js'
import { fileCoverage as file, lcovReport as report, suiteResult } from '../../../test-support/coverage-builders.js'

const suite = (over: Partial<SuiteResult>): SuiteResult => suiteResult({ durationMs: 12_345, ...over })

describe('renderSummary', () => {
  const rust = suite({
    report: report([file('src/a.rs', 1, 10), file('src/b.rs', 9, 10), file('src/full.rs', 5, 5)], { lines: { covered: 16, total: 26 } }),
    minLines: 70,
    artifact: { name: 'rust-coverage', files: [], id: 7, url: 'https://github.com/o/r/actions/runs/1/artifacts/7', size: 2048 }
  })
  rust.headline = rustHeadline(rust.report!)
  const python = suite({
    suite: 'python',
    label: 'Python',
    enabled: true,
    artifact: { name: 'python-coverage', files: [], error: 'no report files to upload' }
  })
  const findings: Finding[] = [
    { suite: 'rust', kind: 'threshold', message: 'Rust coverage 61.54% is below rust-min-lines 70%' },
    { suite: 'python', kind: 'report-missing', message: 'Python report target/coverage/python.xml was not written by the coverage command' }
  ]

  it('has a row per suite with coverage, threshold, verdict, duration and artifact', () => {
    const text = renderSummary({ suites: [rust, python], findings, advisories: [], status: 'warned', nonBlocking: true, filesPerSuite: 10 })
    expect(text).toContain(
      '| Rust | **61.54%** (16/26 lines) | ≥ 70% | ⚠️ below threshold (would fail) | 12.3 s | [rust-coverage](https://github.com/o/r/actions/runs/1/artifacts/7) (2.0 KiB) |'
    )
    expect(text).toContain('| Python | no data | none | ⚠️ report missing (would fail) | 12.3 s | not uploaded: no report files to upload |')
    expect(text).toContain('would fail the step with non-blocking: false')
    expect(text).toMatch(/<code>src\/a.rs<\/code> \| 10 \| 10.00% \| 9 \|\n\| <code>src\/b.rs<\/code>/)
    expect(text).not.toContain('full.rs')
    expect(text).toContain('lines, LF/LH sums')
  })

  it('says failed in enforced mode', () => {
    const text = renderSummary({
      suites: [rust],
      findings: findings.slice(0, 1),
      advisories: [],
      status: 'failed',
      nonBlocking: false,
      filesPerSuite: 10
    })
    expect(text).toContain('❌ Coverage failed.')
    expect(text).toContain('| ❌ below threshold |')
  })

  it('stays under 1 MiB with a huge report, keeping every suite row', () => {
    const files = Array.from({ length: 20_000 }, (_, i) => file(`src/${'deep/'.repeat(40)}file_${i}.rs`, i % 7, 10))
    const big = suite({ report: report(files) })
    big.headline = rustHeadline(big.report!)
    const text = renderSummary({ suites: [big, python], findings: [], advisories: [], status: 'passed', nonBlocking: true, filesPerSuite: 100_000 })
    expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(text).toContain('| Rust |')
    expect(text).toContain('| Python |')
  })

  it('escapes markdown and HTML in paths and messages', () => {
    const text = renderSummary({
      suites: [suite({ report: report([file('<img src=x> | [x](y).rs', 1, 2)]) })],
      findings: [{ suite: 'rust', kind: 'tool-failed', message: '<img src=x> | [x](y)' }],
      advisories: [],
      status: 'failed',
      nonBlocking: false,
      filesPerSuite: 10
    })
    expect(text).toContain('- &lt;img src=x&gt; &#124; &#91;x&#93;(y)\n')
    expect(text).toContain('| <code>&lt;img src=x&gt; &#124; &#91;x&#93;(y).rs</code> | 2 | 50.00% | 1 |')
  })

  it("counts the listed, the fully covered and the empty files apart, in the headline's unit", () => {
    const files = [file('src/a.rs', 1, 10), file('src/b.rs', 9, 10), file('src/c.rs', 2, 4), file('src/full.rs', 5, 5), file('src/empty.rs', 0, 0)]
    const some = suite({ report: report(files) })
    some.headline = rustHeadline(some.report!)
    const text = renderSummary({ suites: [some], findings: [], advisories: [], status: 'passed', nonBlocking: true, filesPerSuite: 2 })
    expect(text).toContain(
      '<details><summary>Rust: the 2 lowest-covered of 3 file(s) with missed lines (1 fully covered, 1 with no lines left out)</summary>'
    )
    expect(text).toContain('| <code>src/a.rs</code> | 10 | 10.00% | 9 |')
    expect(text).toContain('| <code>src/c.rs</code> | 4 | 50.00% | 2 |')
    expect(text).not.toContain('src/b.rs')
  })

  it("Python with branch coverage: each file in statements + branches, as coverage.py's Cover column", async () => {
    const pyReport = await parseCoberturaFile(realReportFile('python-branch.xml'), { root: path.join(repoRoot, 'examples/mixed-project') })
    const py = suite({ suite: 'python', label: 'Python', report: pyReport, reportPath: 'target/coverage/python.xml' })
    py.headline = pythonHeadline(pyReport)
    const text = renderSummary({ suites: [py], findings: [], advisories: [], status: 'passed', nonBlocking: true, filesPerSuite: 10 })
    expect(text).toContain('<details><summary>Python: 4 file(s) with missed statements + branches (1 fully covered left out)</summary>')
    expect(text).toContain('| File | Statements + branches | Covered | Missed |')
    // coverage.py's own per-file figures (coverage json of the same run).
    const json = JSON.parse(fs.readFileSync(path.join(repoRoot, '__fixtures__/real/python-branch.json'), 'utf8'))
    for (const [name, entry] of Object.entries(json.files) as [string, { summary: Record<string, number> }][]) {
      const s = entry.summary
      if (s['percent_covered'] === 100) continue
      const total = (s['num_statements'] as number) + (s['num_branches'] as number)
      const missed = total - (s['covered_lines'] as number) - (s['covered_branches'] as number)
      expect(text).toContain(`| <code>${name}</code> | ${total} | ${(s['percent_covered'] as number).toFixed(2)}% | ${missed} |`)
    }
  })

  it('sorts lowest-covered by percentage then by lines missed', () => {
    expect(lowestCovered([file('b', 5, 10), file('a', 50, 100), file('c', 0, 3)], 5).map((f) => f.path)).toEqual(['c', 'a', 'b'])
  })
})

describe('commentBody', () => {
  it('keeps a body under the 65,536-character limit, cut at a line end with a note', async () => {
    const { commentBody, commentMarker, COMMENT_LIMIT } = await import('../../../src/pr/comment.js')
    const marker = commentMarker('CI/coverage/coverage-summary')
    expect(marker).toBe('<!-- rust-python-coverage: CI/coverage/coverage-summary -->')
    expect(commentBody(marker, 'short', null)).toBe(`${marker}\nshort`)
    expect(commentBody(marker, 'short', 'https://github.com/o/r/actions/runs/1')).toBe(
      `${marker}\nshort\n<sub>From [this run](https://github.com/o/r/actions/runs/1): job summary, annotations and artifacts.</sub>\n`
    )
    const long = Array.from({ length: 5000 }, (_, i) => `| row ${i} | ${'x'.repeat(20)} |`).join('\n')
    const body = commentBody(marker, long, 'https://github.com/o/r/actions/runs/1')
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body.startsWith(marker)).toBe(true)
    expect(body).toMatch(
      /\|\n\n… cut to fit GitHub's comment limit; the whole summary is in \[the job summary\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\)\.\n$/
    )
  })
})

describe('summaryForTerminal', () => {
  it('turns the step summary HTML into plain text and keeps the tables', async () => {
    const { summaryForTerminal } = await import('../../../src/publish/terminal.js')
    const md = [
      '| Rust | **81.94%** (186/227) | ≥ 70% | ✅ passed |',
      '',
      '<details><summary>Rust: 3 lowest-covered of 3 files</summary>',
      '',
      '| <code>src/a&amp;b.rs</code> | 64 |',
      '',
      '</details>',
      '',
      '<sub>Rust: lines, LF/LH sums. Path with &#95;underscore&#95; and a &#124; pipe, &#64;<wbr>alice.</sub>',
      '| Python | x | <code>a.py</code> 3–4<br><code>b.py</code> 9 |'
    ].join('\n')
    expect(summaryForTerminal(md)).toBe(
      [
        '| Rust | **81.94%** (186/227) | ≥ 70% | ✅ passed |',
        '',
        'Rust: 3 lowest-covered of 3 files:',
        '',
        '| src/a&b.rs | 64 |',
        '',
        'Rust: lines, LF/LH sums. Path with _underscore_ and a | pipe, @alice.',
        '| Python | x | a.py 3–4; b.py 9 |'
      ].join('\n')
    )
  })
})
