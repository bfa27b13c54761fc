// Runtime and artifact size since the baseline, as the summary, the comment and
// the page word them: "Rust 12.3 s (+1.2 s), artifacts 1.4 MiB (+0.1 MiB)".
import { artifactsBytes, costsText, formatBytes, suiteCosts } from '../../../src/publish/costs.js'
import { renderSummary } from '../../../src/publish/summary.js'
import { renderPage } from '../../../src/page/render.js'
import type { ArtifactInfo, SuiteResult } from '../../../src/model/suite.js'

const artifact = (name: string, size: number | undefined, error?: string): ArtifactInfo => ({
  name,
  files: [],
  ...(size === undefined ? {} : { id: 1, size, url: `https://github.com/o/r/actions/runs/1/artifacts/${size}` }),
  ...(error ? { error } : {})
})

function rust(over: Partial<SuiteResult> = {}): SuiteResult {
  return {
    suite: 'rust',
    label: 'Rust',
    enabled: true,
    commands: [],
    durationMs: 12_340,
    reportPath: 'target/coverage/rust.lcov',
    minLines: null,
    tools: {},
    headline: { percent: 80, covered: 8, total: 10, basis: 'LF/LH', unit: 'lines' },
    artifact: artifact('rust-coverage', 200_000),
    htmlArtifact: artifact('rust-coverage-html.zip', 1_300_000),
    delta: { before: 81.25, after: 80, delta: -1.25, files: [], base: { durationSeconds: 11.1, artifactBytes: 1_400_000 } },
    ...over
  }
}

const text = (suite: SuiteResult): string | null => {
  const costs = suiteCosts(suite)
  return costs ? costsText(suite, costs) : null
}

it('says the runtime and the artifacts together, each with its change since the baseline', () => {
  expect(text(rust())).toBe('12.3 s (+1.2 s), artifacts 1.4 MiB (+97.7 KiB)')
  expect(suiteCosts(rust())).toEqual({
    durationSeconds: { before: 11.1, after: 12.3, delta: 1.2 },
    artifactBytes: { before: 1_400_000, after: 1_500_000, delta: 100_000 }
  })
  // Smaller and slower or faster: the minus sign; no change at all: ±.
  const python = rust({
    suite: 'python',
    label: 'Python',
    durationMs: 3_000,
    artifact: artifact('python-coverage', 4_318),
    htmlArtifact: undefined,
    delta: { before: 90, after: 90, delta: 0, files: [], base: { durationSeconds: 3.5, artifactBytes: 4_318 } }
  })
  expect(text(python)).toBe('3.0 s (−0.5 s), artifact 4.2 KiB (±0 B)')
  expect(text(rust({ durationMs: 11_080 }))).toBe('11.1 s (±0.0 s), artifacts 1.4 MiB (+97.7 KiB)')
  expect(text(rust({ htmlArtifact: artifact('rust-coverage-html.zip', 1_100_000) }))).toBe('12.3 s (+1.2 s), artifacts 1.2 MiB (−97.7 KiB)')
})

it('an older baseline without the figures shows them without a change; an upload that failed shows no size', () => {
  expect(text(rust({ delta: { before: 81.25, after: 80, delta: -1.25, files: [], base: { durationSeconds: null, artifactBytes: null } } }))).toBe(
    '12.3 s, artifacts 1.4 MiB'
  )
  expect(text(rust({ htmlArtifact: artifact('rust-coverage-html.zip', undefined, 'the artifact service did not finish within 600 s') }))).toBe(
    '12.3 s (+1.2 s)'
  )
  expect(text(rust({ artifact: undefined, htmlArtifact: undefined }))).toBe('12.3 s (+1.2 s)')
  // No baseline (delta absent, or from a summary without runtime and sizes at all): nothing to say.
  expect(text(rust({ delta: null }))).toBeNull()
  expect(text(rust({ delta: { before: 81.25, after: 80, delta: -1.25, files: [] } }))).toBeNull()
})

it('artifactsBytes: the sum, or null when one of them has no size', () => {
  expect(artifactsBytes([artifact('a', 10), artifact('b', 5)])).toBe(15)
  expect(artifactsBytes([artifact('a', 10), undefined])).toBe(10)
  expect(artifactsBytes([artifact('a', 10), artifact('b', undefined, 'refused')])).toBeNull()
  expect(artifactsBytes([undefined, null])).toBeNull()
  expect(formatBytes(1023)).toBe('1023 B')
  expect(formatBytes(1536)).toBe('1.5 KiB')
})

it('the job summary says it beside the coverage change, per suite; the page card too, linking the HTML report', () => {
  const python = rust({
    suite: 'python',
    label: 'Python',
    durationMs: 3_000,
    headline: { percent: 90, covered: 9, total: 10, basis: 'statements', unit: 'statements' },
    artifact: artifact('python-coverage', 4_318),
    htmlArtifact: undefined,
    delta: { before: 89.5, after: 90, delta: 0.5, files: [], base: { durationSeconds: null, artifactBytes: null } }
  })
  const summary = renderSummary({
    suites: [rust(), python],
    findings: [],
    advisories: [],
    status: 'passed',
    nonBlocking: true,
    filesPerSuite: 0,
    baseline: { run: { runId: 7, url: null, commit: null, branch: 'main', createdAt: null }, maxDrop: null }
  })
  expect(summary).toContain(
    '<sub>Since the baseline: Rust −1.25 pp, 12.3 s (+1.2 s), artifacts 1.4 MiB (+97.7 KiB); Python +0.50 pp, 3.0 s, artifact 4.2 KiB.</sub>'
  )
  // Both Rust artifacts are linked in the table.
  expect(summary).toContain(
    '[rust-coverage](https://github.com/o/r/actions/runs/1/artifacts/200000) (195.3 KiB)<br>[rust-coverage-html.zip](https://github.com/o/r/actions/runs/1/artifacts/1300000) (1.2 MiB)'
  )
  // Without a baseline there is no such line.
  expect(
    renderSummary({ suites: [rust({ delta: null })], findings: [], advisories: [], status: 'passed', nonBlocking: true, filesPerSuite: 0 })
  ).not.toContain('Since the baseline')

  const page = renderPage([rust(), python], { title: 'Coverage', source: () => ({ skipped: 'none' }) }).join('')
  expect(page).toContain('<p>Since the baseline: <strong>▼−1.25 pp</strong>; 12.3 s (+1.2 s), artifacts 1.4 MiB (+97.7 KiB)</p>')
  expect(page).toContain('<p>Since the baseline: <strong>▲+0.50 pp</strong>; 3.0 s, artifact 4.2 KiB</p>')
  expect(page).toContain('<p>HTML report: <a href="https://github.com/o/r/actions/runs/1/artifacts/1300000">rust-coverage-html.zip</a> (1.2 MiB)</p>')
})

it("the page links the HTML report only when its URL is https on the run's server; names are escaped", () => {
  const html = (url: string, name = 'rust-coverage-html.zip') =>
    renderPage([rust({ htmlArtifact: { name, files: [], id: 1, size: 10, url } })], {
      title: 'Coverage',
      source: () => ({ skipped: 'none' }),
      serverUrl: 'https://ghe.example.com'
    }).join('')
  expect(html('https://ghe.example.com/o/r/actions/runs/1/artifacts/1')).toContain(
    '<a href="https://ghe.example.com/o/r/actions/runs/1/artifacts/1">'
  )
  expect(html('https://github.com/o/r/actions/runs/1/artifacts/1')).not.toContain('HTML report:')
  expect(html('javascript:alert(1)')).not.toContain('HTML report:')
  expect(html('http://ghe.example.com/x')).not.toContain('HTML report:')
  expect(html('https://ghe.example.com/x', '<b>x</b>.zip')).toContain('>&lt;b&gt;x&lt;/b&gt;.zip</a>')
})
