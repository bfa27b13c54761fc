import { escapeHtml, missedRanges, renderPage, type SourceLookup } from '../../../src/page/render.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import { LINE_HIT, LINE_MISSED, LINE_NONE, type CoverageReport, type FileCoverage } from '../../../src/reports/model.js'
import { suiteResult } from '../../../test-support/coverage-builders.js'

/** A file from its line states, e.g. '.hhm.m' (index 0 unused): . none, h hit, m missed. */
function file(path: string, states: string): FileCoverage {
  const lineStates = Uint8Array.from([...states].map((c) => (c === 'h' ? LINE_HIT : c === 'm' ? LINE_MISSED : LINE_NONE)))
  const total = [...states].filter((c) => c !== '.').length
  const covered = [...states].filter((c) => c === 'h').length
  return { path, lines: { covered, total }, branches: { covered: 0, total: 0 }, functions: { covered: 0, total: 0 }, lineStates }
}

function report(files: FileCoverage[]): CoverageReport {
  return {
    format: 'lcov',
    source: 'rust.lcov',
    files,
    totals: { lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 }, functions: { covered: 0, total: 0 } },
    declared: {},
    warnings: []
  }
}

const sourcesFrom =
  (texts: Record<string, string>, calls: string[] = []) =>
  (path: string): SourceLookup => {
    calls.push(path)
    return path in texts ? { text: texts[path] as string } : { skipped: 'not found in this checkout' }
  }

const render = (suites: SuiteResult[], texts: Record<string, string> = {}, budgetBytes?: number, calls?: string[]): string =>
  renderPage(suites, { title: 'Coverage', source: sourcesFrom(texts, calls), ...(budgetBytes ? { budgetBytes } : {}) }).join('')

/** The row of one source line: its class attribute ('' when none). */
function lineClass(html: string, id: string, n: number): string | null {
  const m = new RegExp(`<tr id="${id}-${n}"(?: class="([^"]*)")?>`).exec(html)
  return m ? (m[1] ?? '') : null
}

describe('escaping', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
    expect(escapeHtml('plain text')).toBe('plain text')
  })

  it('keeps hostile paths and source lines as text, with ids from indexes only', () => {
    const evil = `src/"><img src=x onerror=alert(1)>'&.rs`
    const html = render([suiteResult({ report: report([file(evil, '.hm'), file('src/<script>.rs', '.m')]) })], {
      [evil]: `fn a() {} // </td></tr></table><script>alert(1)</script>\nlet s = "<b onclick='x'>";\n`,
      'src/<script>.rs': '<script>'
    })
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/<b /)
    expect(html).toContain('src/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;.rs')
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1])
    expect(ids.length).toBeGreaterThan(4)
    for (const id of ids) expect(id).toMatch(/^(f\d+(-\d+)?|s\d+(-sources)?)$/)
    for (const [, href] of html.matchAll(/ href="([^"]*)"/g)) expect(href).toMatch(/^#(f\d+(-\d+)?|s\d+)$/)
  })

  it('loads nothing from outside the page and forbids scripts', () => {
    const html = render([suiteResult({ report: report([file('a.rs', '.hm')]) })], { 'a.rs': 'a\nb\n' })
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(| src=|https?:\/\//i)
  })
})

describe('header', () => {
  it("shows each suite's figure, threshold and verdict, patch figure and delta", () => {
    const html = render([
      suiteResult({
        headline: { percent: 81.938, covered: 186, total: 227, unit: 'lines', basis: 'lines' },
        minLines: 70,
        patch: { covered: 3, total: 4, percent: 75, files: [] },
        delta: { before: 84.58, after: 81.94, delta: -2.64, files: [] },
        report: report([])
      }),
      suiteResult({
        suite: 'python',
        label: 'Python',
        headline: { percent: 59.56, covered: 349, total: 586, unit: 'statements', basis: 'statements' },
        minLines: 60,
        report: report([])
      })
    ])
    expect(html).toContain('<p class="fig">81.94%</p>')
    expect(html).toContain('Threshold 70%: <strong>passes</strong>')
    expect(html).toContain('Patch: <strong>75.00%</strong> (3 of 4 changed lines run)')
    expect(html).toContain('Since the baseline: <strong>▼−2.64 pp</strong>')
    expect(html).toContain('<p class="fig">59.56%</p>')
    expect(html).toContain('Threshold 60%: <strong>below it</strong>')
  })

  it('says when a suite did not run or has no figure', () => {
    const html = render([suiteResult({ enabled: false }), suiteResult({ suite: 'python', label: 'Python' })])
    expect(html).toContain('Not run (disabled).')
    expect(html).toContain('No figure: the report is missing, unreadable or empty.')
  })
})

describe('files and sources', () => {
  const files = [file('src/few.rs', '.hmh'), file('src/none.rs', '.hh'), file('src/many.rs', '.mmhmm')]

  it('sorts the file table by missed lines and links each file to its source', () => {
    const html = render([suiteResult({ report: report(files) })], {
      'src/few.rs': 'a\nb\nc\n',
      'src/none.rs': 'a\nb\n',
      'src/many.rs': '1\n2\n3\n4\n5\n'
    })
    const order = [...html.matchAll(/<tr><td><a href="#(f\d+)">([^<]*)<\/a>/g)].map((m) => m[2])
    expect(order).toEqual(['src/many.rs', 'src/few.rs', 'src/none.rs'])
    expect(html).toContain('<a href="#f0">src/many.rs</a>')
    expect(html).toContain('<details class="file" id="f0" open>')
    expect(html).toContain('<details class="file" id="f2">') // fully covered: closed
  })

  it('marks each line run, missed or not instrumented, and the changed lines not run', () => {
    const html = render(
      [
        suiteResult({
          report: report(files),
          patch: { covered: 0, total: 2, percent: 0, files: [{ path: 'src/many.rs', total: 2, covered: 0, uncovered: [[4, 5]] }] }
        })
      ],
      { 'src/many.rs': '1\n2\n3\n4\n5\n6\n' }
    )
    expect([1, 2, 3, 4, 5, 6].map((n) => lineClass(html, 'f0', n))).toEqual(['m', 'm', 'h', 'm c', 'm c', ''])
    expect(html).toContain('Missed: <a href="#f0-1">1–2</a>, <a href="#f0-4">4–5</a>')
    expect(html).toContain('<th>Changed, not run</th>')
  })

  it('keeps CRLF sources and tabs as they are, minus the CR', () => {
    const html = render([suiteResult({ report: report([file('w.py', '.h')]) })], { 'w.py': '\tx = 1\r\n' })
    expect(html).toContain('<tr id="f0-1" class="h"><td><a href="#f0-1">1</a><td>\tx = 1\n')
  })

  it('lists a file without source with its missed ranges and why', () => {
    const html = render([suiteResult({ report: report(files) })])
    expect(html).toContain('<p>Missed: 1–2, 4–5</p>')
    expect(html).toContain('Source not shown: not found in this checkout')
    expect(html).not.toContain('<table class="src">')
  })

  it('says when the report names lines the source does not have', () => {
    const html = render([suiteResult({ report: report([file('a.rs', '.hhhhm')]) })], { 'a.rs': 'one\ntwo\n' })
    expect(html).toContain('The report names line 5 but this source has 2 lines')
  })

  it('merges missed runs across lines that are not instrumented', () => {
    const states = Uint8Array.from([0, LINE_MISSED, LINE_NONE, LINE_MISSED, LINE_HIT, LINE_MISSED, LINE_NONE])
    expect(missedRanges(states)).toEqual([
      [1, 3],
      [5, 5]
    ])
    expect(missedRanges(undefined)).toEqual([])
  })
})

describe('size budget', () => {
  const big = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n')
  const lines = (n: number, c: string): string => `.${c.repeat(n)}`
  const files = [file('covered.rs', lines(200, 'h')), file('few.rs', `.m${'h'.repeat(199)}`), file('most.rs', lines(200, 'm'))]
  const texts = { 'covered.rs': big(200), 'few.rs': big(200), 'most.rs': big(200) }

  it('shows every source when the page fits', () => {
    const html = render([suiteResult({ report: report(files) })], texts)
    expect(html.match(/<table class="src">/g)).toHaveLength(3)
    expect(html).not.toContain('This page is limited to')
  })

  it('over the budget, keeps the files with the most missed lines in full, lists the rest and says so', () => {
    const calls: string[] = []
    const html = render([suiteResult({ report: report(files) })], texts, 16 * 1024 + 3000 + 60 * 1024, calls)
    expect(Buffer.byteLength(html)).toBeLessThan(16 * 1024 + 3000 + 60 * 1024)
    expect(html).toContain('<a href="#f0">most.rs</a>')
    expect(html).toContain('<a href="#f1">few.rs</a>')
    expect(html).toContain('covered.rs <span class="muted">(listed only)</span>')
    expect(html).toContain('This page is limited to')
    expect(html).toContain('2 of 3 files are shown with their source')
    expect(html).toContain('1 are only listed in the tables (all of them fully covered)')
    // Sources are read in priority order, and not at all once the budget is spent.
    expect(calls).toEqual(['most.rs', 'few.rs', 'covered.rs'])
  })

  it('stops reading sources once one does not fit', () => {
    const calls: string[] = []
    const many = Array.from({ length: 20 }, (_, i) => file(`f${i}.rs`, lines(200, 'm')))
    const html = render(
      [suiteResult({ report: report(many) })],
      Object.fromEntries(many.map((f) => [f.path, big(200)])),
      16 * 1024 + 20 * 300 + 100 * 1024,
      calls
    )
    const shown = (html.match(/<table class="src">/g) ?? []).length
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(20)
    expect(calls).toHaveLength(shown + 1)
    expect(html).toContain(`(${20 - shown} of them with missed lines)`)
  })
})
