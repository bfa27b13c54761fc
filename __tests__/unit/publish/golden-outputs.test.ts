// Golden outputs: what users read — the job summary, the pull request comment
// and the terminal text of a local run — for fixed runs built from the real
// fixture reports, committed under __tests__/__outputs__/ so that a reviewer
// sees in a diff what a change does to them.
// After an intended change: UPDATE_GOLDEN=1 npx jest __tests__/unit/publish/golden-outputs.test.ts
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Findings, type Finding, type Advisory, type Status } from '../../../src/model/findings.js'
import { judgeThreshold } from '../../../src/publish/verdict.js'
import type { BaselineOutcome, MergeOutcome, PatchOutcome } from '../../../src/model/outcomes.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import { SUITE_LABELS } from '../../../src/model/suite.js'
import type { SuiteSummary } from '../../../src/model/coverage-summary.js'
import { commentBody, commentMarker, COMMENT_LIMIT } from '../../../src/pr/comment.js'
import { suiteDelta } from '../../../src/pr/baseline/delta.js'
import { patchCoverage } from '../../../src/pr/patch/patch-coverage.js'
import { renderSummary, type SummaryInput } from '../../../src/publish/summary.js'
import { summaryForTerminal } from '../../../src/publish/terminal.js'
import { parseCoberturaFile } from '../../../src/reports/cobertura.js'
import { formatPercent, pythonHeadline, rustHeadline } from '../../../src/reports/headline.js'
import { parseLcovFile } from '../../../src/reports/lcov.js'
import type { CoverageReport } from '../../../src/reports/model.js'
import { realReportFile, repoRoot } from '../../../test-support/fixtures.js'

const outputs = path.join(repoRoot, '__tests__/__outputs__')
const example = path.join(repoRoot, 'examples/mixed-project')
const runUrl = 'https://github.com/octo/mixed/actions/runs/4242'

let rustReport: CoverageReport
let pythonReport: CoverageReport
beforeAll(async () => {
  rustReport = await parseLcovFile(realReportFile('rust.lcov'), { root: example, displayName: 'target/coverage/rust.lcov' })
  pythonReport = await parseCoberturaFile(realReportFile('python.xml'), { root: example, displayName: 'target/coverage/python.xml' })
})

function suites(minLines: { rust: number | null; python: number | null }, uploaded = true): [SuiteResult, SuiteResult] {
  const make = (suite: 'rust' | 'python', report: CoverageReport, durationMs: number, id: number, size: number): SuiteResult => ({
    suite,
    label: SUITE_LABELS[suite],
    enabled: true,
    commands: [],
    durationMs,
    reportPath: suite === 'rust' ? 'target/coverage/rust.lcov' : 'target/coverage/python.xml',
    report,
    headline: suite === 'rust' ? rustHeadline(report) : pythonHeadline(report, { precision: 0, source: null }),
    minLines: minLines[suite],
    tools: {},
    artifact: uploaded
      ? { name: `${suite}-coverage`, files: [], id, url: `${runUrl}/artifacts/${id}`, size }
      : { name: `${suite}-coverage`, files: [], error: 'the artifact service did not finish within 600 s' },
    // Rust: the zipped HTML report, its own artifact (uploaded unzipped).
    ...(suite === 'rust'
      ? {
          htmlArtifact: uploaded
            ? { name: 'rust-coverage-html.zip', files: [], id: 1004, url: `${runUrl}/artifacts/1004`, size: 1_187_954 }
            : { name: 'rust-coverage-html.zip', files: [], error: 'the artifact service did not finish within 600 s' }
        }
      : {})
  })
  return [make('rust', rustReport, 41_200, 1001, 183_422), make('python', pythonReport, 6_300, 1002, 4_318)]
}

const input = (over: Partial<SummaryInput> & { suites: SuiteResult[]; status: Status }): SummaryInput => ({
  findings: [],
  advisories: [],
  nonBlocking: true,
  filesPerSuite: 10,
  ...over
})

/** A baseline coverage-summary.json suite entry, as an earlier run on main would have written it. */
function baselineSuite(
  result: SuiteResult,
  percentShift: number,
  dropFile: string,
  costs: { seconds: number; artifact: number; html?: number }
): SuiteSummary {
  const headline = result.headline!
  return {
    enabled: true,
    report: result.reportPath,
    format: null,
    producer: null,
    tools: {},
    headline: { ...headline, percent: headline.percent + percentShift },
    totals: null,
    threshold: { minLines: result.minLines, met: null },
    durationSeconds: costs.seconds,
    commands: [],
    artifact: { name: `${result.suite}-coverage`, id: 900, size: costs.artifact, url: null, error: null },
    htmlArtifact: costs.html === undefined ? null : { name: 'rust-coverage-html.zip', id: 901, size: costs.html, url: null, error: null },
    findings: [],
    files: (result.report?.files ?? []).map((f) => ({
      path: f.path,
      lines: f.path === dropFile ? { covered: f.lines.total, total: f.lines.total } : f.lines,
      branches: f.branches,
      functions: f.functions
    })),
    patch: null,
    delta: null,
    htmlZip: null
  }
}

const scenarios: Record<string, () => SummaryInput> = {
  'passing-run': () =>
    input({ suites: suites({ rust: 70, python: 60 }), status: 'passed', page: { name: 'coverage-report.html', url: `${runUrl}/artifacts/1003` } }),
  'run-with-findings': () => {
    const [rust, python] = suites({ rust: 95, python: 99 }, false)
    const findings: Finding[] = [
      {
        suite: 'rust',
        kind: 'tool-failed',
        message: 'Rust coverage command failed with exit code 101: cargo llvm-cov --no-report --no-default-features'
      },
      ...thresholdFindings(rust),
      ...thresholdFindings(python),
      {
        suite: 'python',
        kind: 'upload-failed',
        message: 'Python artifact "python-coverage" was not uploaded: the artifact service did not finish within 600 s'
      }
    ]
    const advisories: Advisory[] = [
      { suite: 'rust', message: 'target/coverage/rust.lcov: 1 problem(s) while reading, e.g. rust.lcov:12: negative count -3 in DA; read as 0' }
    ]
    return input({ suites: [rust, python], status: 'warned', findings, advisories })
  },
  'pull-request': () => {
    const [rust, python] = suites({ rust: 70, python: 60 })
    const rustFile = 'src/text.rs'
    const pythonFile = 'python/mixed_demo/stats.py'
    const changed = (file: string, lines: number[]) => new Map([[file, lines]])
    rust.patch = patchCoverage(
      rustReport,
      changed(
        rustFile,
        Array.from({ length: 40 }, (_, i) => i + 1)
      )
    )
    python.patch = patchCoverage(
      pythonReport,
      changed(
        pythonFile,
        Array.from({ length: 30 }, (_, i) => i + 1)
      )
    )
    rust.delta = suiteDelta(rust, baselineSuite(rust, 1.25, rustFile, { seconds: 40, artifact: 180_112, html: 1_085_220 }))
    python.delta = suiteDelta(python, baselineSuite(python, -0.5, pythonFile, { seconds: 6.4, artifact: 4_318 }))
    const patch: PatchOutcome = {
      base: 'b'.repeat(40),
      how: `the pull request's base ${'b'.repeat(12)} (the first parent of GitHub's merge commit)`,
      changedFiles: 2,
      minPatch: 90
    }
    const baseline: BaselineOutcome = {
      run: {
        runId: 4100,
        url: 'https://github.com/octo/mixed/actions/runs/4100',
        commit: 'c'.repeat(40),
        branch: 'main',
        createdAt: '2026-11-29T10:00:00Z'
      },
      maxDrop: 1
    }
    const findings: Finding[] = [
      {
        suite: 'rust',
        kind: 'drop',
        message: `Rust coverage dropped 1.25 pp (${formatPercent(rust.delta!.before!)} on main to ${formatPercent(rust.delta!.after!)}), more than max-drop 1 pp`
      },
      {
        suite: 'python',
        kind: 'patch',
        message: `Python patch coverage ${formatPercent(python.patch.percent!)} (${python.patch.covered}/${python.patch.total} changed statements) is below min-patch 90%`
      }
    ]
    return input({ suites: [rust, python], status: 'failed', nonBlocking: false, findings, patch, baseline })
  },
  merge: () => {
    const [rust, python] = suites({ rust: 70, python: 60 })
    const merge: MergeOutcome = {
      shards: [
        { suite: 'rust', artifact: 'rust-coverage-1', id: 11, report: 'target/coverage/shards/rust-coverage-1/rust.lcov' },
        { suite: 'rust', artifact: 'rust-coverage-2', id: 12, report: 'target/coverage/shards/rust-coverage-2/rust.lcov' },
        { suite: 'python', artifact: 'python-coverage-1', id: 13, report: 'target/coverage/shards/python-coverage-1/python.xml' },
        { suite: 'python', artifact: 'python-coverage-2', id: 14, report: 'target/coverage/shards/python-coverage-2/python.xml' }
      ]
    }
    return input({ suites: [rust, python], status: 'passed', merge })
  }
}

/** The threshold findings as the action words them. */
function thresholdFindings(suite: SuiteResult): Finding[] {
  const findings = new Findings()
  judgeThreshold(suite, findings)
  return findings.findings
}

function expectGolden(file: string, actual: string): void {
  const target = path.join(outputs, file)
  if (process.env['UPDATE_GOLDEN'] === '1' || !fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, actual)
  }
  expect(actual).toBe(fs.readFileSync(target, 'utf8'))
}

describe.each(Object.keys(scenarios))('%s', (name) => {
  it('job summary, pull request comment and terminal text match the committed outputs', () => {
    const summaryInput = scenarios[name]!()
    const summary = renderSummary(summaryInput)
    expectGolden(`${name}/summary.md`, summary)
    const marker = commentMarker('CI/coverage/coverage-summary')
    expectGolden(`${name}/comment.md`, commentBody(marker, renderSummary(summaryInput, COMMENT_LIMIT - 4096), runUrl))
    expectGolden(`${name}/terminal.txt`, summaryForTerminal(summary))
  })
})
