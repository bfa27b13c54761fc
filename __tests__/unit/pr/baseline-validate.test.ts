// The baseline's coverage-summary.json is another run's artifact: untrusted.
// Hostile or broken fields give one InvalidSummary line, never a value that
// reaches the deltas (a string percent, files that are no list, Infinity).
import { MAX_BASELINE_FILES, parseBaselineSummary } from '../../../src/pr/baseline/validate.js'
import { notOwnRun } from '../../../src/pr/baseline/find.js'
import { suiteDelta } from '../../../src/pr/baseline/delta.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import { InvalidSummary } from '../../../src/model/errors.js'

const t = (covered: number, total: number) => ({ covered, total })
const good = () => ({
  schema: 'rust-python-coverage/coverage-summary@1',
  run: { commit: 'a'.repeat(40) },
  suites: {
    rust: {
      enabled: true,
      headline: { percent: 80, covered: 8, total: 10, basis: 'LF/LH' },
      files: [{ path: 'src/a.rs', lines: t(8, 10), branches: t(0, 0), functions: t(0, 0) }]
    },
    python: { enabled: false, headline: null, files: [] }
  }
})
const withRust = (change: (rust: Record<string, unknown>) => void): string => {
  const s = good()
  change(s.suites.rust as unknown as Record<string, unknown>)
  return JSON.stringify(s)
}

it('takes a summary this action wrote: the figures the deltas use', () => {
  const summary = parseBaselineSummary(JSON.stringify(good()))
  expect(summary).toEqual({
    commit: 'a'.repeat(40),
    suites: {
      rust: {
        enabled: true,
        headline: { percent: 80 },
        files: [{ path: 'src/a.rs', lines: t(8, 10) }],
        durationSeconds: null,
        artifact: null,
        htmlArtifact: null
      },
      python: { enabled: false, headline: null, files: [], durationSeconds: null, artifact: null, htmlArtifact: null }
    }
  })
  const current = { suite: 'rust', enabled: true, headline: { percent: 70 }, report: null } as unknown as SuiteResult
  expect(suiteDelta(current, summary.suites.rust)?.delta).toBe(-10)
  // An older summary without runtime and sizes: the delta has no baseline figures for them.
  expect(suiteDelta(current, summary.suites.rust)?.base).toEqual({ durationSeconds: null, artifactBytes: null })
})

it('takes the runtime and the artifact sizes; the Rust size is its artifacts together', () => {
  const summary = parseBaselineSummary(
    withRust((r) => {
      r['durationSeconds'] = 12.3
      r['artifact'] = { name: 'rust-coverage', id: 1, size: 1000, url: null, error: null }
      r['htmlArtifact'] = { name: 'rust-coverage-html.zip', id: 2, size: 250, url: null, error: null }
    })
  )
  expect(summary.suites.rust).toMatchObject({ durationSeconds: 12.3, artifact: { size: 1000 }, htmlArtifact: { size: 250 } })
  const current = { suite: 'rust', enabled: true, headline: { percent: 70 }, report: null } as unknown as SuiteResult
  expect(suiteDelta(current, summary.suites.rust)?.base).toEqual({ durationSeconds: 12.3, artifactBytes: 1250 })
  // Before the HTML report had its own artifact it was inside the Rust one: that size alone is the suite's.
  const older = parseBaselineSummary(withRust((r) => (r['artifact'] = { name: 'rust-coverage', size: 1250 })))
  expect(suiteDelta(current, older.suites.rust)?.base).toEqual({ durationSeconds: null, artifactBytes: 1250 })
  // An artifact that was not uploaded has no size: no size to compare with.
  const failed = parseBaselineSummary(withRust((r) => (r['artifact'] = { name: 'rust-coverage', size: null, error: 'refused' })))
  expect(suiteDelta(current, failed.suites.rust)?.base?.artifactBytes).toBeNull()
})

it.each([
  [
    'a string percent',
    withRust((r) => (r['headline'] = { percent: '80', covered: 8, total: 10 })),
    /suites\.rust\.headline\.percent must be a number from 0 to 100, got "80"/
  ],
  ['files that are an object', withRust((r) => (r['files'] = {})), /suites\.rust\.files must be a list, got \{\}/],
  ['a null file', withRust((r) => (r['files'] = [null])), /suites\.rust\.files\[0\] must be an object, got null/],
  [
    'an infinite percent (1e999)',
    JSON.stringify(good()).replace('"percent":80', '"percent":1e999'),
    /percent must be a number from 0 to 100, got null/
  ],
  ['a percent above 100', withRust((r) => (r['headline'] = { percent: 100.5, covered: 8, total: 10 })), /from 0 to 100, got 100\.5/],
  [
    'a negative count',
    withRust((r) => (r['files'] = [{ path: 'a.rs', lines: t(-1, 10) }])),
    /files\[0\]\.lines\.covered must be a whole number from 0, got -1/
  ],
  ['a fractional count', withRust((r) => (r['files'] = [{ path: 'a.rs', lines: t(1.5, 10) }])), /covered must be a whole number from 0, got 1\.5/],
  ['covered above total', withRust((r) => (r['files'] = [{ path: 'a.rs', lines: t(11, 10) }])), /covered \(11\) is more than .*total \(10\)/],
  ['a huge count', withRust((r) => (r['files'] = [{ path: 'a.rs', lines: t(1, 1e300) }])), /total must be a whole number from 0/],
  ['a path with a newline', withRust((r) => (r['files'] = [{ path: 'a\n::error::x', lines: t(1, 1) }])), /files\[0\]\.path must be a path/],
  [
    'a very long path',
    withRust((r) => (r['files'] = [{ path: 'a'.repeat(5000), lines: t(1, 1) }])),
    /files\[0\]\.path must be a path of 1 to 4096 characters/
  ],
  ['enabled that is a string', withRust((r) => (r['enabled'] = 'yes')), /suites\.rust\.enabled must be true or false/],
  [
    'a string runtime',
    withRust((r) => (r['durationSeconds'] = '12')),
    /suites\.rust\.durationSeconds must be a number of seconds from 0 to \d+, got "12"/
  ],
  ['a negative runtime', withRust((r) => (r['durationSeconds'] = -1)), /suites\.rust\.durationSeconds must be a number of seconds/],
  [
    'an infinite runtime (1e999)',
    withRust((r) => (r['durationSeconds'] = 1)).replace('"durationSeconds":1', '"durationSeconds":1e999'),
    /durationSeconds must be a number of seconds from 0 to \d+, got null/
  ],
  ['a runtime beyond a year', withRust((r) => (r['durationSeconds'] = 4e7)), /durationSeconds must be a number of seconds/],
  ['an artifact that is a string', withRust((r) => (r['artifact'] = 'big')), /suites\.rust\.artifact must be an object, got "big"/],
  ['a negative artifact size', withRust((r) => (r['artifact'] = { size: -5 })), /suites\.rust\.artifact\.size must be a whole number from 0, got -5/],
  [
    'a fractional HTML artifact size',
    withRust((r) => (r['htmlArtifact'] = { size: 1.5 })),
    /suites\.rust\.htmlArtifact\.size must be a whole number from 0/
  ],
  [
    'a string HTML artifact size',
    withRust((r) => (r['htmlArtifact'] = { size: '1 MB' })),
    /htmlArtifact\.size must be a whole number from 0, got "1 MB"/
  ],
  ['a suite that is a list', JSON.stringify({ ...good(), suites: { rust: [] } }), /suites\.rust must be an object, got \[\]/],
  ['no suites', JSON.stringify({ ...good(), suites: null }), /suites must be an object, got null/],
  ['another schema', JSON.stringify({ ...good(), schema: 'x' }), /not a coverage-summary\.json of this action/],
  ['not JSON', '{', /not JSON/],
  ['a JSON list', '[1]', /the summary must be an object/]
])('rejects %s with one line naming the field', (_what, text, message) => {
  expect(() => parseBaselineSummary(text)).toThrow(InvalidSummary)
  expect(() => parseBaselineSummary(text)).toThrow(message)
})

it('rejects more files than any report holds, without reading them one by one', () => {
  const files = new Array(MAX_BASELINE_FILES + 1).fill({ path: 'a.rs', lines: t(1, 1) })
  expect(() => parseBaselineSummary(withRust((r) => (r['files'] = files)))).toThrow(`holds ${MAX_BASELINE_FILES + 1} files, more than`)
})

it("takes only push and scheduled runs of this repository's own base branch", () => {
  const run = (over: Record<string, unknown>) => ({
    id: 1,
    head_branch: 'main',
    event: 'push',
    head_repository: { full_name: 'owner/repo' },
    ...over
  })
  expect(notOwnRun(run({}), 'owner/repo', 'main')).toBeNull()
  expect(notOwnRun(run({ event: 'schedule' }), 'owner/repo', 'main')).toBeNull()
  expect(notOwnRun(run({ event: 'pull_request', head_repository: { full_name: 'forker/repo' } }), 'owner/repo', 'main')).toBe(
    'its head is in forker/repo'
  )
  expect(notOwnRun(run({ event: 'pull_request' }), 'owner/repo', 'main')).toBe('it ran for a pull_request event')
  expect(notOwnRun(run({ event: 'workflow_dispatch' }), 'owner/repo', 'main')).toBe('it ran for a workflow_dispatch event')
  expect(notOwnRun(run({ head_repository: null }), 'owner/repo', 'main')).toBe('its head is in an unknown repository')
  expect(notOwnRun(run({ head_branch: 'feature' }), 'owner/repo', 'main')).toBe('it ran on feature')
  expect(notOwnRun(run({ id: '1' }), 'owner/repo', 'main')).toBe('its id is not a run id')
})
