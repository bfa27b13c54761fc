// The job summary and the pull request comment with hostile values in every
// place a value the action did not write reaches them (report paths, names,
// branches, commits, URLs, messages), rendered with a real GFM renderer.
import { marked, type Tokens } from 'marked'
import { HOSTILE, tags } from '../safety/hostile.js'
import { MAX_LISTED, renderSummary, SUMMARY_LIMIT_BYTES, type SummaryInput } from '../../../src/publish/summary.js'
import { summaryForTerminal } from '../../../src/publish/terminal.js'
import { commentBody, commentMarker, COMMENT_LIMIT } from '../../../src/pr/comment.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import type { Finding } from '../../../src/model/findings.js'
import { fileCoverage as file, lcovReport as report, suiteResult } from '../../../test-support/coverage-builders.js'

const values = Object.values(HOSTILE)
const EVIL = 'https://evil.example/x'

const suite = (over: Partial<SuiteResult>): SuiteResult => suiteResult({ durationMs: 1000, reportPath: 'r', minLines: 50, ...over })

/** A summary input with `pick(i)` in every untrusted place, `path(i)` for file paths; `n` of each list. */
function hostileInput(pick: (i: number) => string, n: number, over: Partial<SummaryInput> = {}, path = pick): SummaryInput {
  const files = Array.from({ length: n }, (_, i) => file(path(i), i % 5, 10))
  const rust = suite({
    report: report(files),
    headline: { percent: 40, covered: 4, total: 10, unit: 'lines', basis: pick(0) },
    artifact: { name: pick(1), files: [], id: 1, url: EVIL, size: 10 },
    patch: { covered: 1, total: 4, percent: 25, files: files.map((f) => ({ path: f.path, total: 4, covered: 1, uncovered: [[1, 3]] })) },
    delta: { before: 50, after: 40, delta: -10, files: files.map((f) => ({ path: f.path, before: 50, after: 40, delta: -10 })) }
  })
  const python = suite({ suite: 'python', label: 'Python', artifact: { name: pick(2), files: [], error: pick(3) } })
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({ suite: 'rust', kind: 'tool-failed', message: pick(i) }))
  return {
    suites: [rust, python],
    findings,
    advisories: Array.from({ length: n }, (_, i) => ({ suite: 'python', message: pick(i + 1) })),
    status: 'warned',
    nonBlocking: true,
    filesPerSuite: n,
    patch: { base: 'abc', how: pick(4), changedFiles: n, minPatch: 80 },
    baseline: { run: { runId: 7, url: EVIL, commit: pick(5), branch: pick(6), createdAt: null }, maxDrop: 1 },
    merge: { shards: Array.from({ length: n }, (_, i) => ({ suite: i % 2 ? 'rust' : 'python', artifact: path(i), id: i, report: null })) },
    ...over
  }
}

const OURS = ['h2', 'h3', 'p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'sub', 'wbr', 'strong', 'details', 'summary', 'br']

/** What a reader of GitHub would see as active: links, images, other elements, mentions and references in the text. */
function expectInert(markdown: string): void {
  expect(markdown).not.toMatch(/\]\((?!https:\/\/github\.com\/)/)
  expect(markdown).not.toMatch(/@alice|@org|#123|GH-1(?!<)|<img|<script|<a |www\.evil|https?:\/\/evil/)
  expect(markdown).not.toMatch(/[\r\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF\x00-\x08\x0b-\x1f\x7f]/)
  const html = marked.parse(markdown, { gfm: true, async: false })
  expect([...new Set(tags(html))].filter((t) => !OURS.includes(t) && t !== 'a')).toEqual([])
  for (const href of html.matchAll(/<a [^>]*href="([^"]*)"/g)) expect(href[1]).toMatch(/^https:\/\/github\.com\//)
  expect(html).not.toMatch(/<img|<script|href="https?:\/\/evil/)
  // Every table keeps the column count of its header, row by row, in the markdown itself.
  for (const token of marked.lexer(markdown, { gfm: true })) {
    if (token.type !== 'table') continue
    const table = token as Tokens.Table
    const pipes = (line: string): number => line.split('|').length
    const [head, , ...rows] = table.raw.trimEnd().split('\n')
    for (const row of rows) expect(pipes(row)).toBe(pipes(head))
  }
}

describe('summary with hostile values everywhere', () => {
  it.each(Object.entries(HOSTILE))('%s: no link, image, element, mention, reference or table break comes out', (_name, raw) => {
    const text = renderSummary(hostileInput(() => raw, 3))
    expectInert(text)
    expectInert(commentBody(commentMarker('CI/coverage'), text, 'https://github.com/o/r/actions/runs/1'))
    expect(text).toContain('| Rust |')
    expect(text).toContain('| Python |')
  })

  it('all classes at once, also when patch coverage and the baseline were unavailable', () => {
    const input = hostileInput((i) => values[i % values.length], values.length)
    expectInert(renderSummary(input))
    const unavailable = hostileInput((i) => values[i % values.length], values.length, {
      patch: { base: null, how: '', unavailable: HOSTILE.link + HOSTILE.team, changedFiles: 0, minPatch: null },
      baseline: { run: null, unavailable: HOSTILE.issue + HOSTILE.html, maxDrop: null }
    })
    expectInert(renderSummary(unavailable))
  })

  it('quotes the values it escapes: the hostile path is there, as text', () => {
    const text = renderSummary(hostileInput(() => '@org/security-team cc @alice', 1))
    expect(text).toContain('&#64;<wbr>org/security-team cc &#64;<wbr>alice')
  })
})

describe('links the action builds', () => {
  const base = (url: string | undefined, serverUrl?: string): string =>
    renderSummary({
      suites: [suite({ artifact: { name: 'rust-coverage', files: [], id: 3, url, size: 2048 } })],
      findings: [],
      advisories: [],
      status: 'passed',
      nonBlocking: true,
      filesPerSuite: 10,
      baseline: { run: { runId: 100, url: url ?? null, commit: 'a'.repeat(40), branch: 'main', createdAt: null }, maxDrop: null },
      serverUrl
    })

  it('links the artifact and the baseline run on the server host', () => {
    const text = base('https://github.com/o/r/actions/runs/100')
    expect(text).toContain('[rust-coverage](https://github.com/o/r/actions/runs/100) (2.0 KiB)')
    expect(text).toContain('Changes are against main ([run 100](https://github.com/o/r/actions/runs/100), commit `aaaaaaaaaaaa`).')
  })

  it('does not link a baseline html_url or an artifact URL on another host, over http, or with a javascript: scheme', () => {
    for (const url of [
      'https://evil.example/o/r/actions/runs/100',
      'http://github.com/o/r',
      'javascript:alert(1)',
      'https://github.com.evil.example/x'
    ]) {
      const text = base(url)
      expect(text).not.toContain('](')
      expect(text).toContain('| rust-coverage (2.0 KiB) |')
      expect(text).toContain('(run 100, commit')
    }
  })

  it('links to the GitHub Enterprise host given as serverUrl, and not to github.com then', () => {
    expect(base('https://ghe.example.com/o/r/actions/runs/100', 'https://ghe.example.com')).toContain(
      '[run 100](https://ghe.example.com/o/r/actions/runs/100)'
    )
    expect(base('https://github.com/o/r/actions/runs/100', 'https://ghe.example.com')).not.toContain('](')
  })

  it('shows a commit that is no SHA as escaped code, not inside a backtick span it could close', () => {
    const text = renderSummary({
      suites: [],
      findings: [],
      advisories: [],
      status: 'passed',
      nonBlocking: true,
      filesPerSuite: 1,
      baseline: { run: { runId: 1, url: null, commit: '` [x](https://evil.example) `', branch: 'main', createdAt: null }, maxDrop: null }
    })
    expect(text).not.toContain('](')
    expect(text).not.toContain('`')
  })
})

describe('size', () => {
  it('stays under 1 MiB with maximal hostile data: thousands of 100 KB findings, 10,000 files with 4 KB paths', () => {
    // Characters that grow the most when escaped: 3,000 findings and 3,000 warnings of 100 KB, 10,000 files
    // (lowest covered, patch, changes since the baseline) and shard artifacts with 4 KB paths and names.
    const message = '@#:\u202E\u0001|'.repeat(15 * 1024).slice(0, 100 * 1024 - 8)
    const long = '\u{E0001}@'.repeat(1365)
    const input = hostileInput(
      (i) => `${i}${message}`,
      10_000,
      {},
      (i) => `src/${long}/${i}.rs`
    )
    input.findings = input.findings.slice(0, 3000)
    input.advisories = input.advisories.slice(0, 3000)
    const text = renderSummary(input)
    expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(text).toContain('| Rust |')
    expect(text).toContain('| Python |')
    const findings = text.slice(text.indexOf('### Findings'), text.indexOf('### Warnings'))
    expect(findings.match(/^- /gm)?.length).toBeLessThanOrEqual(MAX_LISTED + 1)
    expect(findings).toMatch(/- … and \d+ more finding\(s\), in the annotations and the log\./)
    // The comment: the same, within its own budget and limit.
    const body = commentBody(commentMarker('k'), renderSummary(input, COMMENT_LIMIT - 4096), 'https://github.com/o/r/actions/runs/1')
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
  })

  it('lists the first findings and says how many more there are', () => {
    const input = hostileInput((i) => `finding ${i}`, 120)
    const text = renderSummary(input)
    expect(text).toContain('- finding 49 (would fail the step with non-blocking: false)')
    expect(text).not.toContain('- finding 50 (')
    expect(text).toContain('- … and 70 more finding(s), in the annotations and the log.')
    expect(text).toContain('- … and 70 more warning(s), in the annotations and the log.')
  })

  it('caps one very long path to its head and tail', () => {
    const long = `src/${'very/'.repeat(100_000)}deep.rs`
    const text = renderSummary(hostileInput(() => long, 1))
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024)
    expect(text).toContain('deep.rs</code>')
    expect(text).toContain('…')
  })
})

describe('redaction before escaping', () => {
  it('masks a secret in a value before the escaping could split it', () => {
    const secret = 'ghp_0123456789abcdef0123456789abcdef0123'
    const text = renderSummary({
      ...hostileInput(() => `pip install --index https://x:${secret}@pypi.example/simple`, 1),
      redact: (t) => t.split(secret).join('***')
    })
    expect(text).not.toContain('0123456789abcdef')
    expect(text).toContain('&#42;&#42;&#42;')
  })
})

describe('terminal text of a hostile summary', () => {
  it('decodes the entities for reading, and lets no escape sequence, CR or bidi control through', () => {
    const text = summaryForTerminal(renderSummary(hostileInput((i) => values[i % values.length], values.length)))
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/)
    expect(text).toContain('@org/security-team cc @alice')
    expect(text).toContain('[tracker](https://evil.example/x)')
    expect(text).toContain('ESC<U+001B>[31mred')
    expect(text).not.toContain('<wbr>')
  })

  it('decodes once: an escaped entity stays an entity, an entity of ESC does not become ESC', () => {
    expect(summaryForTerminal('&amp;#64;x &#27;[31m &#x1b; &#8238;')).toBe('&#64;x <U+001B>[31m <U+001B> <U+202E>')
    expect(summaryForTerminal('a\rb\x1b]0;title\x07')).toBe('a\nb<U+001B>]0;title<U+0007>')
  })
})

describe('commentBody', () => {
  const marker = commentMarker('k')
  it('makes no link of a footer URL that is not https, and encodes one that would end the destination', () => {
    expect(commentBody(marker, 'x', 'javascript:alert(1)')).toBe(`${marker}\nx`)
    expect(commentBody(marker, 'x', 'http://github.com/o/r/actions/runs/1')).toBe(`${marker}\nx`)
    expect(commentBody(marker, 'x', 'https://github.com/o/r/actions/runs/1)[a](https://evil.example')).toContain(
      '[this run](https://github.com/o/r/actions/runs/1%29%5Ba%5D%28https://evil.example)'
    )
  })

  it('closes a <details> the cut falls in, so the note is not folded away', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| <code>src/f${i}.rs</code> | 1 |`).join('\n')
    const body = commentBody(marker, `<details><summary>files</summary>\n\n| File | Lines |\n| --- | --- |\n${rows}\n\n</details>\n`, null)
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toMatch(/\|\n\n<\/details>\n\n… cut to fit GitHub's comment limit; the whole summary is in the job summary\.\n$/)
    const html = marked.parse(body, { gfm: true, async: false })
    expect(html.lastIndexOf('</details>')).toBeLessThan(html.indexOf('cut to fit'))
  })
})
