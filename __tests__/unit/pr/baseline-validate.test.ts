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
      rust: { enabled: true, headline: { percent: 80 }, files: [{ path: 'src/a.rs', lines: t(8, 10) }] },
      python: { enabled: false, headline: null, files: [] }
    }
  })
  const current = { suite: 'rust', enabled: true, headline: { percent: 70 }, report: null } as unknown as SuiteResult
  expect(suiteDelta(current, summary.suites.rust)?.delta).toBe(-10)
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
