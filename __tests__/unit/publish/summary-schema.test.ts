// The published schema of coverage-summary.json accepts what the action writes
// and refuses what it must not hold (the e2e tests validate real runs' files).
import { buildCoverageSummary, runFacts, suiteSummary } from '../../../src/publish/coverage-summary.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import { summarySchemaErrors } from '../../../test-support/summary-schema.js'

const suite = (id: 'rust' | 'python'): SuiteResult => ({
  suite: id,
  label: id,
  enabled: true,
  commands: [{ command: 'x', exitCode: 0, signal: null, timedOut: false, durationMs: 1234 }],
  durationMs: 1234,
  reportPath: `target/coverage/${id}`,
  minLines: 70,
  tools: { rustc: '1.95.0' },
  headline: { percent: 80, covered: 8, total: 10, unit: 'lines', basis: 'lines' }
})

const summary = () =>
  JSON.parse(
    JSON.stringify(
      buildCoverageSummary({
        run: runFacts({ GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'a'.repeat(40) }, '3.12'),
        status: 'passed',
        nonBlocking: true,
        findings: [{ suite: 'action', kind: 'patch', message: 'm' }],
        suites: { rust: suiteSummary(suite('rust'), [], {}), python: suiteSummary(suite('python'), [], {}) }
      })
    )
  )

it('accepts what buildCoverageSummary writes', () => {
  expect(summarySchemaErrors(summary())).toEqual([])
})

it('refuses a wrong schema id, a percent above 100 and an unknown finding kind', () => {
  const bad = summary()
  bad.schema = 'something-else@2'
  bad.suites.rust.headline.percent = 120
  bad.findings[0].kind = 'oops'
  expect(summarySchemaErrors(bad)).toEqual(
    expect.arrayContaining([
      '/schema must be equal to constant',
      '/suites/rust/headline/percent must be <= 100',
      '/findings/0/kind must be equal to one of the allowed values'
    ])
  )
})
