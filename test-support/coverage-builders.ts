// Builders of coverage results for unit tests: a file with its line figures,
// a report of such files (line totals summed), and a Rust suite result with
// the fields a test does not care about filled in.
import type { SuiteResult } from '../src/model/suite.js'
import type { CoverageReport, FileCoverage } from '../src/reports/model.js'

/** A file with `covered` of `total` lines and no branches or functions. */
export const fileCoverage = (path: string, covered: number, total: number): FileCoverage => ({
  path,
  lines: { covered, total },
  branches: { covered: 0, total: 0 },
  functions: { covered: 0, total: 0 }
})

/** An lcov report of these files; its line totals are theirs added up. */
export function lcovReport(files: FileCoverage[], declared: CoverageReport['declared'] = {}): CoverageReport {
  const lines = files.reduce((t, f) => ({ covered: t.covered + f.lines.covered, total: t.total + f.lines.total }), { covered: 0, total: 0 })
  return {
    format: 'lcov',
    source: 'rust.lcov',
    files,
    totals: { lines, branches: { covered: 0, total: 0 }, functions: { covered: 0, total: 0 } },
    declared,
    warnings: []
  }
}

/** An enabled Rust suite that ran nothing yet, with `over` laid on top. */
export const suiteResult = (over: Partial<SuiteResult> = {}): SuiteResult => ({
  suite: 'rust',
  label: 'Rust',
  enabled: true,
  commands: [],
  durationMs: 0,
  reportPath: 'target/coverage/rust.lcov',
  minLines: null,
  tools: {},
  ...over
})
